/**
 * The content check (part of `npm test`): reads content/ as an editor left it and fails
 * when an entry lacks its easy-read text, `source` or `asOf`; when an entry names an
 * unknown id; when an easy-read sentence is longer than 15 words or shares its line; or
 * when an abbreviation is not explained in the glossary. Prints, for each easy-read page,
 * its sentence count, mean and longest sentence in words.
 *
 * Usage: tsx scripts/content-check.ts [content-dir] [locales-dir]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { checkEasyRead, type EasyPage, type EasyText } from '../src/domain/content/readability';
import { abbreviationsIn } from '../src/domain/text/inline';

const CONTENT = process.argv[2] ?? 'content';
const LOCALES = process.argv[3] ?? 'src/i18n/locales';

type Data = Record<string, unknown>;
const problems: string[] = [];

function readDir(dir: string): { id: string; file: string; data: Data }[] {
  const path = join(CONTENT, dir);
  if (!existsSync(path)) return [];
  return readdirSync(path)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      id: basename(f, '.yaml'),
      file: join(path, f),
      data: (parse(readFileSync(join(path, f), 'utf8')) ?? {}) as Data,
    }));
}

const isObj = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

const services = readDir('services');
const groups = readDir('target-groups');
const municipalities = readDir('municipalities');
const locations = readDir('locations');
const glossary = readDir('glossary');
const pages = readDir('pages');
const sourceIds = new Set(
  ((parse(readFileSync(join(CONTENT, 'sources.yaml'), 'utf8')) ?? []) as Data[]).map((s) => String(s['id'])),
);
const ids = {
  services: new Set(services.map((e) => e.id)),
  groups: new Set(groups.map((e) => e.id)),
  municipalities: new Set(municipalities.map((e) => e.id)),
};

/** Every `source` list anywhere in an entry must name known sources. */
function checkSources(file: string, value: unknown, path = ''): void {
  if (Array.isArray(value)) value.forEach((v, i) => checkSources(file, v, `${path}[${i}]`));
  else if (isObj(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (k === 'source' || k === 'placesSource') {
        const list = strings(v);
        if (list.length === 0) problems.push(`${file}: ${p}: missing (name at least one id from content/sources.yaml)`);
        for (const id of list) if (!sourceIds.has(id)) problems.push(`${file}: ${p}: unknown source "${id}"`);
      } else checkSources(file, v, p);
    }
  }
}

function checkIds(file: string, field: string, values: unknown, known: Set<string>, kind: string): void {
  for (const id of strings(values)) if (!known.has(id)) problems.push(`${file}: ${field}: unknown ${kind} "${id}"`);
}

// Text entries: both texts, a source and a date.
for (const [dir, entries] of [
  ['services', services],
  ['target-groups', groups],
  ['glossary', glossary],
  ['pages', pages],
] as const) {
  for (const e of entries) {
    if (!isObj(e.data['lv'])) problems.push(`${e.file}: lv: the Latvian text is missing`);
    if (!isObj(e.data['easy'])) problems.push(`${e.file}: easy: the easy-read text is missing`);
    // A list the Latvian text fills must not be empty in easy-read: the page would say "we
    // do not know" where the other version knows.
    const lv = e.data['lv'];
    const easy = e.data['easy'];
    if (isObj(lv) && isObj(easy)) {
      for (const [key, value] of Object.entries(lv)) {
        const other = easy[key];
        if (Array.isArray(value) && value.length > 0 && Array.isArray(other) && other.length === 0)
          problems.push(`${e.file}: easy.${key}: empty, but lv.${key} has ${value.length} items`);
      }
    }
    if (e.data['asOf'] === undefined) problems.push(`${e.file}: asOf: missing (the date the facts describe)`);
    if (e.data['source'] === undefined) problems.push(`${e.file}: source: missing`);
    void dir;
  }
}
for (const e of [...services, ...groups, ...municipalities, ...locations, ...glossary, ...pages])
  checkSources(e.file, e.data);
for (const e of services) checkIds(e.file, 'groups', e.data['groups'], ids.groups, 'target group');
for (const e of groups) checkIds(e.file, 'services', e.data['services'], ids.services, 'service');
for (const e of locations) {
  checkIds(e.file, 'municipality', e.data['municipality'], ids.municipalities, 'municipality');
  const offers = Array.isArray(e.data['offers']) ? (e.data['offers'] as unknown[]) : [];
  offers.forEach((o, i) =>
    checkIds(e.file, `offers[${i}].service`, isObj(o) ? o['service'] : undefined, ids.services, 'service'),
  );
}
// Eligibility rules, where present, name services.
for (const e of readDir('eligibility')) {
  if (!ids.services.has(e.id)) problems.push(`${e.file}: file name: unknown service "${e.id}"`);
}

