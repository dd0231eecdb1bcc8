/**
 * One type per entity of the content model, derived from its schema: every reader (the
 * pages, the islands' props, the server, the commands) uses these names and no others.
 * An entity is its file's data with the file's id.
 */
import type { z } from 'zod';
import type * as schemas from './schemas';
import type { EligibilityRule } from './eligibility';

/** A file's data with the file name (without `.yaml`) as its id. */
export type Entity<T> = T & { readonly id: string };

export type Source = z.output<typeof schemas.sourceEntry>;
export type Region = z.output<typeof schemas.region>;
/** An office's contact details (a social service, an orphans' court, the planning region). */
export type Contact = z.output<typeof schemas.contact>;
export type Service = Entity<z.output<typeof schemas.service>>;
export type TargetGroup = Entity<z.output<typeof schemas.targetGroup>>;
export type Municipality = Entity<z.output<typeof schemas.municipality>>;
export type Location = Entity<z.output<typeof schemas.location>>;
export type GlossaryEntry = Entity<z.output<typeof schemas.glossaryEntry>>;
export type Page = Entity<z.output<typeof schemas.page>>;
export type HelpLine = z.output<typeof schemas.helpLine>;
export type FosterCentre = z.output<typeof schemas.fosterCentre>;
/** A statement of Latvian text with the sources it rests on. */
export type Statement = z.output<typeof schemas.statement>;
export type Cite = z.output<typeof schemas.cite>;
export type { EligibilityRule };

/** The collections of `content/`, as every reader gets them. */
export interface Content {
  sources: readonly Source[];
  region: Region;
  services: readonly Service[];
  targetGroups: readonly TargetGroup[];
  municipalities: readonly Municipality[];
  locations: readonly Location[];
  glossary: readonly GlossaryEntry[];
  pages: readonly Page[];
  helpLines: readonly HelpLine[];
  fosterCentres: readonly FosterCentre[];
  /** One rule file per service, `id` = the service's id. */
  eligibility: readonly Entity<EligibilityRule>[];
}

/** The collections' names (a folder or a file under `content/` each). */
export type CollectionName = keyof Content;
