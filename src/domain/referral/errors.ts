/**
 * The shapes a referral's field errors take, converted in one place: flat by dotted field
 * path (the schema, the server's 422), nested (formik), and back to flat (the error
 * summary).
 */
import { isPlainObject } from '../objects';
/** An error as the schema and the server give it: an i18n key and its values. */
export interface FieldMessage {
  key: string;
  values?: Record<string, unknown>;
}

/** A field error: an i18n key with its values, or a sentence the server sent as is. */
export type FieldError = FieldMessage | string;

/**
 * Nest flat errors for formik's `validate` (`{ 'contact.email': e }` → `{ contact: { email: e } }`).
 */
export function nestErrors(errors: Record<string, FieldError>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, error] of Object.entries(errors)) {
    const parts = path.split('.');
    let node: Record<string, unknown> = out;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        Object.defineProperty(node, part, { value: error, enumerable: true, writable: true, configurable: true });
        return;
      }
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      if (isPlainObject(next)) node = next;
      else {
        const child: Record<string, unknown> = {};
        Object.defineProperty(node, part, { value: child, enumerable: true, writable: true, configurable: true });
        node = child;
      }
    });
  }
  return out;
}

/** Flatten formik's nested errors back to dotted paths (a leaf is a message or a string). */
export function flatErrors(errors: unknown, prefix = '', out: [string, FieldError][] = []): [string, FieldError][] {
  if (typeof errors === 'string') out.push([prefix, errors]);
  else if (isPlainObject(errors)) {
    if (typeof errors['key'] === 'string') out.push([prefix, errors as unknown as FieldMessage]);
    else for (const [k, v] of Object.entries(errors)) flatErrors(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/**
 * The field errors of the API's 422 answer (`{ errors: { path: sentence }, codes: { path:
 * { key, values } } }`): the i18n codes, so the page shows its own version's words; the
 * server's Latvian sentence where a field has no code. `null` when the body holds none.
 */
export function errorsFromApi(body: unknown): Record<string, FieldError> | null {
  if (!isPlainObject(body)) return null;
  const out: Record<string, FieldError> = {};
  const { codes, errors } = body;
  if (isPlainObject(codes)) {
    for (const [path, code] of Object.entries(codes)) {
      if (isPlainObject(code) && typeof code['key'] === 'string') {
        out[path] = isPlainObject(code['values']) ? { key: code['key'], values: code['values'] } : { key: code['key'] };
      }
    }
  }
  if (isPlainObject(errors)) {
    for (const [path, message] of Object.entries(errors)) {
      if (!(path in out) && typeof message === 'string') out[path] = message;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}
