/**
 * What a confirmation page (rendered on demand) knows of its request, for both forms: the
 * version from the path, and — only when the server checked the receipt in the address
 * (`server/receipts.ts`, `Astro.locals.confirmation`) — the reference and the municipality
 * it went to. The address carries nothing else: never personal data. Sets `no-store`, and
 * 404 when there is no receipt the server signed (none, or a made-up one).
 */
import type { AstroGlobal } from 'astro';
import { variantFromParam, type Variant } from '../domain/routes';

/** A receipt the server signed. */
export interface ConfirmedRequest {
  reference: string;
  municipality: string;
  /** The address's query (`ref`, `m`, `sig`), for the link to the other version. */
  query: string;
}

/** The page's version and receipt; `null` for a path that is no version of the site. */
export function confirmationRequest(
  astro: AstroGlobal,
): { variant: Variant; confirmed: ConfirmedRequest | null } | null {
  const variant = variantFromParam(astro.params['lang']);
  if (variant === null) return null;
  astro.response.headers.set('cache-control', 'no-store');
  const confirmed = astro.locals.confirmation ?? null;
  if (confirmed === null) astro.response.status = 404;
  return { variant, confirmed };
}