// Abbreviations the glossary explains.
const known = new Set<string>();
for (const g of glossary) {
  for (const a of [...strings(g.data['abbr']), ...strings(g.data['aliases'])])
    for (const w of abbreviationsIn(a)) known.add(w);
}

// Easy-read pages and their texts.
const easyTexts = (file: string, easy: unknown, prefix = 'easy'): EasyText[] => {
  const out: EasyText[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') out.push({ where: `${file}: ${path}`, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) if (k !== 'icon') walk(x, `${path}.${k}`);
  };
  walk(easy, prefix);
  return out;
};
const pagePath = (id: string): string => (id === 'sakums' ? '/viegli/' : `/viegli/${id}/`);
const easyPages: EasyPage[] = [
  ...pages.map((e) => ({ page: pagePath(e.id), texts: easyTexts(e.file, e.data['easy']) })),
  ...groups.map((e) => ({ page: `/viegli/atbalsts/${e.id}/`, texts: easyTexts(e.file, e.data['easy']) })),
  ...services.map((e) => ({ page: `/viegli/pakalpojumi/${e.id}/`, texts: easyTexts(e.file, e.data['easy']) })),
  { page: '/viegli/vardnica/', texts: glossary.flatMap((e) => easyTexts(e.file, e.data['easy'])) },
  ...municipalities.map((m) => ({
    page: `/viegli/pasvaldibas/${m.id}/`,
    texts: [
      ...['socialService', 'orphansCourt'].flatMap((office) => {
        const c = m.data[office];
        return isObj(c) ? easyTexts(m.file, c['noteEasy'], `${office}.noteEasy`) : [];
      }),
      ...locations
        .filter((l) => l.data['municipality'] === m.id)
        .flatMap((l) =>
          (Array.isArray(l.data['updates']) ? (l.data['updates'] as unknown[]) : []).flatMap((u, i) =>
            isObj(u) ? easyTexts(l.file, u['easy'], `updates[${i}].easy`) : [],
          ),
        ),
    ],
  })),
];
// The easy-read interface strings (buttons, headings, messages).
for (const f of existsSync(join(LOCALES, 'lv-easy'))
  ? readdirSync(join(LOCALES, 'lv-easy')).filter((x) => x.endsWith('.json'))
  : []) {
  const file = join(LOCALES, 'lv-easy', f);
  easyPages.push({
    page: `(UI) lv-easy/${f}`,
    texts: easyTexts(file, JSON.parse(readFileSync(file, 'utf8')), ''),
    severalSentencesAllowed: true,
  });
}

const result = checkEasyRead(easyPages, known);
problems.push(...result.problems);

/**
 * Capitalised words that are parts of names, not abbreviations to explain: the postal
 * code prefix (LV-3601) and the standard "LVS EN 301 549" with its conformance level "AA".
 */
const NOT_ABBREVIATIONS = new Set(['LV', 'LVS', 'EN', 'AA']);

// Latvian texts: every abbreviation the site uses is in the glossary too.
for (const e of [...services, ...groups, ...pages]) {
  for (const t of easyTexts(e.file, e.data['lv'], 'lv')) {
    for (const a of abbreviationsIn(t.text)) {
      if (!known.has(a) && !NOT_ABBREVIATIONS.has(a))
        problems.push(`${t.where}: abbreviation "${a}" is not in the glossary (content/glossary/)`);
    }
  }
}

const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const lpad = (s: string | number, n: number): string => String(s).padStart(n);
process.stdout.write(`Easy-read pages: sentences, mean and longest sentence (words; max 15)\n`);
process.stdout.write(`${pad('page', 46)}${lpad('sentences', 10)}${lpad('mean', 7)}${lpad('longest', 9)}\n`);
for (const s of result.stats) {
  process.stdout.write(
    `${pad(s.page, 46)}${lpad(s.sentences, 10)}${lpad(s.meanWords.toFixed(1), 7)}${lpad(s.longest, 9)}\n`,
  );
}
const all = result.stats.reduce((a, s) => a + s.sentences, 0);
process.stdout.write(`${result.stats.length} pages, ${all} sentences.\n`);

if (problems.length > 0) {
  process.stderr.write(`\nContent check failed (${problems.length}):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('Content check passed.\n');
