/**
 * What the schemas of single files cannot check: the content as a whole. Every id one
 * entry names exists; every service has its eligibility rules and every rule file its
 * service; the municipalities are exactly the region's eight; every abbreviation a page
 * uses is explained in the glossary. The build (`src/site/content.ts`), the server and
 * the commands (`server/content.ts`) and `npm run content:check` run the same check.
 */
import { MUNICIPALITY_IDS } from '../vocabulary';
import { abbreviationsIn } from '../text/inline';
import { yearOf } from '../text/fact-date';
import { checkEasyRead, type EasyPage, type EasyText } from './readability';
import type { CollectionName, Content, Source, Statement } from './types';

/** Rules shown as current must rest on sources from this year on (or undated acts and official pages). */
export const CURRENT_FROM_YEAR = 2021;

/**
 * A source today's rules may rest on: never a project document (`seed`); an act
 * (`law`, `municipal-law`) in force (the `version` says which text was read; a repealed
 * act has `inForce: false`); an undated official page read for the portal; anything
 * else only when dated `CURRENT_FROM_YEAR` or later (its version date or its own date).
 */
export function isCurrentSource(source: Source): boolean {
  if (source.kind === 'seed') return false;
  if (source.kind === 'law' || source.kind === 'municipal-law') return source.inForce !== false;
  if (source.versionDate !== undefined) return source.versionDate.getUTCFullYear() >= CURRENT_FROM_YEAR;
  if (source.date === null) return source.kind === 'official';
  return yearOf(source.date) >= CURRENT_FROM_YEAR;
}

/** The parts of a service's Latvian text that state rules: each statement needs a current source. */
export const RULE_KEYS = ['who', 'first', 'decides', 'limits', 'cost', 'apply'] as const;

/** Words of the workshop that must never reach a public page. */
export const WORKSHOP_WORDS = [/\bjāpārbaud\p{L}*/iu, /\bTODO\b/u, /\bFIXME\b/u, /nav apkopots/iu];

/**
 * One word for one thing on easy-read pages: what to avoid, what to write instead, and
 * where the avoided word is still right.
 */
export const PREFERRED_EASY_TERMS: readonly {
  avoid: RegExp;
  use: string;
  /** Lines where the word is explained (they name the preferred word too). */
  unlessLineHas?: RegExp;
  /** Easy-read pages (paths) where the word is the right one. */
  onlyOn?: readonly string[];
}[] = [
  { avoid: /VDEĀVK/u, use: 'ārstu komisija', unlessLineHas: /ārstu komisij/iu },
  {
    avoid: /atelpas brīd/iu,
    use: 'atelpas brīdis only for the children’s respite',
    onlyOn: [
      '/viegli/pakalpojumi/atelpas-bridis/',
      '/viegli/atbalsts/berni-ar-ft/',
      '/viegli/vardnica/',
      '/viegli/jautajumi/',
      // The check names the service when it may fit.
      '/viegli/parbaude/',
    ],
  },
  { avoid: /jums ir garīga rakstura traucējumi/iu, use: 'no identity labels: "Jums ir grūti mācīties vai saprast"' },
  { avoid: /valstspilsēt/iu, use: 'pilsēta' },
  { avoid: /novad\p{L}* vai pilsēt/iu, use: 'pašvaldība (one word for the municipality)' },
  { avoid: /pieprasījum/iu, use: 'pieteikums' },
  {
    avoid: /projekt/iu,
    use: 'no project history on easy-read service pages (a link to the project page instead)',
    onlyOn: [
      '/viegli/par-projektu/',
      '/viegli/deinstitucionalizacija/',
      // The footer's link to the project page.
      '(UI) lv-easy/common.json',
      '/viegli/',
      '/viegli/vardnica/',
      '/viegli/jautajumi/',
      '/viegli/pieklustamiba/',
      '/viegli/privatums/',
      '/viegli/kontakti/',
      '/viegli/ko-neaptver/',
    ],
  },
];

/** The file an entry came from, for messages (`content/services/dac.yaml`). */
export type FileOf = (collection: CollectionName, id: string) => string;

