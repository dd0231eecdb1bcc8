/**
 * The security plugin (server/plugins/security.ts) on a bare app: its headers, error
 * handler and rate limiter reach routes registered in other, encapsulated plugins; errors
 * are answered in Latvian by status, never echo what was sent, and 5xx are logged by code
 * only. (The built site's CSP hashes and the API's 429 are tested in tests/integration.)
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PERMISSIONS_POLICY,
  SharedRateLimitStore,
  errorText,
  securityPlugin,
} from '../../../../server/plugins/security';
import { TEXT, submitLimit } from '../../../../server/plugins/submissions';

const SECRET = 'Ilze Bērziņa, epilepsija';
let app: FastifyInstance | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

/** An app with the security plugin and, in a plugin of their own, routes that fail with `status`. */
async function appWith(publicOrigin: string, logLines: string[] = []): Promise<FastifyInstance> {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const instance = Fastify({ logger: { level: 'info', stream } });
  await instance.register(securityPlugin, {
    site: { scriptHashes: ["'sha256-abc='"], styleHashes: [] },
    publicOrigin: new URL(publicOrigin),
  });
  await instance.register(async (routes) => {
    routes.get('/fail/:status', async (req) => {
      const status = Number((req.params as { status: string }).status);
      throw Object.assign(new Error(SECRET), status ? { statusCode: status, code: 'E_TEST' } : { code: 'E_TEST' });
    });
    routes.get('/ok', async () => ({ ok: true }));
    routes.post('/limited', { config: submitLimit(2) }, async () => ({ ok: true }));
  });
  // Another plugin's submitting route: it must draw from the same bucket.
  await instance.register(async (routes) => {
    routes.post('/limited-too', { config: submitLimit(2) }, async () => ({ ok: true }));
  });
  await instance.ready();
  app = instance;
  return instance;
}

describe('the error handler', () => {
  it('answers each status with its Latvian text, never the error message, never cached', async () => {
    const lines: string[] = [];
    const a = await appWith('http://localhost:4321', lines);
    const expected: [number, number, string][] = [
      [400, 400, TEXT.badRequest],
      [404, 404, TEXT.badRequest],
      [413, 413, TEXT.tooLarge],
      [415, 415, TEXT.mediaType],
      [429, 429, TEXT.tooMany],
      [500, 500, TEXT.error],
      [502, 502, TEXT.error],
      [503, 503, TEXT.unavailable],
      // Not an error status, or none at all: a server error.
      [302, 500, TEXT.error],
      [0, 500, TEXT.error],
    ];
    for (const [thrown, status, text] of expected) {
      const res = await a.inject({ url: `/fail/${thrown}` });
      expect(res.statusCode, String(thrown)).toBe(status);
      expect(res.json()).toEqual({ error: text });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).not.toContain('Ilze');
    }
    const logged = lines.join('');
    expect(logged).toContain('E_TEST');
    expect(logged).not.toContain('Ilze');
    expect(logged).not.toContain('epilepsija');
  });

  it('maps every status to a non-empty text', () => {
    for (let status = 400; status < 600; status += 1) expect(errorText(status)).toMatch(/\p{Lu}/u);
  });
});

describe('the headers', () => {
  it('reach routes of other plugins: a CSP by hash, no HSTS over http', async () => {
    const a = await appWith('http://localhost:4321');
    const res = await a.inject({ url: '/ok' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' 'sha256-abc='");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('add a Permissions-Policy and no X-Frame-Options (the CSP says frame-ancestors none)', async () => {
    const a = await appWith('http://localhost:4321');
    const res = await a.inject({ url: '/ok' });
    expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
    expect(String(res.headers['permissions-policy'])).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('over https add HSTS and upgrade-insecure-requests', async () => {
    const a = await appWith('https://kurzemevisiem.lv');
    const res = await a.inject({ url: '/ok' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});

describe('the rate limiter', () => {
  it('limits a route of another plugin that opts in, with the Latvian text', async () => {
    const a = await appWith('http://localhost:4321');
    const codes: number[] = [];
    for (let i = 0; i < 3; i += 1) codes.push((await a.inject({ method: 'POST', url: '/limited' })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const limited = await a.inject({ method: 'POST', url: '/limited' });
    // The limiter's answer goes through the error handler too.
    expect(limited.json()).toEqual({ error: TEXT.tooMany });
    expect(limited.headers['cache-control']).toBe('no-store');
    // Routes that do not opt in are not limited.
    for (let i = 0; i < 3; i += 1) expect((await a.inject({ url: '/ok' })).statusCode).toBe(200);
  });

  it('counts every submitting route from one bucket per address (W2)', async () => {
    const a = await appWith('http://localhost:4321');
    const post = async (url: string, remoteAddress = '203.0.113.7'): Promise<number> =>
      (await a.inject({ method: 'POST', url, remoteAddress })).statusCode;
    expect([
      await post('/limited'),
      await post('/limited-too'),
      await post('/limited-too'),
      await post('/limited'),
    ]).toEqual([200, 200, 429, 429]);
    // Another address has its own bucket; IPv6 addresses count by their /64.
    expect(await post('/limited-too', '203.0.113.8')).toBe(200);
    expect(await post('/limited', '2001:db8:0:1::1')).toBe(200);
    expect(await post('/limited-too', '2001:db8:0:1::ffff')).toBe(200);
    expect(await post('/limited', '2001:db8:0:1:abcd::1')).toBe(429);
    expect(await post('/limited', '2001:db8:0:2::1')).toBe(200);
  });
});

describe('the shared rate-limit store', () => {
  it('forgets expired addresses first, then the oldest, when full', () => {
    const store = new SharedRateLimitStore(undefined, 2);
    const counts: number[] = [];
    const incr = (key: string, window = 60_000): void =>
      store.incr(key, (_e, r) => counts.push(r?.current ?? -1), window);
    incr('a');
    incr('a');
    incr('b');
    incr('c');
    incr('a');
    expect(counts).toEqual([1, 2, 1, 1, 1]);
    expect(store.child()).toBe(store);
  });
});
