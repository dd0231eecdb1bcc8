/**
 * buildApp(config): the Fastify application — static files of the built site
 * (precompressed, cached by content hash), security headers, the on-demand Astro pages,
 * health checks and Latvian 404 pages. It never listens; `server/index.ts` does.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { ON_DEMAND_PATHS, VARIANTS, pathFor, variantOf } from '../src/domain/routes';
import type { Config } from './config';
import { readBuiltSite } from './site';

/** Astro's node adapter in middleware mode. */
type AstroHandler = (req: unknown, res: ServerResponse, next?: (err?: unknown) => void) => Promise<void> | void;

/** Build the app; `await app.ready()` before `inject()` in tests. */
export async function buildApp(config: Config): Promise<FastifyInstance> {
  const built = readBuiltSite(config.distDir);
  const https = config.publicOrigin.protocol === 'https:';
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

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Inline scripts are allowed only by the hash of each one in the build, never 'unsafe-inline'.
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
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });

  app.get('/healthz', async (_req, reply) => {
    await reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });

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

  if (built.serverEntry && ON_DEMAND_PATHS.length > 0) {
    const mod = (await import(pathToFileURL(built.serverEntry).href)) as { handler: AstroHandler };
    for (const lvPath of ON_DEMAND_PATHS) {
      for (const variant of VARIANTS) {
        const path = pathFor(variant, lvPath);
        // Only these routes reach Astro: mounted globally it would shadow the static pages.
        app.all(path, (req, reply) => {
          reply.hijack();
          void mod.handler(req.raw, reply.raw);
        });
      }
    }
  }

  app.setNotFoundHandler(async (req, reply) => {
    const variant = variantOf(req.url.split('?')[0] ?? '/');
    await reply
      .code(404)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(variant === 'easy' ? built.notFound.easy : built.notFound.lv);
  });

  return app;
}
