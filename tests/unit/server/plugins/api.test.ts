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
import { UnsendableError } from '../../../../server/delivery/jobs';
import { createReceipts } from '../../../../server/receipts';

const ORIGIN = 'http://localhost:4321';
const RECEIPTS = createReceipts('unit-test-confirmation-secret');
let app: FastifyInstance | null = null;
let submitted: unknown[] = [];

afterEach(async () => {
  await app?.close();
  app = null;
});

async function apiApp(failure?: Error): Promise<FastifyInstance> {
  submitted = [];
  const referrals = {
    submit: async (input: unknown): Promise<SubmitResult> => {
      submitted.push(input);
      if (failure) throw failure;
      return { kind: 'accepted', reference: 'KV-AAAA-AAAA', type: 'service', municipality: 'liepaja' };
    },
  };
  const instance = Fastify({ logger: false, bodyLimit: 32 * 1024 });
  await instance.register(securityPlugin, {
    site: { scriptHashes: [], styleHashes: [] },
    publicOrigin: new URL(ORIGIN),
  });
  await instance.register(apiPlugin, {
    referrals,
    publicOrigin: new URL(ORIGIN),
    rateLimitPerMinute: 100,
    receipts: RECEIPTS,
  });
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

  it('never answers 201 for what cannot be sent: 500 when it cannot be composed, 503 when it cannot be stored', async () => {
    for (const [failure, status, text] of [
      [new UnsendableError(), 500, TEXT.error],
      [Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), 503, TEXT.unavailable],
    ] as const) {
      const a = await apiApp(failure);
      const res = await a.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: '{}',
      });
      expect(res.statusCode).toBe(status);
      expect(res.json()).toEqual({ error: text });
      expect(res.headers['cache-control']).toBe('no-store');
      await a.close();
      app = null;
    }
  });

  it('answers 201 with the reference and the signature of its receipt', async () => {
    const a = await apiApp();
    const res = await a.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      payload: '{}',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ reference: string; signature: string }>();
    expect(body.reference).toBe('KV-AAAA-AAAA');
    const query = new URLSearchParams({ ref: body.reference, m: 'liepaja', sig: body.signature });
    expect(RECEIPTS.verify('service', query, ['liepaja'])).toEqual({
      type: 'service',
      reference: 'KV-AAAA-AAAA',
      municipality: 'liepaja',
    });
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