/** The conventional place of an entry under `content/`. */
export const defaultFileOf: FileOf = (collection, id) => {
  if (collection === 'sources') return `content/sources/ (${id})`;
  if (collection === 'region') return 'content/region.yaml';
  if (collection === 'helpLines') return 'content/help-lines.yaml';
  if (collection === 'fosterCentres') return 'content/foster-centres.yaml';
  const folder = collection === 'targetGroups' ? 'target-groups' : collection;
  return `content/${folder}/${id}.yaml`;
};

/**
 * Capitalised words that are parts of names, not abbreviations to explain: the postal
 * code prefix (LV-3601) and the standard "LVS EN 301 549" with its conformance level "AA".
 */
const NOT_ABBREVIATIONS = new Set(['LV', 'LVS', 'EN', 'AA']);

type Visit = (key: string, value: unknown, path: string) => void;

function walk(value: unknown, path: string, visit: Visit): void {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
  else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      visit(k, v, p);
      walk(v, p, visit);
    }
  }
}

/** Every string under `value`, with its path (`icon` names are not text). */
function strings(value: unknown, path: string, where: (path: string) => string): EasyText[] {
  if (typeof value === 'string') return [{ where: where(path), text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`, where));
  if (typeof value === 'object' && value !== null && !(value instanceof Date))
    return Object.entries(value).flatMap(([k, v]) =>
      k === 'icon' ? [] : strings(v, path ? `${path}.${k}` : k, where),
    );
  return [];
}

/** The easy-read path of a free page. */
const pagePath = (id: string): string => (id === 'sakums' ? '/viegli/' : `/viegli/${id}/`);

/**
 * The easy-read text of every easy-read page, with where each line comes from: what the
 * content check measures and what must use only explained abbreviations.
 */
export function easyPagesOf(content: Content, fileOf: FileOf = defaultFileOf): EasyPage[] {
  const at = (file: string) => (path: string) => `${file}: ${path}`;
  return [
    ...content.pages.map((e) => ({ page: pagePath(e.id), texts: strings(e.easy, 'easy', at(fileOf('pages', e.id))) })),
    ...content.targetGroups.map((e) => ({
      page: `/viegli/atbalsts/${e.id}/`,
      texts: strings(e.easy, 'easy', at(fileOf('targetGroups', e.id))),
    })),
    ...content.services.map((e) => ({
      page: `/viegli/pakalpojumi/${e.id}/`,
      texts: [
        ...strings(e.easy, 'easy', at(fileOf('services', e.id))),
        ...Object.entries(e.local).flatMap(([m, r]) =>
          strings(r.easy, `local.${m}.easy`, at(fileOf('services', e.id))),
        ),
      ],
    })),
    {
      page: '/viegli/vardnica/',
      texts: content.glossary.flatMap((e) => strings(e.easy, 'easy', at(fileOf('glossary', e.id)))),
    },
    ...content.municipalities.map((m) => ({
      page: `/viegli/pasvaldibas/${m.id}/`,
      texts: [
        ...(['socialService', 'orphansCourt'] as const).flatMap((office) =>
          strings(m[office].noteEasy ?? [], `${office}.noteEasy`, at(fileOf('municipalities', m.id))),
        ),
        ...content.fosterCentres
          .filter((fc) => fc.serves === null || fc.serves.includes(m.id))
          .flatMap((fc) => strings(fc.contact.noteEasy ?? [], 'contact.noteEasy', at(fileOf('fosterCentres', fc.id)))),
        ...content.locations
          .filter((l) => l.municipality === m.id)
          .flatMap((l) =>
            l.updates.map((u, i) => ({ where: `${fileOf('locations', l.id)}: updates[${i}].easy`, text: u.easy })),
          ),
      ],
    })),
    {
      page: '/viegli/kontakti/',
      texts: content.helpLines.flatMap((h) => strings(h.easy, 'easy', at(fileOf('helpLines', h.id)))),
    },
    {
      page: '/viegli/parbaude/',
      texts: content.eligibility.flatMap((r) => {
        const file = fileOf('eligibility', r.id);
        return [
          ...r.ways.flatMap((w) =>
            w.conditions.flatMap((c) => [
              { where: `${file}: ${c.path}.holds.easy`, text: c.holds.easy },
              { where: `${file}: ${c.path}.fails.easy`, text: c.fails.easy },
            ]),
          ),
          ...r.notes.map((n, i) => ({ where: `${file}: notes[${i}].easy`, text: n.easy })),
        ];
      }),
    },
  ];
}

/** The abbreviations the glossary explains (its abbreviations and their other spellings). */
export function explainedAbbreviations(content: Content): Set<string> {
  const known = new Set<string>();
  for (const g of content.glossary) {
    for (const a of [...(g.abbr === null ? [] : [g.abbr]), ...g.aliases])
      for (const w of abbreviationsIn(a)) known.add(w);
  }
  return known;
}

/**
 * Problems of the content as a whole, each `<file>: <field>: <what is wrong>`; an empty
 * list means the content may be built and served.
 */
export function checkContent(content: Content, fileOf: FileOf = defaultFileOf): string[] {
  const problems: string[] = [];
  const ids = {
    sources: new Set(content.sources.map((s) => s.id)),
    services: new Set(content.services.map((s) => s.id)),
    targetGroups: new Set(content.targetGroups.map((g) => g.id)),
    municipalities: new Set(content.municipalities.map((m) => m.id)),
  };
  const expect = (file: string, path: string, value: string, known: ReadonlySet<string>, kind: string): void => {
    if (!known.has(value)) problems.push(`${file}: ${path}: unknown ${kind} "${value}"`);
  };

  // One source, one entry: two ids for the same page split its citations.
  const byUrl = new Map<string, string>();
  for (const src of content.sources) {
    if (src.url === null) continue;
    const key = src.url.replace(/^https?:\/\/(www\.)?/u, '').replace(/\/$/u, '');
    const first = byUrl.get(key);
    if (first !== undefined)
      problems.push(`${fileOf('sources', src.id)}: ${src.id}: the same page as "${first}" (${src.url}); cite one id`);
    else byUrl.set(key, src.id);
  }
  const seenIds = new Set<string>();
  for (const src of content.sources) {
    if (seenIds.has(src.id)) problems.push(`${fileOf('sources', src.id)}: ${src.id}: the id is used twice`);
    seenIds.add(src.id);
  }

  // Sources: every `source` list (and a note's single `source`) anywhere in an entry.
  const sourcesIn = (collection: CollectionName, id: string, data: unknown): void => {
    const file = fileOf(collection, id);
    walk(data, '', (key, value, path) => {
      if (key !== 'source' && key !== 'placesSource') return;
      const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      list.forEach((s, i) => {
        if (typeof s === 'string')
          expect(file, Array.isArray(value) ? `${path}[${i}]` : path, s, ids.sources, 'source');
      });
    });
  };
  sourcesIn('region', content.region.id, content.region);
  for (const e of content.services) sourcesIn('services', e.id, e);
  for (const e of content.targetGroups) sourcesIn('targetGroups', e.id, e);
  for (const e of content.municipalities) sourcesIn('municipalities', e.id, e);
  for (const e of content.locations) sourcesIn('locations', e.id, e);
  for (const e of content.glossary) sourcesIn('glossary', e.id, e);
  for (const e of content.pages) sourcesIn('pages', e.id, e);
  for (const e of content.helpLines) sourcesIn('helpLines', e.id, e);
  for (const e of content.fosterCentres) sourcesIn('fosterCentres', e.id, e);
  for (const e of content.eligibility) {
    const file = fileOf('eligibility', e.id);
    expect(file, 'basis.source', e.basis.source, ids.sources, 'source');
    for (const w of e.ways)
      for (const c of w.conditions) {
        expect(file, `${c.path}.source`, c.source, ids.sources, 'source');
        c.also.forEach((a, i) => expect(file, `${c.path}.also[${i}].source`, a.source, ids.sources, 'source'));
      }
    e.notes.forEach((n, i) => {
      if (n.source !== null) expect(file, `notes[${i}].source`, n.source, ids.sources, 'source');
    });
  }

  // Today's rules rest on today's sources; the history note may rest on the project's documents.
  const sourcesById = new Map(content.sources.map((src) => [src.id, src]));
  const current = (id: string): boolean => {
    const src = sourcesById.get(id);
    return src !== undefined && isCurrentSource(src);
  };
  const needsCurrent = (file: string, path: string, st: Statement): void => {
    if (st.cite.length === 0) problems.push(`${file}: ${path}: a rule needs \`cite\` (the act or page it rests on)`);
    else if (!st.cite.some((c) => current(c.source)))
      problems.push(
        `${file}: ${path}: a rule shown as current rests only on old sources (cite an act or an official page dated ${CURRENT_FROM_YEAR} or later)`,
      );
  };
  for (const svc of content.services) {
    const file = fileOf('services', svc.id);
    for (const key of RULE_KEYS) svc.lv[key].forEach((st, i) => needsCurrent(file, `lv.${key}[${i}]`, st));
    if (!svc.source.some(current))
      problems.push(`${file}: source: the page's facts rest only on old sources (name a current act or official page)`);
    for (const [m, rule] of Object.entries(svc.local)) {
      if (!ids.municipalities.has(m)) problems.push(`${file}: local.${m}: unknown municipality "${m}"`);
      needsCurrent(file, `local.${m}.lv`, rule.lv);
    }
    for (const st of [...RULE_KEYS.flatMap((k) => svc.lv[k]), ...Object.values(svc.local).map((r) => r.lv)])
      for (const c of st.cite) expect(file, `cite`, c.source, ids.sources, 'source');
  }
  // A rule the wizard applies today rests on today's sources; a municipality it names has
  // that municipality's rule on the service page (`local`), so page and wizard agree.
  const servicesById = new Map(content.services.map((svc) => [svc.id, svc]));
  for (const r of content.eligibility) {
    const file = fileOf('eligibility', r.id);
    if (!current(r.basis.source))
      problems.push(
        `${file}: basis.source: "${r.basis.source}" is not a current source (the project's documents are history)`,
      );
    for (const w of r.ways)
      for (const c of w.conditions) {
        // `also` may add a municipality's own page; each named municipality's rule on the
        // service page (`local`, checked above) rests on a current source.
        if (ids.sources.has(c.source) && !current(c.source))
          problems.push(
            `${file}: ${c.path}.source: "${c.source}" is not a current source (the project's documents are history)`,
          );
        if (c.step !== null) {
          const target = /^\/pakalpojumi\/([a-z0-9-]+)\/$/u.exec(c.step)?.[1];
          if (target === undefined || !ids.services.has(target))
            problems.push(
              `${file}: ${c.path}.step: "${c.step}" is not a service page (expected /pakalpojumi/<service id>/)`,
            );
        }
        const svc = servicesById.get(r.id);
        if (c.fact === 'municipality' && svc !== undefined) {
          const named = Array.isArray(c.value) ? c.value : [c.value];
          for (const m of named)
            if (typeof m === 'string' && ids.municipalities.has(m) && svc.local[m] === undefined)
              problems.push(
                `${file}: ${c.path}.value: names "${m}", but ${fileOf('services', r.id)} has no local.${m} (say on the page what that municipality's rules say)`,
              );
        }
      }
  }
  for (const fc of content.fosterCentres) {
    for (const m of fc.serves ?? [])
      expect(fileOf('fosterCentres', fc.id), 'serves', m, ids.municipalities, 'municipality');
  }
  for (const m of content.municipalities)
    m.bindingRules.forEach((b, i) =>
      expect(fileOf('municipalities', m.id), `bindingRules[${i}].source`, b.source, ids.sources, 'source'),
    );

  // Ids one entry names.
  for (const s of content.services)
    s.groups.forEach((g, i) => expect(fileOf('services', s.id), `groups[${i}]`, g, ids.targetGroups, 'target group'));
  for (const l of content.locations) {
    const file = fileOf('locations', l.id);
    expect(file, 'municipality', l.municipality, ids.municipalities, 'municipality');
    l.offers.forEach((o, i) => expect(file, `offers[${i}].service`, o.service, ids.services, 'service'));
  }

  // Eligibility: one rule file per service, named after it.
  const ruled = new Set<string>();
  for (const r of content.eligibility) {
    const file = fileOf('eligibility', r.id);
    if (r.service !== r.id) problems.push(`${file}: service: expected "${r.id}" (the file name), got "${r.service}"`);
    else if (!ids.services.has(r.id))
      problems.push(`${file}: service: unknown service "${r.id}" (no ${fileOf('services', r.id)})`);
    ruled.add(r.id);
  }
  for (const s of content.services)
    if (!ruled.has(s.id))
      problems.push(`${fileOf('services', s.id)}: has no eligibility rules (${fileOf('eligibility', s.id)})`);

  // The region's municipalities: the eight, no more, no fewer.
  for (const m of content.municipalities)
    if (!(MUNICIPALITY_IDS as readonly string[]).includes(m.id))
      problems.push(
        `${fileOf('municipalities', m.id)}: file name: "${m.id}" is not one of ${MUNICIPALITY_IDS.join(', ')}`,
      );
  for (const id of MUNICIPALITY_IDS)
    if (!ids.municipalities.has(id))
      problems.push(`${fileOf('municipalities', id)}: missing (every municipality needs its file)`);

  // Abbreviations: every one a page uses is explained in the glossary.
  const known = explainedAbbreviations(content);
  problems.push(...checkEasyRead(easyPagesOf(content, fileOf), known).problems);
  const lvTexts = [
    ...content.services.flatMap((e) => strings(e.lv, 'lv', (p) => `${fileOf('services', e.id)}: ${p}`)),
    ...content.targetGroups.flatMap((e) => strings(e.lv, 'lv', (p) => `${fileOf('targetGroups', e.id)}: ${p}`)),
    ...content.pages.flatMap((e) => strings(e.lv, 'lv', (p) => `${fileOf('pages', e.id)}: ${p}`)),
  ];
  for (const t of lvTexts)
    for (const a of abbreviationsIn(t.text))
      if (!known.has(a) && !NOT_ABBREVIATIONS.has(a))
        problems.push(`${t.where}: abbreviation "${a}" is not in the glossary (content/glossary/)`);
  // No workshop anywhere in the content (every string of every collection — a source's
  // title or note is shown too); one word for one thing on easy-read pages.
  const publicTexts = (Object.keys(content) as CollectionName[]).flatMap((collection) => {
    const value: unknown = content[collection];
    return Array.isArray(value)
      ? value.flatMap((e: { id: string }) => strings(e, '', (p) => `${fileOf(collection, e.id)}: ${p}`))
      : strings(value, '', (p) => `${fileOf(collection, '')}: ${p}`);
  });
  for (const t of publicTexts)
    for (const word of WORKSHOP_WORDS)
      if (word.test(t.text))
        problems.push(`${t.where}: an editor's note ("${word.source}") must not reach a public page`);
  problems.push(...easyTermProblems(easyPagesOf(content, fileOf)));
  return problems;
}

/**
 * One word for one thing on easy-read pages (`PREFERRED_EASY_TERMS`): the content's pages
 * and the interface's easy-read strings (`npm run content:check` passes both).
 */
export function easyTermProblems(pages: readonly EasyPage[]): string[] {
  const problems: string[] = [];
  for (const page of pages)
    for (const t of page.texts)
      for (const term of PREFERRED_EASY_TERMS) {
        if (!term.avoid.test(t.text)) continue;
        if (term.onlyOn?.includes(page.page)) continue;
        if (term.unlessLineHas?.test(t.text)) continue;
        problems.push(`${t.where}: easy-read: "${term.avoid.source}" — use ${term.use}`);
      }
  return problems;
}
