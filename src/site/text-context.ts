/** Per-page text rendering context: the glossary recogniser and which terms are already marked. */
import { compileGlossary, type Glossary } from '../domain/text/inline';
import { EASY_PREFIX, pathFor, type Variant } from '../domain/routes';
import { site } from './content';

/** A date as Latvians write it: 01.05.2023. */
export { formatDay as formatDate } from '../domain/text/fact-date';

export interface TextContext {
  variant: Variant;
  glossary: Glossary;
  /** Glossary ids already marked on this page (only the first use is marked). */
  seen: Set<string>;
  /** A portal path in this page's variant (content may write either variant's path). */
  href: (path: string) => string;
}

let compiled: Promise<Glossary> | null = null;

async function glossary(): Promise<Glossary> {
  const { glossary: entries } = await site();
  return compileGlossary(entries.map((e) => ({ id: e.id, term: e.term, abbr: e.abbr, aliases: e.aliases })));
}

/** A path written in content, mapped to the variant of the page it appears on. */
export function localHref(variant: Variant, path: string): string {
  const lvPath =
    path === EASY_PREFIX || path.startsWith(`${EASY_PREFIX}/`) ? path.slice(EASY_PREFIX.length) || '/' : path;
  return pathFor(variant, lvPath);
}

/** A fresh context for one page. */
export async function textContext(variant: Variant): Promise<TextContext> {
  compiled ??= glossary();
  return { variant, glossary: await compiled, seen: new Set(), href: (p) => localHref(variant, p) };
}
