/**
 * Text rules shared by the schema and the routing: normalisation, the characters a field
 * may hold, and the e-mail and phone grammars. Pure functions, no dependencies.
 */

/** RFC 5321 limits a forward path to 256 octets including the angle brackets. */
export const MAX_EMAIL_LENGTH = 254;

// C0 controls except LF, DEL and the C1 controls. LF is allowed where line breaks are.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;
// Anything a mail header, a log line or a CSV cell could read as a line break.
export const LINE_BREAKS = /[\n\r\u0085\u2028\u2029]/u;
// Invisible characters that reorder or hide text (bidi controls, zero-width characters, the
// BOM): in a name or an address they make what a social worker reads differ from what was
// typed ("Trojan Source"-style display spoofing). Latvian needs none of them.
export const INVISIBLE_FORMATTING = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/u;

/** Normalise a one-line value: Unicode NFC, then trim. */
export function normaliseLine(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * Normalise free text: CRLF and lone CR (form posts send CRLF) and Unicode line/paragraph
 * separators become LF, tabs (pasted from documents) become spaces, then NFC and trim.
 */
export function normaliseText(value: string): string {
  return value
    .replace(/\r\n?/gu, '\n')
    .replace(/[\u2028\u2029]/gu, '\n')
    .replace(/\t/gu, ' ')
    .normalize('NFC')
    .trim();
}

/** True for a single-line value without control characters, line breaks, bidi controls or zero-width characters. */
export function isSafeLine(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && !LINE_BREAKS.test(value) && !INVISIBLE_FORMATTING.test(value);
}

// The WHATWG `input type=email` grammar, plus: the domain needs a dot (a public form is
// never answered on an intranet host) and the local part is at most 64 characters.
const EMAIL =
  /^(?=[^@]{1,64}@)[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/u;

/** True for an e-mail address the portal accepts (also used for routing addresses). */
export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

/**
 * True for a phone number: digits with optional spaces, hyphens, parentheses and a
 * leading `+`; 7 to 15 digits (E.164 allows 15; Latvian numbers have 8, or 11 with +371).
 */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9 ()-]+$/u.test(value)) return false;
  const digits = value.replace(/\D/gu, '').length;
  return digits >= 7 && digits <= 15;
}
