/**
 * Loads the content collections for the pages, sorted, with every cross-reference
 * checked. Astro's `reference()` does not reject an unknown id, so this module does:
 * a location naming an unknown service fails the build with the file and the field.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkReferences, type RefCheck } from '../domain/content/integrity';

export type Service = CollectionEntry<'services'>;
export type TargetGroup = CollectionEntry<'targetGroups'>;
export type Municipality = CollectionEntry<'municipalities'>;
export type Location = CollectionEntry<'locations'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;
export type Page = CollectionEntry<'pages'>;
export type Source = CollectionEntry<'sources'>;

const byOrder = <T extends { data: { order: number } }>(a: T, b: T): number => a.data.order - b.data.order;

export interface Site {
  services: Service[];
  groups: TargetGroup[];
  municipalities: Municipality[];
  locations: Location[];
  glossary: GlossaryEntry[];
  pages: Map<string, Page>;
  sources: Map<string, Source>;
  region: CollectionEntry<'region'>;
}

let cached: Promise<Site> | null = null;

async function load(): Promise<Site> {
  const [services, groups, municipalities, locations, glossary, pages, sources, regions] = await Promise.all([
    getCollection('services'),
    getCollection('targetGroups'),
    getCollection('municipalities'),
    getCollection('locations'),
    getCollection('glossary'),
    getCollection('pages'),
    getCollection('sources'),
    getCollection('region'),
  ]);
  const region = regions[0];
  if (!region) throw new Error('content/region.yaml: no entry: the planning region contact is required');

  const ids = {
    services: new Set(services.map((e) => e.id)),
    targetGroups: new Set(groups.map((e) => e.id)),
    municipalities: new Set(municipalities.map((e) => e.id)),
    sources: new Set(sources.map((e) => e.id)),
  };
  const checks: RefCheck[] = [];
  const file = (e: { filePath?: string | undefined; id: string }, fallback: string): string =>
    e.filePath ?? `${fallback} (${e.id})`;
  // Every `{ collection, id }` value anywhere in an entry's data is a reference to check.
  const all = [
    ...services.map((e) => ({ e, f: file(e, 'content/services') })),
    ...groups.map((e) => ({ e, f: file(e, 'content/target-groups') })),
    ...municipalities.map((e) => ({ e, f: file(e, 'content/municipalities') })),
    ...locations.map((e) => ({ e, f: file(e, 'content/locations') })),
    ...glossary.map((e) => ({ e, f: file(e, 'content/glossary') })),
    ...pages.map((e) => ({ e, f: file(e, 'content/pages') })),
    { e: region, f: 'content/region.yaml' },
  ];
  for (const { e, f } of all) checks.push({ file: f, data: e.data });
  const problems = checkReferences(checks, ids);
  if (problems.length > 0) {
    throw new Error(`Content references are broken:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }

  return {
    services: services.sort(byOrder),
    groups: groups.sort(byOrder),
    municipalities: municipalities.sort(byOrder),
    locations: locations.sort(
      (a, b) =>
        (municipalities.find((m) => m.id === a.data.municipality.id)?.data.order ?? 0) -
          (municipalities.find((m) => m.id === b.data.municipality.id)?.data.order ?? 0) ||
        a.data.town.localeCompare(b.data.town, 'lv'),
    ),
    glossary: glossary.sort((a, b) => a.data.term.localeCompare(b.data.term, 'lv')),
    pages: new Map(pages.map((p) => [p.id, p])),
    sources: new Map(sources.map((s) => [s.id, s])),
    region,
  };
}

/** All content, loaded and checked once per build. */
export function site(): Promise<Site> {
  cached ??= load();
  return cached;
}

/** A free page by id; the build fails if it is missing. */
export async function page(id: string): Promise<Page> {
  const p = (await site()).pages.get(id);
  if (!p) throw new Error(`content/pages/${id}.yaml is missing: the page /${id}/ needs it`);
  return p;
}
