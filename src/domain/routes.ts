/**
 * The URL map of the portal. Every page exists twice: in Latvian at `/…` and in
 * easy-read Latvian at `/viegli/…`. This module is the ONE place that relates a page
 * to its counterpart; layouts call `counterpartOf`, nothing writes the link by hand.
 */

/** The two versions of every page. */
export type Variant = 'lv' | 'easy';

export const VARIANTS: readonly Variant[] = ['lv', 'easy'];

/** URL prefix of the easy-read version (the Astro i18n locale path). */
export const EASY_PREFIX = '/viegli';

/** Value of the `[...lang]` route parameter for a variant. */
export function langParam(variant: Variant): string | undefined {
  return variant === 'easy' ? EASY_PREFIX.slice(1) : undefined;
}

/** The variant a `[...lang]` route parameter stands for; `null` if it is neither. */
export function variantFromParam(param: string | undefined): Variant | null {
  if (param === undefined || param === '') return 'lv';
  if (param === EASY_PREFIX.slice(1)) return 'easy';
  return null;
}

/** The variant of a URL path. */
export function variantOf(path: string): Variant {
  return path === EASY_PREFIX || path.startsWith(`${EASY_PREFIX}/`) ? 'easy' : 'lv';
}

/**
 * A page's path in the given variant. `lvPath` is the page's Latvian path, which
 * identifies the page (e.g. `/pakalpojumi/atelpas-bridis/`).
 */
export function pathFor(variant: Variant, lvPath: string): string {
  if (!lvPath.startsWith('/')) throw new Error(`Path must start with "/": ${lvPath}`);
  return variant === 'easy' ? `${EASY_PREFIX}${lvPath}` : lvPath;
}

/** The Latvian path that identifies the page at `path` (either variant). */
export function pageIdOf(path: string): string {
  if (variantOf(path) === 'lv') return path;
  const rest = path.slice(EASY_PREFIX.length);
  return rest === '' ? '/' : rest;
}

/** The path of the same page in the other variant. */
export function counterpartOf(path: string): string {
  const variant = variantOf(path);
  return pathFor(variant === 'lv' ? 'easy' : 'lv', pageIdOf(path));
}

/** Fixed pages by name (Latvian paths). Pages per service, group and municipality are built from content. */
export const PAGES = {
  home: '/',
  services: '/pakalpojumi/',
  groups: '/atbalsts/',
  municipalities: '/pasvaldibas/',
  glossary: '/vardnica/',
  about: '/par-projektu/',
  di: '/deinstitucionalizacija/',
  accessibility: '/pieklustamiba/',
  privacy: '/privatums/',
  contacts: '/kontakti/',
  notCovered: '/ko-neaptver/',
  questions: '/jautajumi/',
  wizard: '/parbaude/',
  referral: '/pieteikums/',
  foster: '/audzugimenem/pieteikums/',
} as const;

export const servicePath = (id: string): string => `${PAGES.services}${id}/`;
export const groupPath = (id: string): string => `${PAGES.groups}${id}/`;
export const municipalityPath = (id: string): string => `${PAGES.municipalities}${id}/`;
export const glossaryPath = (id: string): string => `${PAGES.glossary}#${id}`;

/** Free text pages rendered from `content/pages/<id>.yaml` by one template (path `/<id>/`). */
export const FREE_PAGE_IDS = [
  'par-projektu',
  'deinstitucionalizacija',
  'pieklustamiba',
  'privatums',
  'ko-neaptver',
  'jautajumi',
] as const;

/** A form page (rendered on demand), the enquiry type it sends, and its confirmation page. */
export interface FormPage {
  path: string;
  type: 'service' | 'foster';
  confirmation: string;
}

/** The form pages: a request for services, and a foster (guardian, adopter) enquiry. */
export const FORM_PAGES: readonly FormPage[] = [
  { path: PAGES.referral, type: 'service', confirmation: `${PAGES.referral}nosutits/` },
  { path: PAGES.foster, type: 'foster', confirmation: `${PAGES.foster}nosutits/` },
];

/** The form page of an enquiry type. */
export function formPageOf(type: FormPage['type']): FormPage {
  const page = FORM_PAGES.find((f) => f.type === type);
  if (page === undefined) throw new Error(`no form page for "${type}"`);
  return page;
}

/**
 * Latvian paths of pages rendered on demand by the server (forms that must work without
 * JavaScript) and their confirmations. Each is mounted for both variants.
 */
export const ON_DEMAND_PATHS: readonly string[] = FORM_PAGES.flatMap((f) => [f.path, f.confirmation]);
