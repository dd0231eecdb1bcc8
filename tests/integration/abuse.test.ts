/**
 * Abuse, on real server processes and a real SMTP server on 127.0.0.1 (the red team's
 * W1, W2, W3, W6, W9): who the client is behind a proxy, one rate-limit bucket for every
 * way of submitting, confirmation mail that cannot be used as a relay, slow clients and too
 * many connections. The production settings that must not start (W11) are tested on the
 * configuration (tests/unit/server/config.test.ts), and a refused start as a process in
 * server-process.test.ts.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { serviceReferral } from './helpers/app';
import { killServers, startServer, type ServerProcess } from './helpers/process';
import { smtpReply, startSmtp, waitFor, type TestSmtp } from './helpers/smtp';

let smtp: TestSmtp | null = null;
afterEach(async () => {
  killServers();
  await smtp?.close();
  smtp = null;
});
afterAll(() => killServers());

/** POST a JSON enquiry; `headers` may add X-Forwarded-For and the like. */
function postJson(server: ServerProcess, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.origin}/api/referrals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin, ...headers },
    body: JSON.stringify(body),
  });
}

/** POST a form without JavaScript to `path`. */
function postForm(
  server: ServerProcess,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return fetch(`${server.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const SERVICE_FORM = {
  municipality: 'talsu-novads',
  filledBy: 'self',
  'person.group': 'adult',
  services: 'dac',
  'contact.name': 'Pēteris',
  'contact.phone': '26000000',
  consent: 'true',
  website: '',
};
const FOSTER_FORM = {
  municipality: 'liepaja',
  filledBy: 'self',
  'contact.name': 'Zane',
  'contact.email': 'zane@example.com',
  interest: 'aizbildnis',
  consent: 'true',
};

describe('the client address and the rate limit (W1, W2)', () => {
  it('without TRUST_PROXY a forwarded address is ignored, and the API and every form post share one bucket', async () => {
    const server = await startServer({ RATE_LIMIT_PER_MINUTE: '4' });
    const codes: number[] = [];
    // Each claims another address: none of it counts.
    codes.push(
      (await postJson(server, serviceReferral({ message: 'a' }), { 'x-forwarded-for': '198.51.100.1' })).status,
    );
    codes.push((await postForm(server, '/pieteikums/', SERVICE_FORM, { 'x-forwarded-for': '198.51.100.2' })).status);
    codes.push((await postForm(server, '/viegli/audzugimenem/pieteikums/', FOSTER_FORM)).status);
    codes.push((await postJson(server, serviceReferral({ message: 'b' }), { 'x-real-ip': '198.51.100.3' })).status);
    codes.push(
      (await postJson(server, serviceReferral({ message: 'c' }), { 'x-forwarded-for': '198.51.100.4' })).status,
    );
    codes.push((await postForm(server, '/viegli/pieteikums/', SERVICE_FORM)).status);
    codes.push((await postForm(server, '/audzugimenem/pieteikums/', FOSTER_FORM)).status);
    expect(codes).toEqual([201, 303, 303, 201, 429, 429, 429]);
  });

  it('with TRUST_PROXY the client is the address the trusted proxy saw; a spoofed left-most value changes nothing; IPv6 counts by /64', async () => {
    const server = await startServer({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '127.0.0.1' });
    // What nginx's $proxy_add_x_forwarded_for produces: the client's own claim, then the real peer.
    const asClient = (client: string, i: number): Record<string, string> => ({
      'x-forwarded-for': `10.${i}.0.1, ${client}`,
    });
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      codes.push((await postJson(server, serviceReferral({ message: `x${i}` }), asClient('203.0.113.7', i))).status);
    }
    expect(codes).toEqual([201, 201, 429, 429]);
    // Another real client has its own bucket.
    expect((await postJson(server, serviceReferral({ message: 'y' }), asClient('203.0.113.8', 9))).status).toBe(201);
    // IPv6: one /64 is one client.
    const v6 = async (address: string, n: number): Promise<number> =>
      (await postJson(server, serviceReferral({ message: `v6 ${n}` }), { 'x-forwarded-for': address })).status;
    expect([await v6('2001:db8::1', 1), await v6('2001:db8::2', 2), await v6('2001:db8::ffff:1', 3)]).toEqual([
      201, 201, 429,
    ]);
    expect(await v6('2001:db8:0:1::1', 4)).toBe(201);
  });

  it('TRUST_PROXY=<hop count> takes the address that many proxies in', async () => {
    const server = await startServer({ RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: '1' });
    const as = (xff: string, m: string): Promise<Response> =>
      postJson(server, serviceReferral({ message: m }), { 'x-forwarded-for': xff });
    expect((await as('192.0.2.1, 203.0.113.20', 'a')).status).toBe(201);
    expect((await as('192.0.2.2, 203.0.113.20', 'b')).status).toBe(429);
    expect((await as('192.0.2.3, 203.0.113.21', 'c')).status).toBe(201);
  });
});

describe('confirmation e-mail is not a relay (W1, W3)', () => {
  it('at most N per address a day and M an hour in all; a permanent refusal is not retried; the reference is always given', async () => {
    smtp = await startSmtp({
      refuse: (_n, raw) => (/^To: bounce@bounce\.example/im.test(raw) ? smtpReply(550, '5.1.1 No such user') : null),
    });
    const server = await startServer({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      CONFIRMATIONS_PER_ADDRESS_PER_DAY: '2',
      CONFIRMATIONS_PER_HOUR: '4',
      DELIVERY_RETRY_DELAYS: '0.1',
    });
    const to = [
      'victim@victim.example',
      'Victim+1@victim.example',
      'victim+2@VICTIM.example',
      'bounce@bounce.example',
      'other@example.test',
      'another@example.test',
    ];
    const references: string[] = [];
    for (const [i, email] of to.entries()) {
      const res = await postJson(
        server,
        serviceReferral({
          message: `apstiprinājums ${i}`,
          contact: {
            name: 'Ilze',
            email,
            phone: '20000000',
            easyLanguage: false,
            supportPerson: false,
            confirmation: true,
          },
        }),
      );
      // Whatever happens to the confirmation, the person gets the reference.
      expect(res.status).toBe(201);
      references.push(((await res.json()) as { reference: string }).reference);
    }
    const current = smtp;
    await waitFor(
      () => server.events('outbox.delivered').filter((l) => l['kind'] === 'office').length === 6,
      15_000,
      'six office mails',
    );
    await waitFor(() => server.events('outbox.dropped').length === 1, 10_000, 'the bounce dropped');
    await new Promise((r) => setTimeout(r, 500));
    const confirmationsTo = current.received
      .filter((m) => m.parsed.headers.get('auto-submitted') === 'auto-generated')
      .map((m) => m.to[0]?.toLowerCase());
    // Two to the victim (however the address is spelt), then the global limit of four per hour:
    // victim, victim, bounce (refused), other — and nothing to "another".
    expect(confirmationsTo.sort()).toEqual(['other@example.test', 'victim+1@victim.example', 'victim@victim.example']);
    const bounceAttempts = current.attempts.filter((a) => /^To: bounce@bounce\.example/im.test(a.raw));
    expect(bounceAttempts).toHaveLength(1);
    const limited = server.events('outbox.delivered').filter((l) => l['confirmation'] === 'limited');
    expect(limited.map((l) => l['ref']).sort()).toEqual([references[2], references[5]].sort());
    // Nothing personal in any line.
    expect(server.output()).not.toMatch(/victim|bounce@|Ilze/i);
  });
});

describe('the honeypot (W9)', () => {
  it('an invalid post gets the same 422 whether the honeypot is filled or not; a valid one with it filled looks accepted', async () => {
    const server = await startServer();
    const invalid = serviceReferral({ municipality: 'riga' });
    const person = await postJson(server, invalid);
    const bot = await postJson(server, { ...invalid, website: 'http://spam.example' });
    expect([person.status, bot.status]).toEqual([422, 422]);
    expect(await bot.json()).toEqual(await person.json());
    const spam = await postJson(server, serviceReferral({ website: 'http://spam.example', message: 'surogāts' }));
    expect(spam.status).toBe(201);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.events('outbox.delivered')).toEqual([]);
  });
});

describe('slow clients and too many connections (W6)', () => {
  it('cuts a body trickled in byte by byte, and refuses connections over the cap', async () => {
    const server = await startServer({ REQUEST_TIMEOUT_SECONDS: '1', MAX_CONNECTIONS: '3' });
    const open = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const s = connect(server.port, '127.0.0.1', () => resolve(s));
        s.on('error', reject);
      });
    const closed = (s: Socket): Promise<number> => {
      const start = Date.now();
      return new Promise((resolve) => s.on('close', () => resolve(Date.now() - start)));
    };

    // The cap: three connections are served, the fourth is closed at once.
    const held = [await open(), await open(), await open()];
    const extra = await open();
    const extraClosed = await Promise.race([closed(extra), new Promise<number>((r) => setTimeout(() => r(-1), 2000))]);
    expect(extraClosed).toBeGreaterThanOrEqual(0);
    expect(extraClosed).toBeLessThan(900);
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 100));

    // A POST whose body trickles in one byte every 150 ms: cut soon after the 1 s limit.
    const slow = await open();
    let answer = '';
    slow.on('data', (d: Buffer) => (answer += d.toString()));
    const cut = closed(slow);
    slow.write(
      `POST /api/referrals HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{',
    );
    const timer = setInterval(() => slow.write(' '), 150);
    const after = await cut;
    clearInterval(timer);
    expect(after).toBeLessThan(4000);
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    // The server still answers.
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  });
});
