/**
 * The API plugin (server/plugins/api.ts) alone, over a stub referral service: what it
 * refuses before anything is submitted. (Everything else about POST /api/referrals is
 * tested end to end in tests/integration/api.test.ts.)
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { apiPlugin } from '../../../../server/plugins/api';
import { securityPlugin } from '../../../../server/plugins/security';
import { TEXT } from '../../../../server/plugins/submissions';
import type { SubmitResult } from '../../../../server/referrals';

const ORIGIN = 'http://localhost:4321';
let app: FastifyInstance | null = null;
let submitted: unknown[] = [];

afterEach(async () => {
  await app?.close();
  app = null;
});

async function apiApp(): Promise<FastifyInstance> {
  submitted = [];
  const referrals = {
    submit: async (input: unknown): Promise<SubmitResult> => {
      submitted.push(input);
      return { kind: 'accepted', reference: 'KV-AAAA-AAAA', type: 'service' };
    },
  };
  const instance = Fastify({ logger: false, bodyLimit: 32 * 1024 });
  await instance.register(securityPlugin, {
    site: { scriptHashes: [], styleHashes: [] },
    publicOrigin: new URL(ORIGIN),
  });
  await instance.register(apiPlugin, { referrals, publicOrigin: new URL(ORIGIN), rateLimitPerMinute: 100 });
  await instance.ready();
  app = instance;
  return instance;
}

describe('POST /api/referrals', () => {
  it('refuses a form-encoded body with 415 (the form parser belongs to the pages), submitting nothing', async () => {
    const a = await apiApp();
    const res = await a.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      payload: 'type=service&consent=true',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ error: TEXT.mediaType });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(submitted).toEqual([]);
  });

  it('checks the media type before the origin', async () => {
    const a = await apiApp();
    const res = await a.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(415);
    expect(submitted).toEqual([]);
  });
});
