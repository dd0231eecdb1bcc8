/**
 * Cross-reference check for content entries. Astro's `reference()` turns an id into
 * `{ collection, id }` but does not reject ids that do not exist; this walks an entry's
 * data, finds every such reference and reports the unknown ones with file and field.
 */

export interface RefCheck {
  /** The content file, for the message. */
  file: string;
  data: unknown;
}

/** Known ids per collection name. */
export type KnownIds = Record<string, ReadonlySet<string>>;

function isRef(value: unknown): value is { collection: string; id: string } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof (value as { collection?: unknown }).collection === 'string' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

function walk(value: unknown, path: string, visit: (ref: { collection: string; id: string }, path: string) => void): void {
  if (isRef(value)) {
    visit(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, visit));
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, visit);
  }
}

/** Messages like `content/locations/x.yaml: offers[1].service: unknown services id "dacc"`. */
export function checkReferences(entries: readonly RefCheck[], known: KnownIds): string[] {
  const problems: string[] = [];
  for (const { file, data } of entries) {
    walk(data, '', (ref, path) => {
      const ids = known[ref.collection];
      if (!ids) {
        problems.push(`${file}: ${path}: reference to unchecked collection "${ref.collection}"`);
      } else if (!ids.has(ref.id)) {
        problems.push(`${file}: ${path}: unknown ${ref.collection} id "${ref.id}"`);
      }
    });
  }
  return problems;
}
