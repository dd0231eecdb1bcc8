/**
 * Whether a source's wording adds anything to the portal's own name for a thing — so a
 * page can show "Grupu dzīvokļi personām ar GRT" beside the service's title, and leave out
 * "Grupu dzīvoklis" under "Grupu dzīvoklis (grupu māja)".
 */

function words(text: string): string[] {
  return text
    .toLocaleLowerCase('lv')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Latvian words are compared by their first six letters: "darbnīca" and "darbnīcas" are one word. */
const stem = (word: string): string => word.slice(0, 6);

/** `true` when some word of `wording` has no word in `name` with the same beginning. */
export function saysMoreThan(wording: string, name: string): boolean {
  const known = new Set(words(name).map(stem));
  return words(wording).some((w) => !known.has(stem(w)));
}
