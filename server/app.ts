/**
 * buildApp(config): the Fastify application, made of the plugins in `plugins/` — security
 * headers and the error handler (`security`), health checks (`health`), the JSON API for
 * the form islands (`api`), and the site: on-demand Astro pages, form posts without
 * JavaScript, static files and Latvian 404 pages (`pages`) — plus the delivery worker's
 * lifecycle. It never listens; `server/index.ts` does.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { placesOf } from '../src/domain/model/index';
import { plainRefusedRoutes } from '../src/domain/referral/index';
import type { Config } from './config';
import { apiPlugin } from './plugins/api';
import { healthPlugin } from './plugins/health';
import { pagesPlugin } from './plugins/pages';
import { securityPlugin } from './plugins/security';
import { createReceipts } from './receipts';
import { createReferralService, type ReferralService } from './referrals';
import { readBuiltSite } from './site';

declare module 'fastify' {
  interface FastifyInstance {
    /** The referral service (tests reach the outbox and the worker through it). */
    referrals: ReferralService;
  }
}

/** Build the app; `await app.ready()` before `inject()` in tests. */
export async function buildApp(config: Config): Promise<FastifyInstance> {
  const site = readBuiltSite(config.distDir);
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
    // The client's address is what the configured proxies say, never what a client claims
    // (false: the peer is the client). A hop count trusts that many proxies in front.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    return503OnClosing: true,
    bodyLimit: 32 * 1024,
    // A request (headers and body) must arrive within the limit: a body trickled in a byte
    // at a time is cut. Idle keep-alive connections close after a few seconds.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    http: {
      headersTimeout: Math.min(config.requestTimeoutMs, 60_000),
      // How often Node looks for requests past their limit (its default, 30 s, would let a
      // slow body live up to 30 s beyond the limit).
      connectionsCheckingInterval: Math.max(100, Math.min(5000, Math.floor(config.requestTimeoutMs / 2))),
    },
  });
  // Connections beyond the cap are refused at once (the kernel's backlog holds the rest).
  app.server.maxConnections = config.maxConnections;

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

  const { publicOrigin, rateLimitPerMinute } = config;
  // Anything failing from here on must not leave the outbox lock and the worker behind.
  try {
    await app.register(securityPlugin, { site, publicOrigin });
    await app.register(healthPlugin, { referrals });
    const allowRequestHost = !config.production;
    const receipts = createReceipts(config.confirmationSecret);
    await app.register(apiPlugin, { referrals, publicOrigin, rateLimitPerMinute, receipts, allowRequestHost });
    // Last: it holds the static files' wildcard route and the 404 handler.
    const refused = plainRefusedRoutes(referrals.content.routing);
    const plainMailRefused = {
      service: refused.filter((r) => r.type === 'service').map((r) => r.municipalityId),
      foster: refused.filter((r) => r.type === 'foster').map((r) => r.municipalityId),
    };
    await app.register(pagesPlugin, {
      site,
      referrals,
      publicOrigin,
      rateLimitPerMinute,
      plainMailRefused,
      receipts,
      places: referrals.content.content.municipalities.map(placesOf),
      allowRequestHost,
    });
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
