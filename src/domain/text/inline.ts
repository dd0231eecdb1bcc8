/**
 * Inline text of content files → tokens for rendering. The only markup content may use
 * is `[label](/path/)` for a link to a page of the portal; everything else is text and
 * is escaped by the renderer. Glossary terms and abbreviations are recognised so their
 * first use on a page can be marked up (`<abbr title>` and a link to the glossary).
 */

export type InlineToken =
  | { type: 'text'; text: string }
  | { type: 'link'; text: string; href: string }
  | {
      type: 'term';
      text: string;
      /** Glossary entry id (anchor on the glossary page). */
      id: string;
      /** The full term, for `<abbr title>`; `null` when the match is the term itself. */
      title: string | null;
      /** The full term to write out after the abbreviation (see `InlineOptions.writeOut`). */
      writeOut?: string;
    };

/** How a page marks the terms in its text. */
export interface InlineOptions {
  /**
   * Write an abbreviation out in full at its first use on the page — "VDEĀVK (Veselības un
   * darbspēju ekspertīzes ārstu valsts komisija)" — unless the sentence already does (the full
   * term in it, or the abbreviation in brackets or followed by them). For easy-read pages: a
   * `title` reaches neither touch, nor the keyboard, nor most screen readers.
   */
  writeOut?: boolean;
}

/** What the recogniser needs of a glossary entry. */
export interface GlossaryForm {
  id: string;
  term: string;
  abbr: string | null;
  aliases: readonly string[];
}

interface Form {
  id: string;
  /** Text to find. Abbreviations match case-sensitively, other forms case-insensitively. */
  form: string;
  isAbbr: boolean;
  title: string | null;
}

/** A compiled recogniser for a glossary. Build once per build, reuse per page. */
export interface Glossary {
  regex: RegExp | null;
  byLower: Map<string, Form[]>;
}

const LINK = /\[([^\]\n]+)\]\((\/[^)\s]*)\)/g;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True for a word written in capitals (GRT, VDEĀVK, ĢVPP): an abbreviation. */
export function isAbbreviation(word: string): boolean {
  // Roman numerals (disability groups "II", "III") are not abbreviations.
  return /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word) && !/^[IVXLCDM]+$/.test(word);
}

/** Compile the glossary's terms, abbreviations and aliases into one recogniser. */
export function compileGlossary(entries: readonly GlossaryForm[]): Glossary {
  const forms: Form[] = [];
  for (const e of entries) {
    if (e.abbr) forms.push({ id: e.id, form: e.abbr, isAbbr: true, title: e.term });
    forms.push({ id: e.id, form: e.term, isAbbr: false, title: null });
    for (const alias of e.aliases) {
      const abbr = isAbbreviation(alias);
      forms.push({ id: e.id, form: alias, isAbbr: abbr, title: abbr ? e.term : null });
    }
  }
  const byLower = new Map<string, Form[]>();
  for (const f of forms) {
    const key = f.form.toLocaleLowerCase('lv');
    byLower.set(key, [...(byLower.get(key) ?? []), f]);
  }
  if (forms.length === 0) return { regex: null, byLower };
  // Longest first, so "atbalsta plāns" wins over "plāns".
  const alternatives = [...new Set(forms.map((f) => f.form))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return { regex, byLower };
}

function findForm(glossary: Glossary, matched: string): Form | null {
  const candidates = glossary.byLower.get(matched.toLocaleLowerCase('lv')) ?? [];
  // Abbreviations only count when written in capitals ("DAC", not "dac").
  return candidates.find((f) => !f.isAbbr || f.form === matched) ?? null;
}

/**
 * Does the sentence already say what the abbreviation at `index` stands for? Yes when it is
 * in brackets or followed by brackets ("ārstu komisija (VDEĀVK)", "SRC (centrs …)"), or when
 * the full term is in the sentence — in any case ending, so the last two letters are not
 * compared ("… komisijai" is "… komisija").
 */
function explainedIn(sentence: string, text: string, index: number, length: number, term: string): boolean {
  if (/\(\s*$/u.test(text.slice(0, index)) || /^\s*\(/u.test(text.slice(index + length))) return true;
  const full = term.toLocaleLowerCase('lv');
  const stem = full.length > 6 ? full.slice(0, -2) : full;
  return sentence.toLocaleLowerCase('lv').includes(stem);
}

function markTerms(
  text: string,
  glossary: Glossary,
  seen: Set<string>,
  sentence: string,
  options: InlineOptions,
): InlineToken[] {
  const out: InlineToken[] = [];
  if (!glossary.regex) return [{ type: 'text', text }];
  let last = 0;
  for (const m of text.matchAll(glossary.regex)) {
    const form = findForm(glossary, m[0]);
    if (!form || seen.has(form.id)) continue;
    seen.add(form.id);
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    const title = form.isAbbr ? form.title : null;
    const token: Extract<InlineToken, { type: 'term' }> = { type: 'term', text: m[0], id: form.id, title };
    if (options.writeOut && title !== null && !explainedIn(sentence, text, m.index, m[0].length, title)) {
      token.writeOut = title;
    }
    out.push(token);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/**
 * Split a content string into tokens.
 * @param seen ids of glossary entries already marked on this page; updated in place,
 *   so only the first use on a page is marked.
 */
export function parseInline(
  text: string,
  glossary: Glossary,
  seen: Set<string>,
  options: InlineOptions = {},
): InlineToken[] {
  const out: InlineToken[] = [];
  const sentence = plainText(text);
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    if (m.index > last) out.push(...markTerms(text.slice(last, m.index), glossary, seen, sentence, options));
    out.push({ type: 'link', text: m[1] ?? '', href: m[2] ?? '/' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...markTerms(text.slice(last), glossary, seen, sentence, options));
  return out;
}

/** The text as a reader sees it (links reduced to their label): for counting words. */
export function plainText(text: string): string {
  return text.replace(LINK, '$1');
}

/** Words of a sentence as the readability check counts them (separated by white space). */
export function countWords(sentence: string): number {
  return plainText(sentence)
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Capitalised words (abbreviations) used in a text, links reduced to labels. */
export function abbreviationsIn(text: string): string[] {
  const words = plainText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter(isAbbreviation))];
}

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  // One pass, and none for text without the five characters (most of it): the office
  // e-mail escapes every value, and it is composed on the request's path.
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (ch) => HTML_ESCAPES[ch] ?? ch) : text;
}

const HTML_SPECIAL = /[&<>"']/u;
const HTML_SPECIALS = /[&<>"']/gu;
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Tokens → HTML. Every piece of content text is escaped; the only elements produced are
 * links to portal paths and `<abbr>` for glossary abbreviations (then the full term in
 * brackets, where the token says to write it out).
 * @param href maps a portal path to the page's variant; `glossaryHref` gives an entry's link.
 */
export function tokensToHtml(
  tokens: readonly InlineToken[],
  href: (path: string) => string,
  glossaryHref: (id: string) => string,
): string {
  return tokens
    .map((t) => {
      if (t.type === 'text') return escapeHtml(t.text);
      if (t.type === 'link') return `<a href="${escapeHtml(href(t.href))}">${escapeHtml(t.text)}</a>`;
      const inner = t.title ? `<abbr title="${escapeHtml(t.title)}">${escapeHtml(t.text)}</abbr>` : escapeHtml(t.text);
      const written = t.writeOut ? ` (${escapeHtml(t.writeOut)})` : '';
      return `<a class="term" href="${escapeHtml(glossaryHref(t.id))}">${inner}</a>${written}`;
    })
    .join('');
}

/** A `tel:` link for a phone number as published ("+371 67331492" → "tel:+37167331492"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
