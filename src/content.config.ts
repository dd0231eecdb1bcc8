/**
 * The content collections of the build: each reads its files from `content/` and checks
 * them with the content model's schema (`src/domain/model/schemas.ts`, documented there
 * field by field) — the same schemas the server and the commands use. A mistake fails the
 * build naming the file and the field; `src/site/content.ts` then checks the content as a
 * whole (ids, rule files, abbreviations) with the same `checkContent`.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { eligibilityRule, schemas } from './domain/model/index';

const folder = (name: string) => glob({ base: `./content/${name}`, pattern: '*.yaml' });

export const collections = {
  sources: defineCollection({ loader: file('./content/sources.yaml'), schema: schemas.sourceEntry }),
  region: defineCollection({ loader: file('./content/region.yaml'), schema: schemas.region }),
  services: defineCollection({ loader: folder('services'), schema: schemas.service }),
  targetGroups: defineCollection({ loader: folder('target-groups'), schema: schemas.targetGroup }),
  municipalities: defineCollection({ loader: folder('municipalities'), schema: schemas.municipality }),
  locations: defineCollection({ loader: folder('locations'), schema: schemas.location }),
  glossary: defineCollection({ loader: folder('glossary'), schema: schemas.glossaryEntry }),
  pages: defineCollection({ loader: folder('pages'), schema: schemas.page }),
  eligibility: defineCollection({ loader: folder('eligibility'), schema: eligibilityRule }),
};
