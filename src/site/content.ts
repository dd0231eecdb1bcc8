/**
 * The content for the pages: Astro's collections (validated by the model's schemas, see
 * `src/content.config.ts`) turned into the model's entities, checked as a whole with the
 * same `checkContent` the server and `npm run content:check` run, in display order.
 */
import { getCollection } from 'astro:content';
import {
  checkContent,
  defaultFileOf,
  indexSources,
  orderContent,
  type CollectionName,
  type Content,
  type Page,
  type SourceIndex,
} from '../domain/model/index';

/** All content, plus lookups the pages use. */
export interface Site extends Content {
  pagesById: ReadonlyMap<string, Page>;
  sourcesById: SourceIndex;
}

let cached: Promise<Site> | null = null;

/** The entries of a folder collection as entities (`id` + data), remembering their files. */
async function entities<C extends Exclude<CollectionName, 'sources' | 'region' | 'helpLines' | 'fosterCentres'>>(
  name: C,
  files: Map<string, string>,
): Promise<(Awaited<ReturnType<typeof getCollection<C>>>[number]['data'] & { id: string })[]> {
  const entries = await getCollection(name);
  return entries.map((e) => {
    if (e.filePath) files.set(`${name}:${e.id}`, e.filePath);
    return { ...e.data, id: e.id };
  });
}

async function load(): Promise<Site> {
  const files = new Map<string, string>();
  const [
    sources,
    regions,
    helpLines,
    fosterCentres,
    services,
    targetGroups,
    municipalities,
    locations,
    glossary,
    pages,
    eligibility,
  ] = await Promise.all([
    getCollection('sources'),
    getCollection('region'),
    getCollection('helpLines'),
    getCollection('fosterCentres'),
    entities('services', files),
    entities('targetGroups', files),
    entities('municipalities', files),
    entities('locations', files),
    entities('glossary', files),
    entities('pages', files),
    entities('eligibility', files),
  ]);
  const region = regions[0]?.data;
  if (!region) throw new Error('content/region.yaml: no entry: the planning region contact is required');
  const content = orderContent({
    sources: sources.map((s) => s.data),
    region,
    helpLines: helpLines.map((h) => h.data),
    fosterCentres: fosterCentres.map((f) => f.data),
    services,
    targetGroups,
    municipalities,
    locations,
    glossary,
    pages,
    eligibility,
  });
  const problems = checkContent(
    content,
    (collection, id) => files.get(`${collection}:${id}`) ?? defaultFileOf(collection, id),
  );
  if (problems.length > 0) {
    throw new Error(`The content is not valid (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return {
    ...content,
    pagesById: new Map(content.pages.map((p) => [p.id, p])),
    sourcesById: indexSources(content.sources),
  };
}

/** All content, loaded and checked once per build. */
export function site(): Promise<Site> {
  cached ??= load();
  return cached;
}

/** A free page by id; the build fails if it is missing. */
export async function page(id: string): Promise<Page> {
  const p = (await site()).pagesById.get(id);
  if (!p) throw new Error(`content/pages/${id}.yaml is missing: the page /${id}/ needs it`);
  return p;
}
