/**
 * What every answer of the server gets, whichever plugin routes it: the security headers
 * (CSP by hash, HSTS over https, Permissions-Policy; no X-Frame-Options, which CSP's
 * `frame-ancestors 'none'` supersedes), the error handler, and the rate limiter that
 * submitting routes opt into (`submitLimit`). Wrapped with fastify-plugin so that all of it
 * applies to the whole app, not only inside this plugin.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { BuiltSite } from '../site';
import { TEXT } from './submissions';

/** Browser features no page of the site uses: a script that got in could not use them either. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=()';

/**
 * The rate limiter's counts, ONE store for every limited route. @fastify/rate-limit gives
 * each route its own in-memory store (`child()`), so five submitting routes would allow
 * five times the limit; here `child()` returns the same store, and the routes' shared
 * `groupId` makes the key the same too. Bounded: past `maxKeys` addresses, expired ones are
 * forgotten first, then the oldest.
 */
export class SharedRateLimitStore {
  private readonly hits = new Map<string, { count: number; start: number }>();
  constructor(
    _options?: unknown,
    private readonly maxKeys = 20_000,
  ) {}

  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
  ): void {
    const now = Date.now();
    let hit = this.hits.get(key);
    if (!hit || hit.start + timeWindow <= now) {
      hit = { count: 0, start: now };
      this.hits.delete(key);
      if (this.hits.size >= this.maxKeys) this.evict(now, timeWindow);
    }
    hit.count += 1;
    this.hits.set(key, hit);
    callback(null, { current: hit.count, ttl: hit.start + timeWindow - now });
  }

  child(): SharedRateLimitStore {
    return this;
  }

  private evict(now: number, timeWindow: number): void {
    for (const [key, hit] of this.hits) if (hit.start + timeWindow <= now) this.hits.delete(key);
    for (const key of this.hits.keys()) {
      if (this.hits.size < this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}

export interface SecurityOptions {
  /** The hashes of the build's inline scripts and styles (the only inline code allowed). */
  site: Pick<BuiltSite, 'scriptHashes' | 'styleHashes'>;
  /** The address people use: https turns on HSTS and upgrade-insecure-requests. */
  publicOrigin: URL;
}

/** The answer to an error by its status; any other 4xx is "cannot read", any other 5xx "an error". */
const ERROR_TEXT: Readonly<Partial<Record<number, string>>> = {
  413: TEXT.tooLarge,
  415: TEXT.mediaType,
  429: TEXT.tooMany,
  503: TEXT.unavailable,
};

/** The Latvian text of the answer to an error with this status (400–599). */
export function errorText(status: number): string {
  return ERROR_TEXT[status] ?? (status >= 500 ? TEXT.error : TEXT.badRequest);
}

const security: FastifyPluginAsync<SecurityOptions> = async (app, { site, publicOrigin }) => {
  const https = publicOrigin.protocol === 'https:';
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Inline scripts and styles are allowed only by the hash of each (Astro's island
        // runtime and what the build holds), never 'unsafe-inline'.
        scriptSrc: ["'self'", ...site.scriptHashes],
        styleSrc: ["'self'", ...site.styleHashes],
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
    // CSP `frame-ancestors 'none'` says it (and more strictly than SAMEORIGIN did).
    xFrameOptions: false,
  });
  // Set on the raw response, as helmet's are: also pages Astro renders (hijacked replies) get it.
  app.addHook('onRequest', (_req, reply, done) => {
    reply.raw.setHeader('permissions-policy', PERMISSIONS_POLICY);
    done();
  });
  // Not global: only the routes that submit an enquiry are limited (`submitLimit`), all of
  // them from one bucket per client address. The address is what Fastify's `trustProxy`
  // gives (never a header a client chose); IPv6 addresses count by their /64.
  await app.register(rateLimit, {
    global: false,
    store: SharedRateLimitStore,
    ipv6Subnet: 64,
    errorResponseBuilder: () => ({ statusCode: 429, error: 'Too Many Requests', message: TEXT.tooMany }),
  });

  // Errors never echo what was sent (a body can hold health data) and are logged by code only.
  app.setErrorHandler(async (err: { statusCode?: number; code?: string; name?: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ code: err.code, name: err.name }, 'request failed');
    await reply
      .code(status)
      .header('cache-control', 'no-store')
      .send({ error: errorText(status) });
  });
};

/** Security headers, the error handler and the rate limiter, for the whole app. */
export const securityPlugin = fp(security, { name: 'kv-security', fastify: '5.x' });
