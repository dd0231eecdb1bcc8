/**
 * The content model of the portal: one zod schema per collection of `content/`, used by
 * every reader — Astro's collections (`src/content.config.ts`), the server and the
 * commands (`server/content.ts`) and the content check. Framework-free: plain zod.
 *
 * Conventions that hold for every collection:
 * - The file name is the entry's id (also its URL slug); ids named in other entries are
 *   plain strings, checked against the collections by `checkContent` (./integrity).
 * - `source`: the ids of the documents a fact comes from (see `content/sources.yaml`:
 *   seed file names such as `002_1d3f57242e25ac0b.txt`, or a public page).
 * - `asOf`: the date the facts describe (not the date the file was written); a year alone
 *   (`asOf: 2016`) where the source is dated only by its year.
 * - `lv`: the Latvian text; `easy`: the easy-read Latvian text ("viegli lasīt"), written
 *   as `lines`: one sentence per item, at most `MAX_WORDS` words, shown one per line.
 * - Inline markup in any text: `[label](/path/)` makes a link to a page of the portal.
 *   Nothing else is interpreted; all text is escaped when rendered.
 * - Unknown facts are written as `null` (or an empty list) — never guessed. Pages show
 *   "nav zināms" / "tiek precizēts" for them.
 * - Values of one kind pass or fail by one rule everywhere: an e-mail address by
 *   `isEmailAddress` (the rule the server's routing applies), a phone by `isPhoneNumber`.
 */
import { z } from 'zod';
import { ICON_NAMES } from '../icons';
import { isEmailAddress, isPhoneNumber } from '../referral/values';
import type { FactDate, SourceDate } from '../text/fact-date';
import { easyLineProblem } from './readability';

/** A date in the content files, written as YAML `2023-05-01`. */
export const day = z.coerce.date();
/**
 * The date the facts describe: a day (`2023-05-01`) or, when the source is dated only
 * by its year ("ap. 2016"), the year alone (`2016`) — never a made-up day.
 */
export const factDate = z
  .union([z.number().int().min(1990).max(2100), z.coerce.date()])
  .transform((v): FactDate => (typeof v === 'number' ? { year: v } : { day: v }));
