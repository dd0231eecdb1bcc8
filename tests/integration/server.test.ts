/**
 * The Fastify app over the real build output (dist/), through inject(): static pages,
 * precompressed files, cache headers, security headers, 404 pages, health.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { inlineScriptHashes, inlineStyleHashes } from '../../server/site';

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildApp(
    loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kv-app-')),
      LOG_LEVEL: 'silent',
      ...(process.env['DIST_DIR'] ? { DIST_DIR: process.env['DIST_DIR'] } : {}),
    }),
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

describe('the built site through the server', () => {
  it('serves both home pages in Latvian', async () => {
    for (const url of ['/', '/viegli/']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<html lang="lv"');
    }
  });

  it('sends the precompressed file the client accepts', async () => {
    const br = await app.inject({ url: '/pakalpojumi/', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    const gz = await app.inject({ url: '/pakalpojumi/', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const raw = await app.inject({ url: '/pakalpojumi/' });
    expect(raw.headers['content-encoding']).toBeUndefined();
    expect(raw.body).toContain('<h1>');
  });

  it('caches hashed assets for a year and pages not at all', async () => {
    const page = await app.inject({ url: '/' });
    expect(page.headers['cache-control']).toContain('max-age=0');
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(page.body)?.[1];
    expect(css).toBeDefined();
    const asset = await app.inject({ url: css ?? '' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sets a CSP without unsafe-inline and no HSTS over plain http', async () => {
    const res = await app.inject({ url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('allows by hash every inline script and style of the island pages, static and on demand', async () => {
    for (const url of ['/parbaude/', '/viegli/pieteikums/']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      const scripts = inlineScriptHashes(res.body);
      expect(scripts.length, url).toBeGreaterThan(0);
      for (const h of [...scripts, ...inlineStyleHashes(res.body)]) expect(csp, `${url} ${h}`).toContain(h);
    }
  });

  it('answers unknown URLs with the 404 page of the right version', async () => {
    const lv = await app.inject({ url: '/nav-tadas/' });
    expect(lv.statusCode).toBe(404);
    expect(lv.body).toContain('Lapa nav atrasta');
    const easy = await app.inject({ url: '/viegli/nav-tadas/' });
    expect(easy.statusCode).toBe(404);
    expect(easy.body).toContain('Šādas lapas nav');
  });

  it('publishes the sitemap and a health check', async () => {
    const sm = await app.inject({ url: '/sitemap-index.xml' });
    expect(sm.statusCode).toBe(200);
    const health = await app.inject({ url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('refuses to start without a build, naming the fix', async () => {
    await expect(
      buildApp(loadConfig({ DIST_DIR: mkdtempSync(join(tmpdir(), 'kv-nodist-')), LOG_LEVEL: 'silent' })),
    ).rejects.toThrow(/npm run build/);
  });
});
