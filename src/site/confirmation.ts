/**
 * What a confirmation page (rendered on demand) reads of its request, for both forms: the
 * version from the path and the reference from `?ref=KV-XXXX-XXXX` — the only thing in the
 * URL, never personal data. Sets `no-store`, and 404 when the reference is not one.
 */
import type { AstroGlobal } from 'astro';
import { parseReference } from '../domain/referral/reference';
import { variantFromParam, type Variant } from '../domain/routes';

/** The page's version and reference; `null` for a path that is no version of the site. */
export function confirmationRequest(astro: AstroGlobal): { variant: Variant; reference: string | null } | null {
  const variant = variantFromParam(astro.params['lang']);
  if (variant === null) return null;
  astro.response.headers.set('cache-control', 'no-store');
  const reference = parseReference(astro.url.searchParams.get('ref') ?? '');
  if (reference === null) astro.response.status = 404;
  return { variant, reference };
}