/** An id of another entry (a file name without `.yaml`). */
export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/u, 'expected an id: lower-case letters, digits, "-", "." or "_"');
/** One or more ids from `content/sources.yaml`. */
export const source = z.array(z.string().trim().min(1)).min(1);
export const text = z.string().trim().min(1);
/** Paragraphs of Latvian text. */
export const paragraphs = z.array(text).min(1);
/** A list; may be empty (`[]`) when the sources do not say — the page then says so. */
export const list = z.array(text);
/** One easy-read sentence (at most `MAX_WORDS` words, nothing else on the line). */
export const easyLine = text.superRefine((value, ctx) => {
  const problem = easyLineProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
/** Easy-read text: one short sentence per item. */
export const lines = z.array(easyLine).min(1);
/** Easy-read list that may be empty when the sources do not say. */
export const optionalLines = z.array(easyLine);
export const icon = z.enum(ICON_NAMES);
/** An e-mail address the server can route to: the portal's own grammar. */
export const email = z.string().trim().refine(isEmailAddress, 'not an e-mail address the server accepts');
/** A phone number as published (digits, spaces, "+", "-", parentheses; 7–15 digits). */
export const phone = z.string().trim().refine(isPhoneNumber, 'not a phone number (7–15 digits)');

/** Every list the Latvian text fills must have its easy-read counterpart (not `[]`). */
function easyListsFilled(
  value: { lv: Record<string, unknown>; easy: Record<string, unknown> },
  ctx: z.RefinementCtx,
): void {
  for (const [key, lv] of Object.entries(value.lv)) {
    const easy = value.easy[key];
    if (Array.isArray(lv) && lv.length > 0 && Array.isArray(easy) && easy.length === 0)
      ctx.addIssue({ code: 'custom', path: ['easy', key], message: `empty, but lv.${key} has ${lv.length} items` });
  }
}

/**
 * The date a source bears: a day (`2021-05-18`), a month (`"2023-05"`) or only a year
 * (`2016`); `null` for an undated page (the page then says "nav datēts").
 */
export const sourceDate = z
  .union([
    z.number().int().min(1990).max(2100),
    z
      .string()
      .regex(/^\d{4}-\d{2}$/u, 'expected a month as "YYYY-MM"')
      .transform((v): SourceDate => ({ year: Number(v.slice(0, 4)), month: Number(v.slice(5, 7)) })),
    z.coerce.date(),
  ])
  .transform((v): SourceDate => (typeof v === 'number' ? { year: v } : v instanceof Date ? { day: v } : v))
  .nullable();

/**
 * The kinds of source, by what they can carry:
 * `law` (an act of the Saeima or the Cabinet), `municipal-law` (a municipality's binding rules),
 * `official` (a ministry's, agency's or court's own page), `municipal` (a municipality's page),
 * `ngo`, `press`, `web` (anything else), `seed` (the 2014–2023 project documents: history only).
 */
export const SOURCE_KINDS = ['law', 'municipal-law', 'official', 'municipal', 'ngo', 'press', 'web', 'seed'] as const;

/** A document or public page that facts come from (`content/sources/*.yaml`, lists of these). */
export const sourceEntry = z.strictObject({
  /** The id other entries use in `source` (a seed's file name, or a short name). */
  id: text,
  /** Title as the document or page gives it. */
  title: text,
  /** How a rule cites it, e.g. "MK noteikumi Nr. 316 (18.05.2021.)"; the title when absent. */
  short: text.optional(),
  kind: z.enum(SOURCE_KINDS),
  /** Public address where the document can be read, if there is one. */
  url: z.string().url().nullable(),
  /** The date the document itself bears (an act: its adoption; a page: its date); `null` if undated. */
  date: sourceDate,
  /** "ap." — the date is the source's own approximation. */
  approx: z.boolean().default(false),
  /** For acts: which text was read ("redakcija no 27.02.2025.", "sākotnējā publikācija"). */
  version: text.optional(),
  /** For acts: the date of the version read (an older act can be read in a current version). */
  versionDate: day.optional(),
  /**
   * For acts: is the text read the one in force today? `false` for a repealed or replaced
   * act (history only). Absent: in force (the version read was marked "spēkā esošs").
   */
  inForce: z.boolean().optional(),
  /** When a person read it for the portal. */
  read: day.nullable(),
  /** What the portal takes from it. */
  note: z.string().optional(),
});

/** A social service, orphans' court or other office. Unknown values are `null`. */
export const contact = z
  .strictObject({
    name: text.nullable(),
    address: text.nullable(),
    /** Phone numbers as published; `[]` when none was found. */
    phones: z.array(phone),
    /** `null` when no address was found: never write a guessed address. */
    email: email.nullable(),
    web: text.nullable(),
    /** Where these details were found. */
    source: source,
    /** The date a person read the sources for these details (each source shows its own date). */
    checked: day,
    /** `false` until a person has confirmed the details with the office itself. */
    verified: z.boolean(),
    /**
     * The office asks people not to send personal data by ordinary e-mail (Saldus: "use the
     * e-adrese"). Enquiries to it then need an encryption key; until then the form sends
     * people to call, visit or write through the official e-address.
     */
    personalDataByEmail: z.boolean().default(true),
    /**
     * The registration number of the office (or of its municipality, when the office has
     * no e-address of its own): the identifier of its official e-address (e-adrese).
     * `null` when no source gives it.
     */
    regNo: z
      .string()
      .regex(/^\d{11}$/u, 'expected 11 digits (a registration number)')
      .nullable()
      .default(null),
    /** Anything a person should know (office hours, a branch, "use e-adrese"). */
    note: text.optional(),
    /** The same in easy-read lines; required when `note` is given. */
    noteEasy: lines.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.note !== undefined && c.noteEasy === undefined)
      ctx.addIssue({ code: 'custom', path: ['noteEasy'], message: 'the easy-read text of `note` is missing' });
  });

/** The Kurzeme planning region itself (`content/region.yaml`; its contact is on every page). */
export const region = z.strictObject({
  id: text,
  name: text,
  contact: contact,
});

/** Where a statement comes from: a source id and the place in it ("2. punkts", "68.3. punkts"). */
export const cite = z.strictObject({ source: text, point: text.optional() });

/**
 * A statement of the Latvian text. A rule (who may get a service, what comes first, who
 * decides, limits, cost) carries `cite`: the sources it rests on; a plain string is a
 * statement without one (the content check requires citations where rules are stated).
 */
export const statement = z
  .union([text, z.strictObject({ text: text, cite: z.array(cite).min(1) })])
  .transform((v) => (typeof v === 'string' ? { text: v, cite: [] } : v));

const statements = z.array(statement);

const serviceText = z.strictObject({
  title: text,
  /** One sentence for lists and cards. */
  summary: text,
  /** What the service is. */
  what: paragraphs,
  /** Who can get it under today's rules: each condition one item. */
  who: statements,
  /** What must come first (a disability decision, the special-care opinion, an assessment). */
  first: statements.default([]),
  /** Who decides. */
  decides: statements.min(1),
  /** Limits: how much, how long, how often. */
  limits: statements,
  /** What it may cost. */
  cost: statements,
  /** What it includes. */
  includes: list,
  /** How and where to apply. */
  apply: statements.min(1),
  /** Documents to prepare. */
  documents: list,
});
const serviceEasy = z.strictObject({
  title: easyLine,
  summary: easyLine,
  what: lines,
  who: optionalLines,
  first: optionalLines.default([]),
  decides: lines,
  limits: optionalLines,
  cost: optionalLines,
  includes: optionalLines,
  apply: lines,
  documents: optionalLines,
});

/** A municipality's own rule where it differs from the national one, with its source. */
const localRule = z.strictObject({
  lv: z.strictObject({ text: text, cite: z.array(cite).min(1) }),
  easy: lines,
});

/** A social service or benefit a person can ask for (`content/services/<id>.yaml`). */
/** Where a person asks for a service: see `service.applyTo`. */
export const APPLY_TO = ['social-service', 'orphans-court', 'elsewhere'] as const;

export const service = z
  .strictObject({
    /** Position in lists (smaller first). */
    order: z.number().int(),
    icon: icon,
    /** The target groups the service is for (ids in `content/target-groups/`). */
    groups: z.array(id).min(1),
    /** The sources of today's facts on the page (the history note names its own). */
    source: source,
    asOf: factDate,
    /**
     * Where a person asks for it: the municipal social service (the request form offers it),
     * the orphans' court (the foster enquiry form), or elsewhere (VSAA, VDEĀVK, an association:
     * the page says where; the request form does not offer it).
     */
    applyTo: z.enum(APPLY_TO).default('social-service'),
    lv: serviceText,
    easy: serviceEasy,
    /** Municipality id → its own rule where it differs from the national one. */
    local: z.record(id, localRule).default({}),
    /** What the "Kurzeme visiem" project offered in 2016–2023: history, shown as such. */
    history: z.strictObject({ lv: paragraphs, source: source }).optional(),
  })
  .superRefine(easyListsFilled);

/** A target group of the deinstitutionalisation work (`content/target-groups/<id>.yaml`). */
export const targetGroup = z
  .strictObject({
    order: z.number().int(),
    icon: icon,
    source: source,
    asOf: factDate,
    lv: z.strictObject({ title: text, summary: text, who: paragraphs, firstStep: paragraphs }),
    easy: z.strictObject({ title: easyLine, summary: easyLine, who: lines, firstStep: lines }),
  })
  .superRefine(easyListsFilled);

/** A village that is not a town: the parish it belongs to. */
const village = z.strictObject({ name: text, parish: text });

/** One of the 8 municipalities of the Kurzeme planning region (`content/municipalities/<id>.yaml`). */
export const municipality = z.strictObject({
  order: z.number().int(),
  /** Official name, e.g. "Dienvidkurzemes novads". */
  name: text,
  /** Name in the locative for sentences: "Dienvidkurzemes novadā". */
  nameIn: text,
  kind: z.enum(['valstspilseta', 'novads']),
  /** Code in the administrative territory classifier (ATVK), 7 digits. */
  atvk: z.string().regex(/^\d{7}$/u),
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
  /**
   * The municipality's binding rules (saistošie noteikumi) on social services and related
   * support: the act (number, date, link, version read — in `content/sources/`) and what it covers.
   */
  bindingRules: z.array(z.strictObject({ source: text, covers: text })).default([]),
  source: source,
  asOf: factDate,
});

/**
 * A foster-care support centre (ārpusģimenes aprūpes atbalsta centrs) serving Kurzeme:
 * `content/foster-centres.yaml`, a list. It trains and supports foster families, guardians
 * and adopters (MK noteikumi Nr. 355).
 */
export const fosterCentre = z.strictObject({
  id: id,
  /** The town it works in. */
  town: text,
  /** The municipalities it serves, when a source says; `null` when not known. */
  serves: z.array(id).nullable(),
  contact: contact,
});

/** A phone line for help now (emergency, children, crisis): `content/help-lines.yaml`, a list. */
export const helpLine = z.strictObject({
  id: id,
  /** The number as dialled. */
  number: z.string().regex(/^\d{3,6}$/u, 'expected a short number such as 112'),
  lv: z.strictObject({ name: text, who: text, when: text }),
  easy: z.strictObject({ name: easyLine, who: easyLine, when: easyLine }),
  source: source,
  asOf: factDate,
});

/** A place where services were built in the "Kurzeme visiem" / DI infrastructure work (seed 002). */
export const location = z.strictObject({
  /** The municipality's id. */
  municipality: id,
  /** Town or place as the source names it. */
  town: text,
  /** Street address if a source gives one; otherwise `null`. */
  address: text.nullable(),
  /** `completed`: the source says "Pabeigts"; `planned`: an end date is given. */
  status: z.enum(['completed', 'planned']),
  /** The approved end date for planned places; `null` for completed ones. */
  due: day.nullable(),
  /** A proposed later end date ("Ierosināti grozījumi"), if the source gives one. */
  amendedDue: day.nullable(),
  offers: z
    .array(
      z.strictObject({
        /** The service's id. */
        service: id,
        /** The object as the source calls it, e.g. "DAC personām ar GRT". */
        label: text,
        /** Number of people it is built for, if given. */
        capacity: z.number().int().positive().nullable(),
      }),
    )
    .min(1),
  /** Later facts about the place (e.g. opening date) with their own source. */
  updates: z.array(z.strictObject({ text: text, easy: easyLine, source: source, asOf: day })).default([]),
  source: source,
  /** The day of the status (seed 002: 01.05.2023). */
  asOf: day,
});

/** A glossary term or abbreviation (`content/glossary/<id>.yaml`; the id is the anchor on /vardnica/). */
export const glossaryEntry = z.strictObject({
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
});

const pageSectionLv = z.strictObject({
  heading: text,
  paragraphs: z.array(text).default([]),
  list: z.array(text).default([]),
});
const pageSectionEasy = z.strictObject({
  /** Easy-read headings are questions ("Kas ir …?"). */
  heading: easyLine,
  /** A picture beside the idea; `null` marks the section as having none. */
  icon: icon.nullable(),
  lines: lines,
});

/** Free text pages (about, accessibility, privacy …): `content/pages/<id>.yaml`. */
export const page = z.strictObject({
  source: source,
  asOf: factDate,
  lv: z.strictObject({ title: text, summary: text, sections: z.array(pageSectionLv) }),
  easy: z.strictObject({ title: easyLine, summary: easyLine, sections: z.array(pageSectionEasy) }),
});
