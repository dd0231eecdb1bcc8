/**
 * What every answer of the server gets, whichever plugin routes it: the security headers
 * (CSP by hash, HSTS over https), the error handler, and the rate limiter that submitting
 * routes opt into (`submitLimit`). Wrapped with fastify-plugin so that all of it applies
 * to the whole app, not only inside this plugin.
 */
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { BuiltSite } from '../site';
import { TEXT } from './submissions';

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
  });
  // Not global: only the routes that submit an enquiry are limited, each by its `submitLimit`.
  await app.register(rateLimit, {
    global: false,
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
