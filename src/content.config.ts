/**
 * The content model of the portal. Every collection is read from the top-level
 * `content/` folder; an editor changes files there, and these schemas reject mistakes
 * at build time (Astro names the file and the field that is wrong).
 *
 * Conventions that hold for every collection:
 * - `source`: the ids of the documents a fact comes from (see `content/sources.yaml`:
 *   seed file names such as `002_1d3f57242e25ac0b.txt`, or a public page).
 * - `asOf`: the date the facts describe (not the date the file was written); a year alone
 *   (`asOf: 2016`) where the source is dated only by its year.
 * - `lv`: the Latvian text; `easy`: the easy-read Latvian text ("viegli lasīt").
 *   Easy-read text is written as `lines`: one sentence per item, shown one per line.
 * - Inline markup in any text: `[label](/path/)` makes a link to a page of the portal.
 *   Nothing else is interpreted; all text is escaped when rendered.
 * - Unknown facts are written as `null` (or an empty list) — never guessed. Pages show
 *   "nav zināms" / "tiek precizēts" for them.
 */
import { defineCollection, reference, z } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { ICON_NAMES } from './domain/icons';
import type { FactDate } from './domain/text/fact-date';

/** A date in the content files, written as YAML `2023-05-01`. */
const date = z.coerce.date();
/**
 * The date the facts describe: a day (`2023-05-01`) or, when the source is dated only
 * by its year ("ap. 2016"), the year alone (`2016`) — never a made-up day.
 */
const factDate = z
  .union([z.date(), z.number().int().min(1990).max(2100)])
  .transform((v): FactDate => (typeof v === 'number' ? { year: v } : { day: v }));
/** One or more ids from `content/sources.yaml`. */
const source = z.array(reference('sources')).min(1);
const text = z.string().trim().min(1);
/** Paragraphs of Latvian text. */
const paragraphs = z.array(text).min(1);
/** A list; may be empty (`[]`) when the sources do not say — the page then says so. */
const list = z.array(text);
/** Easy-read text: one short sentence per item. */
const lines = z.array(text).min(1);
/** Easy-read list that may be empty when the sources do not say. */
const optionalLines = z.array(text);
const icon = z.enum(ICON_NAMES);

/** A document or public page that facts come from. */
const sources = defineCollection({
  loader: file('./content/sources.yaml'),
  schema: z.strictObject({
    /** The id other entries use in `source` (a seed's file name, or a short name). */
    id: text,
    /** Title as the document or page gives it. */
    title: text,
    kind: z.enum(['seed', 'web', 'law']),
    /** Public address where the document can be read, if there is one. */
    url: z.string().url().nullable(),
    /** When the document is dated, as far as known ("30.09.2021", "ap. 2015"); `null` if unknown. */
    dated: text.nullable(),
    /** What the portal takes from it. */
    note: z.string().optional(),
  }),
});

/** A social service, orphans' court or other office. Unknown values are `null`. */
const contactFields = z.strictObject({
  name: text.nullable(),
  address: text.nullable(),
  /** Phone numbers as published; `[]` when none was found. */
  phones: z.array(text),
  /** `null` when no address was found: never write a guessed address. */
  email: z.string().email().nullable(),
  web: text.nullable(),
  /** Where these details were found. */
  source: source,
  /** The date the details were taken from that source into the portal. */
  checked: date,
  /** How old the source's own information is, if it says ("2020" = before the 2021 reform). */
  dated: text.nullable(),
  /** `false` until a person has confirmed the details with the office itself. */
  verified: z.boolean(),
  /** Anything a person should know (office hours, a branch, "use e-adrese"). */
  note: text.optional(),
  /** The same in easy-read lines; required when `note` is given. */
  noteEasy: lines.optional(),
});
/** A contact: an easy-read `noteEasy` must come with every `note`. */
const contact = contactFields.superRefine((c, ctx) => {
  if (c.note !== undefined && c.noteEasy === undefined)
    ctx.addIssue({ code: 'custom', path: ['noteEasy'], message: 'the easy-read text of `note` is missing' });
});

/** The Kurzeme planning region itself (contact shown on every page). */
const region = defineCollection({
  loader: file('./content/region.yaml'),
  schema: z.strictObject({
    id: text,
    name: text,
    contact: contact,
  }),
});

const serviceText = z.strictObject({
  title: text,
  /** One sentence for lists and cards. */
  summary: text,
  /** What the service is. */
  what: paragraphs,
  /** Who can get it: each condition one item. */
  who: list,
  /** Limits: how much, how long, how often. */
  limits: list,
  /** What it includes. */
  includes: list,
  /** How to apply. */
  apply: paragraphs,
  /** Documents to prepare. */
  documents: list,
});
const serviceEasy = z.strictObject({
  title: text,
  summary: text,
  what: lines,
  who: optionalLines,
  limits: optionalLines,
  includes: optionalLines,
  apply: lines,
  documents: optionalLines,
});

/** A social service a person can ask for. The file name is the id (also the URL slug). */
const services = defineCollection({
  loader: glob({ base: './content/services', pattern: '*.yaml' }),
  schema: z.strictObject({
    /** Position in lists (smaller first). */
    order: z.number().int(),
    icon: icon,
    /** The target groups the service is for. */
    groups: z.array(reference('targetGroups')).min(1),
    source: source,
    asOf: factDate,
    lv: serviceText,
    easy: serviceEasy,
  }),
});

