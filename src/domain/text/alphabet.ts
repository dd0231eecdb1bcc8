/**
 * The Latvian alphabet for A–Z lists: Ā, Č, Ē, Ģ, Ī, Ķ, Ļ, Ņ, Š, Ū and Ž are letters of their
 * own, each after its base letter. (Collation with `localeCompare('lv')` files Ā, Ē, Ī and Ū
 * with their base letters, so a list sorted that way is grouped here by its first letter.)
 */

/** The letters in order; Q, W, X and Y (loanwords) stand where the Latin alphabet has them. */
// prettier-ignore
export const LATVIAN_ALPHABET = [
  'A', 'Ā', 'B', 'C', 'Č', 'D', 'E', 'Ē', 'F', 'G', 'Ģ', 'H', 'I', 'Ī', 'J', 'K', 'Ķ', 'L', 'Ļ',
  'M', 'N', 'Ņ', 'O', 'P', 'Q', 'R', 'S', 'Š', 'T', 'U', 'Ū', 'V', 'W', 'X', 'Y', 'Z', 'Ž',
] as const;

const RANK = new Map<string, number>(LATVIAN_ALPHABET.map((letter, i) => [letter, i]));

/** The letter a word is filed under: its first letter as a capital ("ārpusģimenes" → "Ā"). */
export function initialOf(word: string): string {
  const first = [...word.trim().normalize('NFC')][0] ?? '';
  return first.toLocaleUpperCase('lv');
}

/** One letter of an A–Z list and its entries. */
export interface LetterGroup<T> {
  letter: string;
  entries: T[];
}

/**
 * Entries grouped by the first letter of `key(entry)`: only letters that have entries, in
 * alphabet order (anything outside the alphabet — a digit — after Ž); within a letter the
 * entries keep the order they came in.
 */
export function groupByInitial<T>(entries: readonly T[], key: (entry: T) => string): LetterGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const letter = initialOf(key(entry));
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  const rank = (letter: string): number => RANK.get(letter) ?? LATVIAN_ALPHABET.length;
  return [...groups.entries()]
    .map(([letter, list]) => ({ letter, entries: list }))
    .sort((a, b) => rank(a.letter) - rank(b.letter) || a.letter.localeCompare(b.letter, 'lv'));
}

/** The anchor of a letter on the page: "A" → "burts-a", "Ā" → "burts-ā". */
export function letterAnchor(letter: string): string {
  return `burts-${letter.toLocaleLowerCase('lv')}`;
}
