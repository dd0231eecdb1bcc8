/**
 * The content collections of the build: each reads its files from `content/` and checks
 * them with the content model's schema (`src/domain/model/schemas.ts`, documented there
 * field by field) — the same schemas the server and the commands use. A mistake fails the
 * build naming the file and the field; `src/site/content.ts` then checks the content as a
 * whole (ids, rule files, current sources, abbreviations) with the same `checkContent`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { eligibilityRule, schemas } from './domain/model/index';

const folder = (name: string) => glob({ base: `./content/${name}`, pattern: '*.yaml' });

/** Every list file under `content/sources/` (grouped by kind for editors), as one collection. */
function sourceLists(): { id: string; [key: string]: unknown }[] {
  const dir = './content/sources';
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .flatMap((n) => {
      const list = parse(readFileSync(join(dir, n), 'utf8')) as unknown;
      if (!Array.isArray(list)) throw new Error(`content/sources/${n}: expected a list of sources`);
      return list.map((entry: unknown, i) => {
        const id = (entry as { id?: unknown } | null)?.id;
        if (typeof id !== 'string') throw new Error(`content/sources/${n}: [${i}].id: missing`);
        return entry as { id: string };
      });
    });
}

export const collections = {
  sources: defineCollection({ loader: sourceLists, schema: schemas.sourceEntry }),
  region: defineCollection({ loader: file('./content/region.yaml'), schema: schemas.region }),
  helpLines: defineCollection({ loader: file('./content/help-lines.yaml'), schema: schemas.helpLine }),
  fosterCentres: defineCollection({ loader: file('./content/foster-centres.yaml'), schema: schemas.fosterCentre }),
  services: defineCollection({ loader: folder('services'), schema: schemas.service }),
  targetGroups: defineCollection({ loader: folder('target-groups'), schema: schemas.targetGroup }),
  municipalities: defineCollection({ loader: folder('municipalities'), schema: schemas.municipality }),
  locations: defineCollection({ loader: folder('locations'), schema: schemas.location }),
  glossary: defineCollection({ loader: folder('glossary'), schema: schemas.glossaryEntry }),
  pages: defineCollection({ loader: folder('pages'), schema: schemas.page }),
  eligibility: defineCollection({ loader: folder('eligibility'), schema: eligibilityRule }),
};
