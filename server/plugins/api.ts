/**
 * The JSON API the form islands post to: `POST /api/referrals` (see the README for the
 * request and the answers).
 */
import type { FastifyPluginCallback } from 'fastify';
import { i18nFor } from '../../src/domain/i18n';
import type { FieldErrors, ReferralService } from '../referrals';
import type { Receipts } from '../receipts';
import { JSON_TYPE, TEXT, hasType, isSameOrigin, submitLimit, submitOr503 } from './submissions';

export interface ApiOptions {
  referrals: Pick<ReferralService, 'submit'>;
  /** The address people use (the same-origin check). */
  publicOrigin: URL;
  /** Also accept posts whose Origin is the host they were sent to (not in production). */
  allowRequestHost?: boolean;
  /** Submissions a minute from one address. */
  rateLimitPerMinute: number;
  /** Signs the receipt the island puts into the confirmation page's address. */
  receipts: Pick<Receipts, 'sign'>;
}

type Translator = ReturnType<typeof i18nFor>;

/** Latvian messages for field errors (the islands show their own variant's from the codes). */
function messages(lv: Translator, errors: FieldErrors): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([path, e]) => [path, lv.t(`referral:${e.key}`, e.values ?? {})]),
  );
}

/**
 * `POST /api/referrals`: 201 with the reference and its signature once stored, 422 with
 * the field errors, 4xx/503 otherwise.
 */
export const apiPlugin: FastifyPluginCallback<ApiOptions> = (
  app,
  { referrals, publicOrigin, rateLimitPerMinute, receipts, allowRequestHost = true },
  done,
) => {
  const lv = i18nFor('lv');
  app.post('/api/referrals', { config: submitLimit(rateLimitPerMinute) }, async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    if (!hasType(req, JSON_TYPE)) return reply.code(415).send({ error: TEXT.mediaType });
    if (!isSameOrigin(req, publicOrigin, allowRequestHost)) return reply.code(403).send({ error: TEXT.crossSite });
    const result = await submitOr503(referrals, req.body, reply);
    if (!result) return reply;
    if (result.kind === 'invalid') {
      return reply.code(422).send({ errors: messages(lv, result.errors), codes: result.errors });
    }
    const { reference, type, municipality } = result;
    // The confirmation page shows "sent" only for this signature (with the municipality it names).
    return reply.code(201).send({ reference, signature: receipts.sign({ type, reference, municipality }) });
  });
  done();
};
