/**
 * Reads `content/` in Node (the server at start, and every command) with the same schemas
 * and the same whole-content check as the build (`src/domain/model/`), and prepares what
 * the referral flow needs of it: the routing table (with the deployment's routing file,
 * `ROUTING_FILE`), the ids the schema accepts and the labels of the e-mails.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  VERDICTS,
  checkContent,
  eligibilityRule,
  officesOf,
  orderContent,
  requestableServices,
  schemas,
  type CollectionName,
  type Content,
  type FileOf,
  validateEntry,
} from '../src/domain/model/index';
import { buildRoutingTable, parseRoutingOverrides } from '../src/domain/referral/index';
import type { ReferralOptions, RouteOverride, RoutingOverrides, RoutingTable } from '../src/domain/referral/index';

/** The repository's `content/` folder (independent of the working directory). */
export const DEFAULT_CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'content');

/** The content is not valid: every problem, each naming the file and the field. */
export class ContentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The content is not valid (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

/** A routing file cannot be read or is not valid. */
export class RoutingFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Routing file ${file} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'RoutingFileError';
  }
}

/** Folder (or file) of each collection under `content/`. */
const PLACES: Record<CollectionName, string> = {
  sources: 'sources',
  region: 'region.yaml',
  helpLines: 'help-lines.yaml',
  fosterCentres: 'foster-centres.yaml',
  services: 'services',
  targetGroups: 'target-groups',
  municipalities: 'municipalities',
  locations: 'locations',
  glossary: 'glossary',
  pages: 'pages',
  eligibility: 'eligibility',
};

/**
 * Read and validate every collection under `contentDir`, then check the content as a whole.
 * @returns the content in display order
 * @throws ContentError listing every problem as `content/<file>: <field>: <what is wrong>`
 */
