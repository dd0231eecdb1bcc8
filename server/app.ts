/**
 * buildApp(config): the Fastify application — static files of the built site
 * (precompressed, cached by content hash), security headers, the on-demand Astro pages
 * (the forms, which work without JavaScript), the JSON API for the form islands, the
 * delivery worker's lifecycle, health checks and Latvian 404 pages. It never listens;
 * `server/index.ts` does.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { i18nFor } from '../src/domain/i18n';
import { fromFormFields } from '../src/domain/referral/index';
import { FORM_PAGES, ON_DEMAND_PATHS, VARIANTS, pathFor, variantOf } from '../src/domain/routes';
import type { Config } from './config';
import { createReferralService, type FieldErrors, type ReferralService, type SubmitResult } from './referrals';
import { readBuiltSite } from './site';

/** Astro's node adapter in middleware mode. */
type AstroHandler = (
  req: unknown,
  res: ServerResponse,
  next?: (err?: unknown) => void,
  locals?: Record<string, unknown>,
) => Promise<void> | void;

declare module 'fastify' {
  interface FastifyInstance {
    /** The referral service (tests reach the outbox and the worker through it). */
    referrals: ReferralService;
  }
}

const FORM_TYPE = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** Latvian texts of the few answers the server itself writes. */
const TEXT = {
  badRequest: 'Pieprasījumu nevar nolasīt.',
  tooLarge: 'Pieprasījums ir pārāk liels.',
  mediaType: 'Šis satura veids netiek pieņemts.',
  crossSite: 'Pieteikumu var nosūtīt tikai no šīs vietnes.',
  tooMany: 'Pārāk daudz pieteikumu no šī datora. Mēģiniet vēlreiz pēc minūtes.',
  unavailable:
    'Pieteikumu šobrīd neizdevās saglabāt. Nekas netika nosūtīts — mēģiniet vēlreiz vai zvaniet sociālajam dienestam.',
  error: 'Radās kļūda.',
} as const;

/** The answer to an error by its status; any other 4xx is "cannot read", any other 5xx "an error". */
const ERROR_TEXT: Readonly<Partial<Record<number, string>>> = {
  413: TEXT.tooLarge,
  415: TEXT.mediaType,
  429: TEXT.tooMany,
  503: TEXT.unavailable,
};

/** Parsed form fields back to an urlencoded body. */
function encodeForm(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return params.toString() || 'empty=';
}

