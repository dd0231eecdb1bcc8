/**
 * Benchmark (not a test): `npm run bench:server`. Prints
 *  1. accepted referrals per second and p50/p99 latency through the real API with the
 *     durable outbox (fsync before the reply), while the mail server answers after 200 ms;
 *  2. side by side, a naive handler that sends the mail inside the request to the same
 *     slow mail server — the person's wait then includes the mail server's;
 *  3. mails delivered per second by the worker's pooled SMTP transport to a fast sink, with
 *     every office e-mail PGP/MIME-encrypted and without, and to the slow sink.
 * Everything is on as in production: DKIM signs every message, confirmation limits apply,
 * and (unless a row says otherwise) every office has an OpenPGP key.
 * Everything runs on 127.0.0.1, in one process (load generator included): compare the rows
 * with each other rather than with another machine's figures.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { generateKey } from 'openpgp';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { validateReferral } from '../../src/domain/referral/index';
import { MUNICIPALITIES, ORIGIN, serviceReferral, writeRoutingFile } from '../integration/helpers/app';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 20);

/** An SMTP sink on 127.0.0.1 that accepts every message, after `delayMs`. */
async function sink(delayMs: number): Promise<{ port: number; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () =>
        setTimeout(() => {
          n += 1;
          callback();
        }, delayMs),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as { port: number };
  return { port, count: () => n, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Run autocannon against a POST endpoint with a distinct body per request (no dedupe). */
async function load(url: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify(serviceReferral({ message: `slodze ${Math.random().toString(36).slice(2)}` })),
        }),
      },
    ],
  });
}

const row = (name: string, r: autocannon.Result): string =>
  `${name.padEnd(48)}${String(Math.round(r.requests.average)).padStart(9)}${String(r.latency.p50).padStart(9)}${String(
    r.latency.p99,
  ).padStart(9)}${String(r['2xx']).padStart(9)}${String(r.non2xx + r.errors).padStart(8)}`;

const slow = await sink(200);
const fast = await sink(0);

// Keys as a deployment has them: one OpenPGP key (every office gets it here) and a DKIM key.
const keys = mkdtempSync(join(tmpdir(), 'kv-bench-keys-'));
const office = await generateKey({
  type: 'curve25519',
  userIDs: [{ email: 'office@test.example' }],
  format: 'armored',
});
writeFileSync(join(keys, 'office.asc'), office.publicKey);
writeFileSync(
  join(keys, 'dkim.pem'),
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
);

/** A routing file sending every office's mail to a test address, with a key for every office when `encrypt`. */
function routingFile(dir: string, encrypt: boolean): string {
  const key = join(keys, 'office.asc');
  return writeRoutingFile(
    dir,
    encrypt ? Object.fromEntries(MUNICIPALITIES.map((id) => [id, { service: key, foster: key }])) : {},
  );
}

/** The real server on a fresh data directory, sending to the mail server on `smtpPort`, DKIM on. */
function realApp(smtpPort: number, encrypt = true): ReturnType<typeof buildApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kv-bench-'));
  return buildApp(
    loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ROUTING_FILE: routingFile(dataDir, encrypt),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      RATE_LIMIT_PER_MINUTE: '100000',
      MAIL_FROM: 'Kurzeme visiem <portals@test.example>',
      DKIM_DOMAIN: 'test.example',
      DKIM_SELECTOR: 'bench',
      DKIM_PRIVATE_KEY_FILE: join(keys, 'dkim.pem'),
      ...(process.env['DIST_DIR'] ? { DIST_DIR: process.env['DIST_DIR'] } : {}),
    }),
  );
}

// 1. The real server: outbox first, mail later.
const app = await realApp(slow.port);
await app.listen({ port: 0, host: '127.0.0.1' });
const appPort = (app.server.address() as { port: number }).port;
const outboxRun = await load(`http://127.0.0.1:${appPort}/api/referrals`);
await app.close();

// 2. The naive handler: validate, send inside the request, then answer.
const naive = Fastify({ logger: false });
const naiveTransport = nodemailer.createTransport({
  host: '127.0.0.1',
  port: slow.port,
  secure: false,
  pool: true,
  maxConnections: 5,
  ignoreTLS: true,
});
const ids = app.referrals.content.ids;
naive.post('/api/referrals', async (req, reply) => {
  const result = validateReferral(req.body, ids);
  if (!result.ok) return reply.code(422).send({ errors: result.errors });
  await naiveTransport.sendMail({
    from: 'portals@test.example',
    to: 'office@test.example',
    subject: 'Pieteikums',
    text: result.value.message ?? '',
  });
  return reply.code(201).send({ reference: 'KV-NAIV-E000' });
});
await naive.listen({ port: 0, host: '127.0.0.1' });
const naivePort = (naive.server.address() as { port: number }).port;
const naiveRun = await load(`http://127.0.0.1:${naivePort}/api/referrals`);
await naive.close();
naiveTransport.close();

// 3. Delivery throughput: fill the outbox with the worker stopped, then time how fast the
// worker (one lane per pooled SMTP connection) empties it into a sink.
async function deliveryRate(sink: { port: number; count: () => number }, n: number, encrypt = true): Promise<number> {
  const app2 = await realApp(sink.port, encrypt);
  await app2.ready();
  await app2.referrals.worker.stop();
  for (let i = 0; i < n; i += 1) {
    const res = await app2.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      payload: JSON.stringify(serviceReferral({ message: `piegāde ${i}` })),
    });
    if (res.statusCode !== 201) throw new Error(`queueing failed: ${res.statusCode}`);
  }
  const before = sink.count();
  const t0 = performance.now();
  app2.referrals.worker.start();
  while (sink.count() - before < n) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - t0) / 1000;
  await app2.close();
  return n / seconds;
}
const N = Number(process.env['BENCH_MAILS'] ?? 500);
const fastRate = await deliveryRate(fast, N);
const fastPlainRate = await deliveryRate(fast, N, false);
const N_SLOW = 40;
const slowRate = await deliveryRate(slow, N_SLOW);
await slow.close();
await fast.close();

process.stdout.write(
  `\nReferral API on 127.0.0.1, ${CONNECTIONS} connections, ${SECONDS} s each; the mail server answers after 200 ms\n` +
    '(the real server with DKIM, confirmation limits, an OpenPGP key for every office, compose-before-accept)\n',
);
process.stdout.write(
  `${''.padEnd(48)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'2xx'.padStart(9)}${'other'.padStart(8)}\n`,
);
process.stdout.write(`${row('durable outbox (fsync), mail sent later', outboxRun)}\n`);
process.stdout.write(`${row('naive: mail sent inside the request', naiveRun)}\n`);
process.stdout.write(
  `\nDelivery through the pooled SMTP transport (${app.referrals.mailer.connections} connections, one worker lane each; DKIM-signed):\n` +
    `  ${`${N} mails, PGP/MIME-encrypted, to a sink that answers at once:`.padEnd(66)}${fastRate.toFixed(1).padStart(9)} mails/s\n` +
    `  ${`${N} mails, not encrypted, to a sink that answers at once:`.padEnd(66)}${fastPlainRate.toFixed(1).padStart(9)} mails/s\n` +
    `  ${`${N_SLOW} mails, encrypted, to a sink that answers after 200 ms:`.padEnd(66)}${slowRate.toFixed(1).padStart(9)} mails/s\n`,
);
