/** Checks on untrusted values (JSON, storage, form posts, history state), defined once. */

/**
 * True for a plain object — what `JSON.parse` or a structured clone gives — and nothing
 * else: not `null`, an array, a class instance or an object with another prototype.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * What the browser kept under a key (the wizard's state, the hand-over, a form's draft) as a
 * plain object with this `version`, or `null`: nothing stored, not JSON, not an object, or
 * another version. The rest of its shape is the reader's to check.
 */
export function parseStoredObject(raw: string | null, version: number): Record<string, unknown> | null {
  if (raw === null || raw === '') return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  return isPlainObject(data) && data['version'] === version ? data : null;
}
