/**
 * "I live in …" → municipality. A person may type a town ("Aizpute"), a parish in any
 * usual form ("Rucavas pagasts", "Rucava", "rucavas pag."), a village the content lists
 * ("Dzelda") or the municipality itself ("Kuldīgas novads", "kuldiga"). Matching ignores
 * case and diacritics, so "kuldiga", "RUCAVA" and "dzelda" work on any keyboard.
 */

/** What the index needs of a municipality (a subset of `content/municipalities/*.yaml`). */
export interface PlaceSource {
  id: string;
  /** Official name, e.g. "Kuldīgas novads", "Liepājas valstspilsēta". */
  name: string;
  towns: readonly string[];
  /** Parish names as the content writes them: genitive, e.g. "Rucavas". */
  parishes: readonly string[];
  villages: readonly { name: string; parish: string }[];
}

export type PlaceKind = 'municipality' | 'town' | 'parish' | 'village';

export interface PlaceMatch {
  municipality: string;
  /** The place as the content writes it ("Rucavas pagasts", "Dzelda"). */
  place: string;
  kind: PlaceKind;
}

export type PlaceIndex = ReadonlyMap<string, readonly PlaceMatch[]>;

/** Lowercase, without diacritics, single spaces, no dots or commas. */
export function normalizePlace(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.,;:()"“”'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Nominative guesses for a genitive place name, so "Rucavas" (pagasts) is found as
 * "Rucava": -as → -a, -es → -e, -a → -s (Mērsraga → Mērsrags), -u → -i (Zirņu → Zirņi).
 */
function nominatives(genitive: string): string[] {
  const g = normalizePlace(genitive);
  const out: string[] = [];
  if (g.endsWith('as')) out.push(`${g.slice(0, -2)}a`);
  else if (g.endsWith('es')) out.push(`${g.slice(0, -2)}e`);
  else if (g.endsWith('a')) out.push(`${g.slice(0, -1)}s`);
  else if (g.endsWith('u')) out.push(`${g.slice(0, -1)}i`);
  return out;
}

/** Build the lookup table once from the municipalities content. */
export function buildPlaceIndex(municipalities: readonly PlaceSource[]): PlaceIndex {
  // A town, municipality or listed village wins over a parish guess of the same spelling.
  const rank: Record<PlaceKind, number> = { municipality: 0, town: 1, village: 2, parish: 3 };
  const index = new Map<string, PlaceMatch[]>();
  const add = (key: string, match: PlaceMatch): void => {
    const k = normalizePlace(key);
    if (!k) return;
    const list = index.get(k) ?? [];
    const same = list.findIndex((m) => m.municipality === match.municipality);
    if (same === -1) list.push(match);
    else if (rank[match.kind] < rank[list[same]?.kind ?? 'parish']) list[same] = match;
    index.set(k, list);
  };
  for (const m of municipalities) {
    const self: PlaceMatch = { municipality: m.id, place: m.name, kind: 'municipality' };
    add(m.name, self);
    add(m.id.replace(/-/g, ' '), self);
    // "Kuldīgas novads" is also written "Kuldīgas nov."; "Liepājas valstspilsēta" as "Liepāja".
    const [first = '', ...rest] = m.name.split(' ');
    if (rest.join(' ') === 'novads') add(`${first} nov`, self);
    for (const town of m.towns) {
      const match: PlaceMatch = { municipality: m.id, place: town, kind: 'town' };
      add(town, match);
      add(`${town} pilseta`, match);
    }
    for (const parish of m.parishes) {
      const match: PlaceMatch = { municipality: m.id, place: `${parish} pagasts`, kind: 'parish' };
      for (const form of [parish, ...nominatives(parish)]) {
        add(form, match);
        add(`${form} pagasts`, match);
        add(`${form} pag`, match);
      }
    }
    for (const v of m.villages) add(v.name, { municipality: m.id, place: v.name, kind: 'village' });
  }
  return index;
}

/**
 * Municipalities a typed place name belongs to: none (unknown), one, or several when the
 * name is used in more than one municipality (the person then chooses).
 */
export function resolvePlace(index: PlaceIndex, query: string): readonly PlaceMatch[] {
  return index.get(normalizePlace(query)) ?? [];
}

/**
 * What "find my municipality" answers for a typed name, with or without JavaScript (the
 * form island and the server's re-rendering of a no-JavaScript post alike): nothing typed,
 * not found, one municipality, or several to choose from.
 */
export type PlaceFinding =
  | { kind: 'empty' }
  | { kind: 'notFound'; query: string }
  | { kind: 'found'; match: PlaceMatch }
  | { kind: 'several'; query: string; matches: readonly PlaceMatch[] };

/** Find the municipality of a typed town, parish or village. */
export function findPlace(index: PlaceIndex, query: string): PlaceFinding {
  const q = query.trim();
  if (q === '') return { kind: 'empty' };
  const matches = resolvePlace(index, q);
  const [first] = matches;
  if (first === undefined) return { kind: 'notFound', query: q };
  if (matches.length === 1) return { kind: 'found', match: first };
  return { kind: 'several', query: q, matches };
}
