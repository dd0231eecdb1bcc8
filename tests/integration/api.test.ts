/**
 * The referral API and the no-JS form posts, end to end inside one process: HTTP in
 * (inject), the durable outbox on a real disk, nodemailer over SMTP to a real smtp-server
 * on 127.0.0.1, the received message parsed.
 */
import type { FastifyInstance } from 'fastify';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, startSmtp, waitFor, type TestSmtp } from './helpers/smtp';
import { MUNICIPALITIES, ORIGIN, fosterEnquiry, officeAddress, pending, serviceReferral, testApp } from './helpers/app';

const REF = /^KV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

describe('POST /api/referrals with a working mail server', () => {
  let smtp: TestSmtp;
  let app: FastifyInstance;
  let dataDir: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    ({ app, dataDir } = await testApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, RATE_LIMIT_PER_MINUTE: '1000' }));
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('accepts a referral: 201 with a reference, then the routed office receives it', async () => {
    const res = await post(serviceReferral({ message: 'Sveiki <script>alert(1)</script>' }));
    expect(res.statusCode).toBe(201);
    const { reference } = res.json<{ reference: string }>();
    expect(reference).toMatch(REF);
    await waitFor(() => smtp.received.some((m) => m.parsed.subject?.includes(reference)), 10_000, 'delivery');
    const mail = smtp.received.find((m) => m.parsed.subject?.includes(reference));
    expect(mail?.to).toEqual([officeAddress('kuldigas-novads', 'service')]);
    expect(mail?.parsed.subject).toBe(`Pieteikums ${reference} — Atelpas brīdis — Kuldīgas novads`);
    expect(mail?.parsed.replyTo?.value[0]?.address).toBe('ilze@example.com');
    expect(mail?.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail?.parsed.html).not.toContain('<script>');
    expect(mail?.parsed.messageId).toBe(`<${reference}@kurzeme-visiem>`);
    // Delivered enquiries are removed (retention 0 days).
    await waitFor(() => !pending(dataDir).includes(`${reference}.json`), 5_000, 'removal');
  });

  it('routes a referral and a foster enquiry for each of the 8 municipalities to exactly the routed office', async () => {
    const refs: { reference: string; to: string }[] = [];
    for (const id of MUNICIPALITIES) {
      const a = await post(serviceReferral({ municipality: id, message: `pakalpojums ${id}` }));
      const b = await post(fosterEnquiry({ municipality: id, message: `audžuģimene ${id}` }));
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      refs.push({ reference: a.json<{ reference: string }>().reference, to: officeAddress(id, 'service') });
      refs.push({ reference: b.json<{ reference: string }>().reference, to: officeAddress(id, 'foster') });
    }
    await waitFor(
      () => refs.every((r) => smtp.received.some((m) => m.parsed.subject?.includes(r.reference))),
      20_000,
      '16 deliveries',
    );
    for (const r of refs) {
      const mails = smtp.received.filter((m) => m.parsed.subject?.includes(r.reference));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toEqual([r.to]);
    }
    const foster = smtp.received.find((m) => m.parsed.subject?.includes(refs[1]?.reference ?? '?'));
    expect(foster?.parsed.subject).toMatch(/ — audžuģimene — Liepājas valstspilsēta$/);
  });

  it('50 concurrent submissions get 50 distinct references and 50 mails', async () => {
    const before = smtp.received.length;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(serviceReferral({ message: `vienlaicīgi ${i}` }))),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const refs = new Set(responses.map((r) => r.json<{ reference: string }>().reference));
    expect(refs.size).toBe(50);
    await waitFor(() => smtp.received.length >= before + 50, 30_000, '50 mails');
    const delivered = smtp.received.slice(before).map((m) => /KV-[^ ]+/.exec(m.parsed.subject ?? '')?.[0]);
    expect(new Set(delivered)).toEqual(refs);
  });

  it('a double click sends one enquiry: the same body within a minute gets the same reference', async () => {
    const body = serviceReferral({ message: 'divreiz' });
    const [a, b] = await Promise.all([post(body), post(body)]);
    const c = await post(body);
    const refs = [a, b, c].map((r) => r.json<{ reference: string }>().reference);
    expect(new Set(refs).size).toBe(1);
    await waitFor(() => smtp.received.some((m) => m.parsed.subject?.includes(refs[0] ?? '?')), 10_000, 'delivery');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => m.parsed.subject?.includes(refs[0] ?? '?'))).toHaveLength(1);
  });

  it('the double-click check is per client: another address sending the same gets its own reference (W12)', async () => {
    const body = JSON.stringify(serviceReferral({ message: 'tas pats teksts' }));
    const from = (remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/referrals',
        remoteAddress,
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: body,
      });
    const [a, again, b] = [await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.2')];
    const refs = [a, again, b].map((r) => r.json<{ reference: string }>().reference);
    expect(refs[1]).toBe(refs[0]);
    expect(refs[2]).not.toBe(refs[0]);
  });

  it('the honeypot: a filled "website" is answered 201 as if accepted, and nothing is queued or sent', async () => {
    await waitFor(() => pending(dataDir).length === 0, 10_000, 'earlier deliveries');
    const before = smtp.attempts.length;
    const res = await post(serviceReferral({ website: 'http://spam.example', message: 'surogātpasts' }));
    expect(res.statusCode).toBe(201);
    expect(res.json<{ reference: string }>().reference).toMatch(REF);
    expect(pending(dataDir)).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.attempts.slice(before).some((a) => a.raw.includes('surogātpasts'))).toBe(false);
  });

  describe('bad input is answered 4xx and nothing is queued', () => {
    // Earlier tests' deliveries finish first, so anything pending afterwards was queued here.
    beforeEach(async () => {
      await waitFor(() => pending(dataDir).length === 0, 10_000, 'earlier deliveries');
    });
    afterEach(() => {
      expect(pending(dataDir)).toEqual([]);
    });

    it('malformed JSON → 400', async () => {
      const res = await post('{"type": "service",');
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toContain('service');
    });

    it.each([
      ['wrong types', { person: { firstName: 'Anna', age: 'septiņi', group: 'child' } }, 'person.age'],
      ['an unknown municipality', { municipality: 'riga' }, 'municipality'],
      ['an unknown service', { services: ['masaza'] }, 'services'],
      ['missing consent', { consent: false }, 'consent'],
      ['CRLF in the name', { contact: { name: 'Ilze\r\nBcc: x@evil.example', phone: '20000000' } }, 'contact.name'],
      [
        'CRLF in the e-mail',
        { contact: { name: 'Ilze', email: 'ilze@example.com\r\nBcc: x@evil.example' } },
        'contact.email',
      ],
      ['neither phone nor e-mail', { contact: { name: 'Ilze' } }, 'contact.phone'],
    ])('%s → 422 naming the field', async (_what, change, field) => {
      const res = await post(serviceReferral(change));
      expect(res.statusCode).toBe(422);
      const body = res.json<{ errors: Record<string, string>; codes: Record<string, { key: string }> }>();
      expect(Object.keys(body.errors)).toContain(field);
      expect(body.errors[field]).toMatch(/\p{Lu}/u);
      expect(body.codes[field]?.key).toMatch(/^errors\./);
    });

    it('a 1 MB body → 413', async () => {
      const res = await post(serviceReferral({ message: 'x'.repeat(1024 * 1024) }));
      expect(res.statusCode).toBe(413);
    });

    it('JSON only with application/json → 415', async () => {
      const res = await post(JSON.stringify(serviceReferral()), { 'content-type': 'text/plain' });
      expect(res.statusCode).toBe(415);
    });

    it('a post from another site → 403', async () => {
      const res = await post(serviceReferral(), { origin: 'https://evil.example' });
      expect(res.statusCode).toBe(403);
      const none = await app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(serviceReferral()),
      });
      expect(none.statusCode).toBe(403);
    });
  });

  it('/readyz reports the outbox and the mail server', async () => {
    const res = await app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', outbox: true, mail: true, transport: 'smtp' });
  });
});

