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