/** Build the app; `await app.ready()` before `inject()` in tests. */
export async function buildApp(config: Config): Promise<FastifyInstance> {
  const built = readBuiltSite(config.distDir);
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // Requests are logged by method, path and status only: paths never hold
            // personal data, and bodies, query strings and headers are never logged.
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
    trustProxy: config.production,
    return503OnClosing: true,
    bodyLimit: 32 * 1024,
  });

  const referrals = await createReferralService(config, app.log);
  app.decorate('referrals', referrals);
  app.addHook('onReady', (done) => {
    referrals.worker.start();
    done();
  });
  // Stop accepting (Fastify), let requests finish, then let the worker finish its send.
  app.addHook('onClose', async () => {
    await referrals.close();
  });

  // Anything failing from here on must not leave the outbox lock and the worker behind.
  try {
    await mountRoutes(app, config, built, referrals);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

/** Security headers, the form and API routes, static files and the 404 page. */
async function mountRoutes(
  app: FastifyInstance,
  config: Config,
  built: ReturnType<typeof readBuiltSite>,
  referrals: ReferralService,
): Promise<void> {
  const https = config.publicOrigin.protocol === 'https:';
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Inline scripts and styles are allowed only by the hash of each (Astro's island
        // runtime and what the build holds), never 'unsafe-inline'.
        scriptSrc: ["'self'", ...built.scriptHashes],
        styleSrc: ["'self'", ...built.styleHashes],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only makes sense (and only works) over https.
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: false } : false,
    // "same-origin": browsers send Origin (and Referer) on our own form posts — needed for the
    // same-origin check — and nothing to other sites.
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(formbody);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, error: 'Too Many Requests', message: TEXT.tooMany }),
  });
  const submitLimit = { rateLimit: { max: config.rateLimitPerMinute, timeWindow: '1 minute' } };

  // Errors never echo what was sent (a body can hold health data) and are logged by code only.
  app.setErrorHandler(async (err: { statusCode?: number; code?: string; name?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ code: err.code, name: err.name }, 'request failed');
    const message = ERROR_TEXT[status] ?? (status >= 500 ? TEXT.error : TEXT.badRequest);
    await reply.code(status).header('cache-control', 'no-store').send({ error: message });
  });

  app.get('/healthz', async (_req, reply) => {
    await reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  app.get('/readyz', async (_req, reply) => {
    const state = await referrals.ready();
    const ok = state.outbox && state.mail;
    await reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({
        status: ok ? 'ready' : 'not ready',
        outbox: state.outbox,
        mail: state.mail,
        transport: referrals.mailer.kind,
      });
  });

  /**
   * The same-origin rule for every POST: the Origin (or Referer) must be this site, or the
   * browser itself says the request comes from this site (Sec-Fetch-Site).
   */
  const sameOrigin = (req: FastifyRequest): boolean => {
    if (req.headers['sec-fetch-site'] === 'same-origin') return true;
    const origin0 = req.headers.origin;
    const raw = origin0 && origin0 !== 'null' ? origin0 : req.headers.referer;
    if (typeof raw !== 'string') return false;
    let origin: string;
    try {
      origin = new URL(raw).origin;
    } catch {
      return false;
    }
    return origin === config.publicOrigin.origin || origin === `${req.protocol}://${req.host}`;
  };
  const isType = (req: FastifyRequest, type: string): boolean =>
    (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === type;

  /** Latvian messages for field errors (the JSON API; the islands show their own variant's). */
  const lv = i18nFor('lv');
  const messages = (errors: FieldErrors): Record<string, string> =>
    Object.fromEntries(Object.entries(errors).map(([path, e]) => [path, lv.t(`referral:${e.key}`, e.values ?? {})]));

  /** Submit; when the enquiry cannot be stored, answer 503 (nothing was accepted) and return null. */
  const submitOr503 = async (input: unknown, reply: FastifyReply): Promise<SubmitResult | null> => {
    try {
      return await referrals.submit(input);
    } catch (err) {
      reply.log.error({ code: (err as { code?: string }).code }, 'enquiry could not be stored');
      await reply.code(503).header('cache-control', 'no-store').send({ error: TEXT.unavailable });
      return null;
    }
  };

  app.post('/api/referrals', { config: submitLimit }, async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    if (!isType(req, JSON_TYPE)) return reply.code(415).send({ error: TEXT.mediaType });
    if (!sameOrigin(req)) return reply.code(403).send({ error: TEXT.crossSite });
    const result = await submitOr503(req.body, reply);
    if (!result) return reply;
    if (result.kind === 'invalid') {
      return reply.code(422).send({ errors: messages(result.errors), codes: result.errors });
    }
    return reply.code(201).send({ reference: result.reference });
  });

  // The on-demand pages: only these reach Astro (mounted globally it would shadow the static pages).
  let astro: AstroHandler | null = null;
  if (built.serverEntry) {
    astro = ((await import(pathToFileURL(built.serverEntry).href)) as { handler: AstroHandler }).handler;
  }
  const renderAstro = (req: FastifyRequest, reply: FastifyReply, locals: Record<string, unknown> = {}): void => {
    reply.hijack();
    if (!astro) {
      reply.raw.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      reply.raw.end(variantOf(req.url) === 'easy' ? built.notFound.easy : built.notFound.lv);
      return;
    }
    void astro(req.raw, reply.raw, undefined, locals);
  };
  for (const lvPath of ON_DEMAND_PATHS) {
    for (const variant of VARIANTS) {
      app.get(pathFor(variant, lvPath), (req, reply) => renderAstro(req, reply));
    }
  }

  // Form posts without JavaScript: valid → 303 to the confirmation; invalid → the same page, 422.
  for (const form of FORM_PAGES) {
    for (const variant of VARIANTS) {
      app.post(pathFor(variant, form.path), { config: submitLimit }, async (req, reply) => {
        if (!isType(req, FORM_TYPE)) return reply.code(415).send({ error: TEXT.mediaType });
        if (!sameOrigin(req)) return reply.code(403).send({ error: TEXT.crossSite });
        const fields = (req.body ?? {}) as Record<string, string | string[]>;
        // The page decides the type of enquiry, not a field a person (or a bot) could change.
        const input = { ...fromFormFields(fields), type: form.type };
        const result = await submitOr503(input, reply);
        if (!result) return reply;
        if (result.kind === 'invalid') {
          // Fastify has read the body; the adapter takes it from `req.body` (a string) instead.
          (req.raw as typeof req.raw & { body?: string }).body = encodeForm(fields);
          return renderAstro(req, reply, { referralForm: { values: fields, errors: result.errors } });
        }
        const target = `${pathFor(variant, form.confirmation)}?ref=${encodeURIComponent(result.reference)}`;
        return reply.code(303).header('cache-control', 'no-store').redirect(target, 303);
      });
    }
  }

  await app.register(fastifyStatic, {
    root: built.clientDir,
    preCompressed: true,
    wildcard: true,
    index: ['index.html'],
    redirect: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      // Files under /_astro/ carry a content hash in their name: cache them for a year.
      void reply.header(
        'cache-control',
        filePath.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      );
    },
  });

  app.setNotFoundHandler(async (req, reply) => {
    const variant = variantOf(req.url.split('?')[0] ?? '/');
    await reply
      .code(404)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(variant === 'easy' ? built.notFound.easy : built.notFound.lv);
  });
}