/** A target group of the deinstitutionalisation work. The file name is the id. */
const targetGroups = defineCollection({
  loader: glob({ base: './content/target-groups', pattern: '*.yaml' }),
  schema: z.strictObject({
    order: z.number().int(),
    icon: icon,
    services: z.array(reference('services')),
    source: source,
    asOf: factDate,
    lv: z.strictObject({ title: text, summary: text, who: paragraphs, firstStep: paragraphs }),
    easy: z.strictObject({ title: text, summary: text, who: lines, firstStep: lines }),
  }),
});

/** A village that is not a town: the parish it belongs to. */
const village = z.strictObject({ name: text, parish: text });

/** One of the 8 municipalities of the Kurzeme planning region. The file name is the id. */
const municipalities = defineCollection({
  loader: glob({ base: './content/municipalities', pattern: '*.yaml' }),
  schema: z.strictObject({
    order: z.number().int(),
    /** Official name, e.g. "Dienvidkurzemes novads". */
    name: text,
    /** Name in the locative for sentences: "Dienvidkurzemes novadā". */
    nameIn: text,
    kind: z.enum(['valstspilseta', 'novads']),
    /** Code in the administrative territory classifier (ATVK), 7 digits. */
    atvk: z.string().regex(/^\d{7}$/),
    /** Towns (pilsētas) in the municipality. */
    towns: z.array(text),
    /** Parishes (pagasti), written as the parish name in genitive, e.g. "Rucavas". */
    parishes: z.array(text),
    /** Villages people may type ("Rucava", "Dzelda") and their parish. */
    villages: z.array(village),
    /** Where the towns and parishes list comes from, and whether it is an official list. */
    placesSource: source,
    placesVerified: z.boolean(),
    socialService: contact,
    /** Bāriņtiesa: receives foster, guardian and adoption enquiries. */
    orphansCourt: contact,
    /** Foster-care support centre (ārpusģimenes aprūpes atbalsta centrs) serving it; `null` if not known. */
    fosterCentre: z
      .strictObject({ name: text, town: text, source: source, checked: date, verified: z.boolean() })
      .nullable(),
    source: source,
    asOf: factDate,
  }),
});

/** A place where services were built in the "Kurzeme visiem" / DI infrastructure work (seed 002). */
const locations = defineCollection({
  loader: glob({ base: './content/locations', pattern: '*.yaml' }),
  schema: z.strictObject({
    municipality: reference('municipalities'),
    /** Town or place as the source names it. */
    town: text,
    /** Street address if a source gives one; otherwise `null`. */
    address: text.nullable(),
    /** `completed`: the source says "Pabeigts"; `planned`: an end date is given. */
    status: z.enum(['completed', 'planned']),
    /** The approved end date for planned places; `null` for completed ones. */
    due: date.nullable(),
    /** A proposed later end date ("Ierosināti grozījumi"), if the source gives one. */
    amendedDue: date.nullable(),
    offers: z
      .array(
        z.strictObject({
          service: reference('services'),
          /** The object as the source calls it, e.g. "DAC personām ar GRT". */
          label: text,
          /** Number of people it is built for, if given. */
          capacity: z.number().int().positive().nullable(),
        }),
      )
      .min(1),
    /** Later facts about the place (e.g. opening date) with their own source. */
    updates: z.array(z.strictObject({ text: text, easy: text, source: source, asOf: date })).default([]),
    source: source,
    /** The day of the status (seed 002: 01.05.2023). */
    asOf: date,
  }),
});

/** A glossary term or abbreviation. The file name is the id (the anchor on /vardnica/). */
const glossary = defineCollection({
  loader: glob({ base: './content/glossary', pattern: '*.yaml' }),
  schema: z.strictObject({
    /** The term as written in full. */
    term: text,
    /** The abbreviation, if the term has one (e.g. "GRT"). Marked with <abbr> on pages. */
    abbr: text.nullable(),
    /** Other spellings that should be recognised (e.g. the older "VDEĀK"). */
    aliases: z.array(text).default([]),
    source: source,
    asOf: factDate,
    lv: z.strictObject({ definition: text }),
    easy: z.strictObject({ definition: lines }),
  }),
});

const pageSectionLv = z.strictObject({
  heading: text,
  paragraphs: z.array(text).default([]),
  list: z.array(text).default([]),
});
const pageSectionEasy = z.strictObject({
  /** Easy-read headings are questions ("Kas ir …?"). */
  heading: text,
  /** A picture beside the idea; `null` marks the section as having none. */
  icon: icon.nullable(),
  lines: lines,
});

/** Free text pages (about, accessibility, privacy …). The file name is the id. */
const pages = defineCollection({
  loader: glob({ base: './content/pages', pattern: '*.yaml' }),
  schema: z.strictObject({
    source: source,
    asOf: factDate,
    lv: z.strictObject({ title: text, summary: text, sections: z.array(pageSectionLv) }),
    easy: z.strictObject({ title: text, summary: text, sections: z.array(pageSectionEasy) }),
  }),
});

export const collections = {
  sources,
  region,
  services,
  targetGroups,
  municipalities,
  locations,
  glossary,
  pages,
};
