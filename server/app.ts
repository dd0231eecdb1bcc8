/**
 * buildApp(config): the Fastify application, made of the plugins in `plugins/` — security
 * headers and the error handler (`security`), health checks (`health`), the JSON API for
 * the form islands (`api`), and the site: on-demand Astro pages, form posts without
 * JavaScript, static files and Latvian 404 pages (`pages`) — plus the delivery worker's
 * lifecycle. It never listens; `server/index.ts` does.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { apiPlugin } from './plugins/api';
import { healthPlugin } from './plugins/health';
import { pagesPlugin } from './plugins/pages';
import { securityPlugin } from './plugins/security';
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

  const { publicOrigin, rateLimitPerMinute } = config;
  // Anything failing from here on must not leave the outbox lock and the worker behind.
  try {
    await app.register(securityPlugin, { site, publicOrigin });
    await app.register(healthPlugin, { referrals });
    await app.register(apiPlugin, { referrals, publicOrigin, rateLimitPerMinute });
    // Last: it holds the static files' wildcard route and the 404 handler.
    await app.register(pagesPlugin, { site, referrals, publicOrigin, rateLimitPerMinute });
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
