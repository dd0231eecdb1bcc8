/**
 * The receipt of an accepted enquiry: what the confirmation page's address carries — the
 * reference, the municipality it went to and an HMAC of both (with the enquiry's type)
 * under the server's `CONFIRMATION_SECRET`. The page shows "Pieteikums nosūtīts" and the
 * office only for a receipt the server signed: a made-up reference gets a neutral page.
 *
 * Nothing personal travels: a reference, a municipality id and a signature. The signature
 * does not expire (a bookmarked confirmation keeps working); a new secret invalidates
 * every earlier address, which then shows the neutral page.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EnquiryType } from '../src/domain/referral/index';
import { parseReference } from '../src/domain/referral/index';

/** What a receipt says. */
export interface Receipt {
  type: EnquiryType;
  reference: string;
  municipality: string;
}

/** The query parameters of a confirmation page: `ref`, `m` (municipality id), `sig`. */
export const RECEIPT_PARAMS = { reference: 'ref', municipality: 'm', signature: 'sig' } as const;

/** Signs and checks receipts with one secret. */
export interface Receipts {
  /** The signature of a receipt (base64url, 22 characters). */
  sign(receipt: Receipt): string;
  /** The query string of the receipt's confirmation page (without `?`). */
  query(receipt: Receipt): string;
  /**
   * The receipt a confirmation page's query names, if the server signed it and the
   * municipality is one of `municipalities`; `null` otherwise.
   */
  verify(type: EnquiryType, query: URLSearchParams, municipalities: readonly string[]): Receipt | null;
}

const MUNICIPALITY_ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,7}$/u;

/** Receipts under `secret`. */
export function createReceipts(secret: string): Receipts {
  const mac = (r: Receipt): Buffer =>
    createHmac('sha256', secret)
      .update(`kv-receipt\n${r.type}\n${r.reference}\n${r.municipality}`)
      .digest()
      // 128 bits: far beyond guessing, short enough for an address.
      .subarray(0, 16);
  const sign = (r: Receipt): string => mac(r).toString('base64url');
  return {
    sign,
    query(r) {
      const p = new URLSearchParams();
      p.set(RECEIPT_PARAMS.reference, r.reference);
      p.set(RECEIPT_PARAMS.municipality, r.municipality);
      p.set(RECEIPT_PARAMS.signature, sign(r));
      return p.toString();
    },
    verify(type, query, municipalities) {
      const reference = parseReference(query.get(RECEIPT_PARAMS.reference) ?? '');
      const municipality = query.get(RECEIPT_PARAMS.municipality) ?? '';
      const signature = query.get(RECEIPT_PARAMS.signature) ?? '';
      if (reference === null || !MUNICIPALITY_ID.test(municipality) || !municipalities.includes(municipality)) {
        return null;
      }
      const receipt = { type, reference, municipality };
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(receipt);
      return given.length === expected.length && timingSafeEqual(given, expected) ? receipt : null;
    },
  };
}