describe('form posts without JavaScript', () => {
  let smtp: TestSmtp;
  let app: FastifyInstance;

  beforeAll(async () => {
    smtp = await startSmtp();
    ({ app } = await testApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }));
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  const form = (fields: Record<string, string | string[]>): string => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
    return p.toString();
  };
  const valid = {
    municipality: 'talsu-novads',
    filledBy: 'self',
    'person.group': 'adult',
    'person.age': '34',
    services: ['dac', 'specializetas-darbnicas'],
    'contact.name': 'Pēteris',
    'contact.phone': '26000000',
    'contact.easyLanguage': 'true',
    consent: 'true',
    website: '',
  };

  it('a valid post → 303 to the confirmation with the receipt only; the office gets the mail, told it came from the easy-read form', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/viegli/pieteikums/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      payload: form(valid),
    });
    expect(res.statusCode).toBe(303);
    const location = res.headers.location ?? '';
    expect(location).toMatch(
      /^\/viegli\/pieteikums\/nosutits\/\?ref=KV-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}&m=talsu-novads&sig=[\w-]{22}$/,
    );
    const reference = new URL(location, ORIGIN).searchParams.get('ref') ?? '';
    await waitFor(() => smtp.received.some((m) => m.parsed.subject?.includes(reference)), 10_000, 'delivery');
    const mail = smtp.received.find((m) => m.parsed.subject?.includes(reference));
    expect(mail?.to).toEqual([officeAddress('talsu-novads', 'service')]);
    expect(mail?.parsed.text).toContain('Pēteris');
    // The page decides the version: the easy-read form's post says so at the top.
    expect(mail?.parsed.text).toContain('Cilvēks aizpildīja portāla viegli lasāmo pieteikuma formu');
    // The confirmation page shows "sent" for this receipt only.
    const page = await app.inject({ method: 'GET', url: location });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(reference);
    const forged = await app.inject({
      method: 'GET',
      url: location.replace(/sig=[\w-]+/u, 'sig=AAAAAAAAAAAAAAAAAAAAAA'),
    });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).not.toContain(reference);
  });

  it('the page decides the type: a foster form post cannot become a service request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/audzugimenem/pieteikums/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      payload: form({
        type: 'service',
        municipality: 'liepaja',
        filledBy: 'self',
        'contact.name': 'Zane',
        'contact.email': 'zane@example.com',
        interest: 'aizbildnis',
        consent: 'true',
      }),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/audzugimenem\/pieteikums\/nosutits\/\?ref=KV-/);
    const reference = new URL(res.headers.location ?? '', ORIGIN).searchParams.get('ref') ?? '';
    await waitFor(() => smtp.received.some((m) => m.parsed.subject?.includes(reference)), 10_000, 'delivery');
    expect(smtp.received.find((m) => m.parsed.subject?.includes(reference))?.to).toEqual([
      officeAddress('liepaja', 'foster'),
    ]);
  });

  // Astro checks the Origin of a post against the Host it was sent to, as a browser would send them.
  const postForm = (url: string, payload: string) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, host: new URL(ORIGIN).host },
      payload,
    });

  it('an invalid post → 422: the same page with the errors and the values as posted, never cached', async () => {
    const res = await postForm(
      '/viegli/pieteikums/',
      form({ ...valid, 'contact.name': 'Pēteris Ozoliņš', 'contact.phone': '', 'contact.email': 'ilze-at-example' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatch(/<title>Kļūda: /);
    expect(res.body).toContain('error-summary');
    expect(res.body).toContain('value="Pēteris Ozoliņš"');
    expect(res.body).toContain('value="ilze-at-example"');
  });

  it('a post of no fields at all → 422 with the form again, not a failed render', async () => {
    const res = await postForm('/audzugimenem/pieteikums/', '&');
    expect(res.statusCode).toBe(422);
    expect(res.body).toMatch(/<title>Kļūda: /);
  });

  it('form posts only as urlencoded → 415; from another site → 403', async () => {
    const json = await app.inject({
      method: 'POST',
      url: '/pieteikums/',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      payload: JSON.stringify(valid),
    });
    expect(json.statusCode).toBe(415);
    const cross = await app.inject({
      method: 'POST',
      url: '/pieteikums/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      payload: form(valid),
    });
    expect(cross.statusCode).toBe(403);
  });
});

describe('when the mail server is down', () => {
  it('accepts (201) and delivers once the server is up; /readyz says not ready meanwhile', async () => {
    const port = await freePort();
    const { app, dataDir } = await testApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: JSON.stringify(serviceReferral({ municipality: 'ventspils' })),
      });
      expect(res.statusCode).toBe(201);
      const { reference } = res.json<{ reference: string }>();
      // Durable before the reply: the enquiry is on disk.
      expect(existsSync(join(dataDir, 'outbox', 'pending', `${reference}.json`))).toBe(true);
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);

      const smtp = await startSmtp({ port });
      try {
        await waitFor(() => smtp.received.some((m) => m.parsed.subject?.includes(reference)), 20_000, 'delivery');
        expect(smtp.received[0]?.to).toEqual([officeAddress('ventspils', 'service')]);
        expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
      } finally {
        await app.close();
        await smtp.close();
      }
    } finally {
      if (!app.server.listening) await app.close().catch(() => undefined);
    }
    expect(readdirSync(join(dataDir, 'outbox', 'dead'))).toEqual([]);
  });
});

describe('when the enquiry cannot be stored', () => {
  it('answers 503 and says nothing was sent', async () => {
    const { app, dataDir } = await testApp();
    try {
      // The outbox cannot write: its temporary folder is replaced by a file.
      rmSync(join(dataDir, 'outbox', 'tmp'), { recursive: true });
      writeFileSync(join(dataDir, 'outbox', 'tmp'), 'not a folder');
      const res = await app.inject({
        method: 'POST',
        url: '/api/referrals',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        payload: JSON.stringify(serviceReferral({ message: 'neizdosies' })),
      });
      expect(res.statusCode).toBe(503);
      expect(res.json<{ error: string }>().error).toContain('Nekas netika nosūtīts');
      expect(pending(dataDir)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 after RATE_LIMIT_PER_MINUTE submissions from one address', async () => {
    const { app } = await testApp({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/referrals',
          headers: { 'content-type': 'application/json', origin: ORIGIN },
          payload: JSON.stringify(serviceReferral({ message: `limits ${i}` })),
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([201, 201, 201, 429]);
    } finally {
      await app.close();
    }
  });
});