export function loadContent(contentDir: string = DEFAULT_CONTENT_DIR): Content {
  // Messages name files as an editor sees them: `content/services/dac.yaml`.
  const root = dirname(resolve(contentDir));
  const show = (path: string): string => relative(root, path).split('\\').join('/');
  /** Where each source was read from (sources are lists in several files). */
  const sourceFiles = new Map<string, string>();
  const fileOf: FileOf = (collection, id) => {
    if (collection === 'sources') return sourceFiles.get(id) ?? show(join(contentDir, PLACES.sources));
    const place = join(contentDir, PLACES[collection]);
    return show(place.endsWith('.yaml') ? place : join(place, `${id}.yaml`));
  };
  const problems: string[] = [];

  const read = (file: string): unknown => {
    try {
      return parse(readFileSync(file, 'utf8')) as unknown;
    } catch (error) {
      problems.push(`${show(file)}: not readable YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
      return undefined;
    }
  };
  const validate = <S extends z.ZodTypeAny>(schema: S, data: unknown, file: string): z.output<S> | null => {
    const result = validateEntry(schema, data, show(file));
    if (result.ok) return result.value;
    problems.push(...result.problems);
    return null;
  };
  /** A folder of entries, one file each, the file name their id. */
  const folder = <S extends z.ZodTypeAny>(collection: CollectionName, schema: S): (z.output<S> & { id: string })[] => {
    const dir = join(contentDir, PLACES[collection]);
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((n) => n.endsWith('.yaml'))
        .sort();
    } catch {
      problems.push(`${show(dir)}: the folder is missing`);
      return [];
    }
    return names.flatMap((name) => {
      const file = join(dir, name);
      const data = read(file);
      if (data === undefined) return [];
      const value = validate(schema, data, file);
      return value === null ? [] : [{ ...value, id: basename(name, '.yaml') }];
    });
  };
  /** A file holding a list of entries, each with its own `id`. */
  const listFile = <S extends z.ZodTypeAny>(schema: S, file: string): z.output<S>[] => {
    const data = read(file);
    if (data === undefined) return [];
    if (!Array.isArray(data)) {
      problems.push(`${show(file)}: expected a list of entries`);
      return [];
    }
    return data.flatMap((entry: unknown, i) => {
      const value = validate(schema, entry, `${file}: [${i}]`);
      return value === null ? [] : [value];
    });
  };

  const sourcesDir = join(contentDir, PLACES.sources);
  let sourceLists: string[] = [];
  try {
    sourceLists = readdirSync(sourcesDir)
      .filter((n) => n.endsWith('.yaml'))
      .sort();
  } catch {
    problems.push(`${show(sourcesDir)}: the folder is missing`);
  }
  const sources = sourceLists.flatMap((name) => {
    const file = join(sourcesDir, name);
    const list = listFile(schemas.sourceEntry, file);
    for (const src of list) {
      if (sourceFiles.has(src.id))
        problems.push(`${show(file)}: source "${src.id}" is also in ${sourceFiles.get(src.id) ?? ''}`);
      else sourceFiles.set(src.id, show(file));
    }
    return list;
  });
  const regions = listFile(schemas.region, join(contentDir, PLACES.region));
  const helpLines = listFile(schemas.helpLine, join(contentDir, PLACES.helpLines));
  const fosterCentres = listFile(schemas.fosterCentre, join(contentDir, PLACES.fosterCentres));
  const parts = {
    services: folder('services', schemas.service),
    targetGroups: folder('targetGroups', schemas.targetGroup),
    municipalities: folder('municipalities', schemas.municipality),
    locations: folder('locations', schemas.location),
    glossary: folder('glossary', schemas.glossaryEntry),
    pages: folder('pages', schemas.page),
    eligibility: folder('eligibility', eligibilityRule),
  };
  const region = regions[0];
  if (region === undefined || regions.length > 1) problems.push(`${fileOf('region', '')}: expected exactly one entry`);
  if (problems.length > 0 || region === undefined) throw new ContentError(problems);
  const content: Content = orderContent({ sources, region, helpLines, fosterCentres, ...parts });
  const whole = checkContent(content, fileOf);
  if (whole.length > 0) throw new ContentError(whole);
  return content;
}

/**
 * Read and validate a routing file (JSON, the shape `routing --json` prints; partial allowed).
 * @throws RoutingFileError listing every problem
 */
export function loadRoutingOverrides(file: string, municipalityIds: readonly string[]): RoutingOverrides {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    const reason =
      error instanceof SyntaxError ? 'not valid JSON' : error instanceof Error ? error.message : String(error);
    throw new RoutingFileError(file, [reason]);
  }
  const result = parseRoutingOverrides(json, municipalityIds);
  if (!result.ok) throw new RoutingFileError(file, result.errors);
  // Key files are named relative to the routing file (keys usually sit beside it).
  const base = dirname(resolve(file));
  const value: Record<string, Partial<Record<'service' | 'foster', RouteOverride>>> = {};
  for (const [id, routes] of Object.entries(result.value)) {
    const resolved: Partial<Record<'service' | 'foster', RouteOverride>> = {};
    for (const [type, route] of Object.entries(routes) as ['service' | 'foster', RouteOverride][]) {
      resolved[type] =
        route.pgpKeyFile === undefined ? route : { ...route, pgpKeyFile: resolve(base, route.pgpKeyFile) };
    }
    Object.defineProperty(value, id, { value: resolved, enumerable: true, writable: true, configurable: true });
  }
  return value;
}

/** Everything the referral flow reads from content, ready to use. */
export interface ReferralContent {
  content: Content;
  routing: RoutingTable;
  /**
   * For `validateReferral`: the municipality and service ids, and what the eligibility
   * check's verdicts may name (every service, the model's `VERDICTS`).
   */
  ids: ReferralOptions & { municipalities: string[]; services: string[] };
  /** For the e-mails: service id → Latvian title. */
  serviceTitles: Record<string, string>;
}

/**
 * Load the content and the routing (with the routing file, if given).
 * @throws ContentError or RoutingFileError
 */
export function loadReferralContent(options: { contentDir?: string; routingFile?: string } = {}): ReferralContent {
  const content = loadContent(options.contentDir);
  // The request names services the social service provides; the wizard's verdicts in its
  // answers may name any service (a benefit at VSAA, a step first).
  const services = content.services.map((s) => s.id);
  const ids = {
    municipalities: content.municipalities.map((m) => m.id),
    services: requestableServices(content.services).map((s) => s.id),
    answers: { services, verdicts: VERDICTS },
  };
  const overrides = options.routingFile ? loadRoutingOverrides(options.routingFile, ids.municipalities) : {};
  return {
    content,
    routing: buildRoutingTable(content.municipalities.map(officesOf), overrides),
    ids,
    serviceTitles: Object.fromEntries(content.services.map((s) => [s.id, s.lv.title])),
  };
}
