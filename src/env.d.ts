/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /**
     * Set by the server when a plain form post (JavaScript off) to a request form did not
     * validate (the page renders the form again, with status 422, the person's values and
     * the errors), or was the finder's "Atrast" (the form again, every value kept, status
     * 200). Absent on a GET and on a valid post (that one is redirected).
     */
    referralForm?: {
      /** The posted fields as posted (`services` repeated → a list). */
      values: Record<string, string | string[]>;
      /** Errors by dotted field path: an i18n key of the `referral` namespace and its values ({} after "Atrast"). */
      errors: Record<string, { key: string; values?: Record<string, unknown> }>;
      /** Set when the person pressed "Atrast" (the finder) without JavaScript: what it found. */
      finding?: import('./domain/places/index').PlaceFinding;
    };
    /**
     * Set by the server on a confirmation page whose address carries a receipt the server
     * signed (`server/receipts.ts`): the reference and the municipality it went to. Absent
     * for an address without one, or with a made-up one: the page is then neutral.
     */
    confirmation?: {
      reference: string;
      municipality: string;
      /** The query the page's address carries (`ref`, `m`, `sig`), for the link to the other version. */
      query: string;
    };
    /**
     * Set by the server on a form page: the municipalities whose office for this form takes
     * no personal data by ordinary e-mail and has no key to encrypt it to. The page tells
     * people there to call, visit or write through the official e-address instead.
     */
    plainMail?: {
      type: 'service' | 'foster';
      /** Municipality ids. */
      municipalities: string[];
    };
  }
}
