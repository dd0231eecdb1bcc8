/**
 * Map a plain HTML form post (`application/x-www-form-urlencoded`, JavaScript off) into the
 * request shape of the JSON API, so the one schema validates both.
 *
 * Field names are the dotted paths of the request (`person.firstName`, `contact.email`);
 * `services` is repeated once per ticked checkbox. Only conversions the form itself needs
 * are made — digits to a number, checkbox values to booleans, a JSON `answers` field to an
 * object. Anything else is passed through as posted, so what is invalid stays invalid and
 * the schema reports it (an unknown field name becomes an unknown key).
 */

/**
 * The name of the finder's "Atrast" button in a post without JavaScript: such a post asks
 * the server to find the typed place and show the form again — it is not a submission.
 */
export const FIND_FIELD = 'find';

/** Fields posted as checkboxes: `true` or `on` (a checkbox without `value`) mean yes. */
const BOOLEAN_FIELDS = new Set(['consent', 'contact.easyLanguage', 'contact.supportPerson', 'contact.confirmation']);
/** Fields that are lists; any other field posted several times stays a list and fails. */
const LIST_FIELDS = new Set(['services']);
const NUMBER_FIELDS = new Set(['person.age']);
// Dotted names deeper than this are not part of the request; keep them flat (and unknown).
const MAX_DEPTH = 2;
// Keys that would reach an object's prototype if assigned naively.
const UNSAFE_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

type FieldValue = string | string[];

/** Options for `fromFormFields`. */
export interface FormFieldOptions {
  /** Field names to drop before mapping (e.g. a CSRF token the framework adds). */
  ignore?: readonly string[];
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a field named `__proto__` becomes a plain own key the
  // schema can reject, instead of replacing the object's prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function toBoolean(value: FieldValue): unknown {
  if (Array.isArray(value)) return value;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'on') return true;
  if (v === 'false' || v === '') return false;
  return value;
}

function toNumber(value: FieldValue): unknown {
  if (Array.isArray(value)) return value;
  const v = value.trim();
  return /^\d{1,3}$/u.test(v) ? Number(v) : value;
}

function toAnswers(value: FieldValue): unknown {
  if (Array.isArray(value)) return value;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    // Not JSON: hand the string on and let the schema call it invalid.
    return value;
  }
}

function convert(name: string, value: FieldValue): unknown {
  if (BOOLEAN_FIELDS.has(name)) return toBoolean(value);
  if (NUMBER_FIELDS.has(name)) return toNumber(value);
  if (LIST_FIELDS.has(name)) return (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== '');
  if (name === 'answers') return toAnswers(value);
  // A single field posted twice is not something the form does: keep the list, it fails.
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

/**
 * Turn posted form fields into a referral request for `validateReferral`.
 *
 * @param fields the parsed body (`@fastify/formbody` gives `string | string[]` per name)
 * @param options field names to ignore
 * @returns a plain object in the shape of the JSON request (not yet validated)
 */
export function fromFormFields(
  fields: Readonly<Record<string, string | string[] | undefined>>,
  options: FormFieldOptions = {},
): Record<string, unknown> {
  const ignore = new Set(options.ignore ?? []);
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) {
    const raw = fields[name];
    if (raw === undefined || ignore.has(name)) continue;
    const value = convert(name, raw);
    if (value === undefined) continue;
    const parts = name.split('.');
    const nested = parts.length === MAX_DEPTH && parts.every((p) => p !== '' && !UNSAFE_SEGMENTS.has(p));
    if (!nested) {
      define(out, name, value);
      continue;
    }
    const [parent, child] = parts as [string, string];
    let node = Object.hasOwn(out, parent) ? out[parent] : undefined;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      node = {};
      define(out, parent, node);
    }
    define(node as Record<string, unknown>, child, value);
  }
  // A form without any `person.*` answer means "not given" (allowed for foster enquiries).
  const person = out['person'];
  if (typeof person === 'object' && person !== null && Object.values(person).every((v) => v === '')) {
    delete out['person'];
  }
  return out;
}
