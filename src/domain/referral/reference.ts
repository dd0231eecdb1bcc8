/**
 * Enquiry references: `KV-XXXX-XXXX`, read over the phone and typed by hand, so the
 * alphabet leaves out characters people confuse (0/O, 1/I/L). 31 symbols, 8 positions:
 * 31^8 ≈ 8.5 × 10^11 references, so a random collision is rare — and the outbox refuses
 * to overwrite an existing reference, so the caller draws another.
 */

/** The symbols of a reference: digits 2–9 and A–Z without I, L and O. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A reference: `KV-` and two groups of four symbols. */
export const REFERENCE_PATTERN = /^KV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/u;

/** Fills a buffer of `size` bytes from a cryptographically secure source. */
export type RandomBytes = (size: number) => Uint8Array;

// Bytes at or above the largest multiple of the alphabet size are dropped, so every
// symbol is equally likely (a plain `byte % 31` would favour the first symbols).
const LIMIT = 256 - (256 % REFERENCE_ALPHABET.length);

/**
 * Draw a new reference.
 *
 * @param randomBytes a cryptographically secure source, e.g. `crypto.randomBytes` on the
 *   server or `(n) => crypto.getRandomValues(new Uint8Array(n))` anywhere
 */
export function generateReference(randomBytes: RandomBytes): string {
  const symbols: string[] = [];
  while (symbols.length < 8) {
    for (const byte of randomBytes(16)) {
      if (byte >= LIMIT) continue;
      symbols.push(REFERENCE_ALPHABET.charAt(byte % REFERENCE_ALPHABET.length));
      if (symbols.length === 8) break;
    }
  }
  return `KV-${symbols.slice(0, 4).join('')}-${symbols.slice(4).join('')}`;
}

/** True for a well-formed reference (exact form, upper case). */
export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

/**
 * Read a reference as a person may type it (lower case, spaces, missing hyphens); returns
 * the canonical form, or `null` when it cannot be one.
 */
export function parseReference(value: string): string | null {
  const compact = value.toUpperCase().replace(/[\s-]/gu, '');
  const body = compact.startsWith('KV') ? compact.slice(2) : compact;
  if (body.length !== 8) return null;
  const candidate = `KV-${body.slice(0, 4)}-${body.slice(4)}`;
  return isReference(candidate) ? candidate : null;
}

/**
 * The id of an enquiry's confirmation message: its outbox entry, its `.eml` file and its
 * Message-ID's local part (the office e-mail's is the reference itself).
 */
export function confirmationId(reference: string): string {
  return `${reference}.confirmation`;
}
