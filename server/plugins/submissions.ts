/**
 * What both ways of sending an enquiry share — the JSON API (`api.ts`) and the form posts
 * without JavaScript (`pages.ts`) — and what the error handler (`security.ts`) answers
 * with: the Latvian texts the server itself writes, the content-type and same-origin
 * checks, the rate limit of a submitting route, and submit-or-503.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnsendableError } from '../delivery/jobs';
import type { ReferralService, SubmitResult } from '../referrals';

export const FORM_TYPE = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** Latvian texts of the few answers the server itself writes. */
export const TEXT = {
  badRequest: 'Pieteikumu nevar nolasīt.',
  tooLarge: 'Pieteikums ir pārāk liels.',
  mediaType: 'Šis satura veids netiek pieņemts.',
  crossSite: 'Pieteikumu var nosūtīt tikai no šīs vietnes.',
  tooMany: 'Pārāk daudz pieteikumu no šī datora. Mēģiniet vēlreiz pēc minūtes.',
  unavailable:
    'Pieteikumu šobrīd neizdevās saglabāt. Nekas netika nosūtīts — mēģiniet vēlreiz vai zvaniet sociālajam dienestam.',
  error: 'Radās kļūda.',
} as const;

/** The rate limiter's group of every route that submits an enquiry: one bucket for all. */
export const SUBMIT_GROUP = 'submit';

/**
 * The route config of a route that submits an enquiry: at most `perMinute` submissions a
 * minute from one address, counted together over the API and every form post (one group,
 * one store: see `SharedRateLimitStore`).
 */
export function submitLimit(perMinute: number): {
  rateLimit: { max: number; timeWindow: string; groupId: string };
} {
  return { rateLimit: { max: perMinute, timeWindow: '1 minute', groupId: SUBMIT_GROUP } };
}

/** Whether the request's media type (without its parameters, any case) is `type`. */
export function hasType(req: Pick<FastifyRequest, 'headers'>, type: string): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === type;
}

/**
 * The same-origin rule for every POST: the Origin (or Referer) must be this site — its
 * public origin or (unless `allowRequestHost` is false, as in production) the host the
 * request was sent to — or the browser itself says the request comes from this site
 * (Sec-Fetch-Site). Production compares with the public origin only: behind a proxy the
 * "host" may come from a forwarded header.
 */
export function isSameOrigin(
  req: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>,
  publicOrigin: URL,
  allowRequestHost = true,
): boolean {
  if (req.headers['sec-fetch-site'] === 'same-origin') return true;
  const origin0 = req.headers.origin;
  // Some contexts send `Origin: null` (after a redirect, from a sandbox): the Referer decides then.
  const raw = origin0 && origin0 !== 'null' ? origin0 : req.headers.referer;
  if (typeof raw !== 'string') return false;
  let origin: string;
  try {
    origin = new URL(raw).origin;
  } catch {
    return false;
  }
  return origin === publicOrigin.origin || (allowRequestHost && origin === `${req.protocol}://${req.host}`);
}

/**
 * Submit an enquiry. When it cannot be stored, answer 503 (nothing was accepted, nothing
 * will be sent); when its e-mail cannot be composed, 500 — never a 201 for what could not
 * be delivered. Then return null; the caller returns the reply as it is. `page` renders the
 * answer as an HTML page for a browser without JavaScript (else JSON).
 */
export async function submitOr503(
  referrals: Pick<ReferralService, 'submit'>,
  input: unknown,
  reply: FastifyReply,
  page?: (status: 500 | 503) => string,
): Promise<SubmitResult | null> {
  try {
    // The client's address as `trustProxy` gives it (the double-click check is per client).
    return await referrals.submit(input, reply.request.ip);
  } catch (err) {
    const status = err instanceof UnsendableError ? 500 : 503;
    if (status === 503) reply.log.error({ code: (err as { code?: string }).code }, 'enquiry could not be stored');
    void reply.code(status).header('cache-control', 'no-store');
    if (page) await reply.header('content-type', 'text/html; charset=utf-8').send(page(status));
    else await reply.send({ error: status === 503 ? TEXT.unavailable : TEXT.error });
    return null;
  }
}
