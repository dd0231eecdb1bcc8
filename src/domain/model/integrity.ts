/**
 * What the schemas of single files cannot check: the content as a whole. Every id one
 * entry names exists; every service has its eligibility rules and every rule file its
 * service; the municipalities are exactly the region's eight; every abbreviation a page
 * uses is explained in the glossary. The build (`src/site/content.ts`), the server and
 * the commands (`server/content.ts`) and `npm run content:check` run the same check.
 */
import { MUNICIPALITY_IDS } from '../vocabulary';
import { abbreviationsIn } from '../text/inline';
import { checkEasyRead, type EasyPage, type EasyText } from './readability';
import type { CollectionName, Content } from './types';

/** The file an entry came from, for messages (`content/services/dac.yaml`). */
export type FileOf = (collection: CollectionName, id: string) => string;

/** The conventional place of an entry under `content/`. */
export const defaultFileOf: FileOf = (collection, id) => {
  if (collection === 'sources') return 'content/sources.yaml';
  if (collection === 'region') return 'content/region.yaml';
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
      texts: strings(e.easy, 'easy', at(fileOf('services', e.id))),
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
        ...content.locations
          .filter((l) => l.municipality === m.id)
          .flatMap((l) =>
            l.updates.map((u, i) => ({ where: `${fileOf('locations', l.id)}: updates[${i}].easy`, text: u.easy })),
          ),
      ],
    })),
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
  for (const e of content.eligibility) {
    const file = fileOf('eligibility', e.id);
    expect(file, 'basis.source', e.basis.source, ids.sources, 'source');
    for (const w of e.ways)
      for (const c of w.conditions) expect(file, `${c.path}.source`, c.source, ids.sources, 'source');
    e.notes.forEach((n, i) => {
      if (n.source !== null) expect(file, `notes[${i}].source`, n.source, ids.sources, 'source');
    });
  }

  // Ids one entry names.
  for (const s of content.services)
    s.groups.forEach((g, i) => expect(fileOf('services', s.id), `groups[${i}]`, g, ids.targetGroups, 'target group'));
  for (const g of content.targetGroups)
    g.services.forEach((s, i) => expect(fileOf('targetGroups', g.id), `services[${i}]`, s, ids.services, 'service'));
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
  return problems;
}
