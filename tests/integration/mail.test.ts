/**
 * The referral mail path end to end, with real parts: the file outbox on a temp folder,
 * the delivery worker, nodemailer's SMTP transport, and an `smtp-server` on 127.0.0.1 —
 * plain, and with STARTTLS + AUTH — whose received messages are parsed with mailparser.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MUNICIPALITY_IDS, buildRoutingTable, routeFor, validateReferral } from '../../src/domain/referral/index';
import type { Referral, RoutingTable } from '../../src/domain/referral/index';
import { officeSubject } from '../../server/mail/compose';
import type { ComposeOptions } from '../../server/mail/compose';
import { createMailer } from '../../server/mail/transport';
import type { Mailer, MailTransportConfig } from '../../server/mail/transport';
import { openFileOutbox } from '../../server/outbox/index';
import { acceptReferral, createDeliveryWorker } from '../../server/delivery/index';
import type { FileOutbox, RetryPolicy } from '../../server/outbox/index';
import type { DeliveryWorker, MailJob } from '../../server/delivery/index';
import {
  OPTIONS,
  SERVICE_TITLES,
  fixtureMunicipalities,
  fosterRequest,
  serviceRequest,
} from '../unit/domain/referral/fixtures';
import { MemoryLogger, freePort, smtpReply, startSmtp, waitFor } from './helpers/smtp';
import type { TestSmtp } from './helpers/smtp';

const FROM = { name: 'Kurzeme visiem', address: 'pieteikumi@kurzeme.example.test' };
const COMPOSE: ComposeOptions = { from: FROM, labels: { services: SERVICE_TITLES } };
const FAST_RETRY: RetryPolicy = { delaysMs: [30], maxAgeMs: 60_000, maxAttempts: 3 };
const SCRIPT = '<script>alert("kv")</script>';

// Fixture routing with two deployment overrides, so the test proves the table is used.
const ROUTING: RoutingTable = buildRoutingTable(fixtureMunicipalities(), {
  liepaja: { service: { email: 'jauna-adrese@liepaja.example.test', verified: true } },
  'tukuma-novads': { foster: { email: 'barintiesa-override@tukums.example.test', verified: true } },
});

let dir: string;
let outbox: FileOutbox<MailJob>;
let logger: MemoryLogger;
let worker: DeliveryWorker | null = null;
let mailer: Mailer | null = null;
let smtp: TestSmtp | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kv-mail-'));
  logger = new MemoryLogger();
});

afterEach(async () => {
  await worker?.stop();
  await mailer?.close();
  await smtp?.close();
  worker = null;
  mailer = null;
  smtp = null;
  await rm(dir, { recursive: true, force: true });
});

async function setUp(transport: Omit<MailTransportConfig, 'dataDir'>, retry: RetryPolicy = FAST_RETRY): Promise<void> {
  outbox = await openFileOutbox<MailJob>({ dir: join(dir, 'outbox'), retry });
  mailer = createMailer({
    dataDir: dir,
    // The transport's own timeouts (30 s): shorter ones turn a busy test machine into extra
    // failed attempts, and no case here waits on a silent server.
    ...transport,
  });
  worker = createDeliveryWorker({
    outbox,
    mailer,
    routing: ROUTING,
    compose: COMPOSE,
    messageIdDomain: 'kurzeme-visiem',
    logger,
    pollIntervalMs: 20,
  });
  worker.start();
}

function referral(input: Record<string, unknown>): Referral {
  const r = validateReferral(input, OPTIONS);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

function addresses(a: AddressObject | AddressObject[] | undefined): { address: string | undefined; name: string }[] {
  return (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) =>
    o.value.map((v) => ({ address: v.address, name: v.name })),
  );
}

async function outboxEmpty(): Promise<boolean> {
  const s = await outbox.stats();
  return s.pending + s.leased + s.dead === 0;
}

const SERVERS = [
  { name: 'plain SMTP', starttls: false },
  { name: 'STARTTLS + AUTH', starttls: true, auth: { user: 'portals', pass: 'p@ss:w/rd ā' } },
] as const;

describe.each(SERVERS)('over $name', (server) => {
  it('delivers a service request and a foster enquiry for each of the 8 municipalities to exactly the routed address', async () => {
    smtp = await startSmtp(server);
    const auth =
      'auth' in server ? `${encodeURIComponent(server.auth.user)}:${encodeURIComponent(server.auth.pass)}@` : '';
    await setUp({
      smtpUrl: `smtp://${auth}127.0.0.1:${smtp.port}`,
      requireTLS: server.starttls,
      ...(server.starttls ? { tls: { rejectUnauthorized: false } } : {}),
    });

    const sent = new Map<string, Referral>();
    for (const municipality of MUNICIPALITY_IDS) {
      for (const r of [
        referral(serviceRequest({ municipality, message: `Sveiki no ${municipality}. ${SCRIPT}` })),
        referral(fosterRequest({ municipality, message: `Ģimene no ${municipality}. ${SCRIPT}` })),
      ]) {
        const { reference } = await acceptReferral(outbox, r);
        sent.set(reference, r);
      }
    }
    await waitFor(() => smtp?.received.length === 16, 15_000, '16 messages');
    await waitFor(outboxEmpty, 5000, 'an empty outbox');

    const seenRoutes = new Set<string>();
    for (const got of smtp.received) {
      const reference = got.parsed.headers.get('x-kurzeme-visiem-reference');
      if (typeof reference !== 'string') throw new Error('no reference header');
      const r = sent.get(reference);
      if (!r) throw new Error(`unexpected reference ${reference}`);
      const route = routeFor(ROUTING, r.type, r.municipality);
      seenRoutes.add(`${r.municipality}/${r.type}`);

      // Exactly the routed address, in the envelope and in the header; nobody else.
      expect(got.to).toEqual([route.email]);
      expect(addresses(got.parsed.to).map((a) => a.address)).toEqual([route.email]);
      expect(got.parsed.cc).toBeUndefined();
      expect(got.parsed.bcc).toBeUndefined();
      expect(got.from).toBe(FROM.address);

      expect(got.parsed.subject).toBe(officeSubject(reference, r, route, COMPOSE.labels));
      expect(got.parsed.messageId).toBe(`<${reference}@kurzeme-visiem>`);
      // The address only: the name typed into the form never poses as an identity.
      expect(addresses(got.parsed.replyTo)).toEqual([{ address: r.contact.email, name: '' }]);
      expect(got.parsed.text).toContain(reference);
      expect(got.parsed.text).toContain(SCRIPT);
      expect(got.parsed.html).not.toContain('<script>');
      expect(got.parsed.html).toContain('&lt;script&gt;alert(&quot;kv&quot;)&lt;/script&gt;');

      if (server.starttls) {
        expect(got.secure).toBe(true);
        expect(got.user).toBe('portals');
      }
    }
    expect(seenRoutes.size).toBe(16);
    // The overrides were used.
    expect(smtp.received.some((m) => m.to[0] === 'jauna-adrese@liepaja.example.test')).toBe(true);
    expect(smtp.received.some((m) => m.to[0] === 'barintiesa-override@tukums.example.test')).toBe(true);
  }, 30_000);
});

describe('header injection', () => {
  it('cannot add a header or a recipient even if a value bypassed the schema', async () => {
    smtp = await startSmtp();
    await setUp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    // Built by hand — the schema would refuse these — to test the mail layer's own defence.
    const evil = referral(serviceRequest());
    evil.contact.name = 'Ilze\r\nBcc: victim@example.test\r\nX-Injected: 1';
    evil.person = { group: 'child', firstName: 'Anna\r\nSubject: hacked' };
    evil.message = 'x\r\n.\r\nMAIL FROM:<evil@example.test>\r\n';
    await outbox.accept('KV-EVIL-EVIL', {
      kind: 'office',
      reference: 'KV-EVIL-EVIL',
      receivedAt: new Date().toISOString(),
      referral: evil,
    });
    await waitFor(() => smtp?.received.length === 1, 10_000, 'the message');
    const [got] = smtp.received;
    if (!got) throw new Error('nothing received');
    expect(got.to).toEqual([routeFor(ROUTING, 'service', 'kuldigas-novads').email]);
    expect(got.parsed.bcc).toBeUndefined();
    expect(got.parsed.headers.has('x-injected')).toBe(false);
    const headerBlock = got.raw.slice(0, got.raw.indexOf('\r\n\r\n'));
    expect(headerBlock).not.toMatch(/^(bcc|x-injected|subject: hacked)/im);
    const replyTo = addresses(got.parsed.replyTo);
    expect(replyTo).toHaveLength(1);
    expect(replyTo[0]?.address).toBe('ilze@example.test');
    expect(smtp.attempts).toHaveLength(1);
  });
});

describe('a confirmation', () => {
  it('reaches only the person, after the office, with no health details', async () => {
    smtp = await startSmtp();
    await setUp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    const base = serviceRequest();
    const r = referral({ ...base, contact: { ...(base['contact'] as object), confirmation: true } });
    const { reference } = await acceptReferral(outbox, r);
    await waitFor(() => smtp?.received.length === 2, 10_000, 'two messages');
    const [first, second] = smtp.received;
    expect(first?.to).toEqual(['socialais-dienests@kuldigas-novads.example.test']);
    expect(second?.to).toEqual(['ilze@example.test']);
    expect(second?.parsed.messageId).toBe(`<${reference}.confirmation@kurzeme-visiem>`);
    expect(second?.parsed.subject).toBe(`Jūsu pieteikums ${reference} ir nosūtīts`);
    expect(second?.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    for (const secret of ['Atelpas', 'rehabilitācija', 'Anna', 'funkcionāl', 'Ilze', 'likely']) {
      expect(second?.raw).not.toContain(secret);
      expect(second?.parsed.text).not.toContain(secret);
    }
  });
});

describe('when delivery fails', () => {
  it('an enquiry accepted while the SMTP server is down is delivered once it is up', async () => {
    const port = await freePort();
    await setUp({ smtpUrl: `smtp://127.0.0.1:${port}` }, { delaysMs: [50], maxAgeMs: 60_000 });
    const { reference } = await acceptReferral(outbox, referral(serviceRequest()));
    await waitFor(() => logger.events().includes('outbox.retry'), 10_000, 'a failed attempt');
    // Kept: waiting for its next attempt, or (50 ms later) already in it — never lost or dead.
    const kept = await outbox.stats();
    expect({ kept: kept.pending + kept.leased, dead: kept.dead }).toEqual({ kept: 1, dead: 0 });
    smtp = await startSmtp({ port });
    await waitFor(() => smtp?.received.length === 1, 10_000, 'the delivery');
    await waitFor(outboxEmpty, 5000, 'an empty outbox');
    expect(smtp.received[0]?.parsed.messageId).toBe(`<${reference}@kurzeme-visiem>`);
    expect(smtp.received[0]?.to).toEqual(['socialais-dienests@kuldigas-novads.example.test']);
    const retry = logger.lines.find((l) => l.obj['event'] === 'outbox.retry');
    // Connection refused: nodemailer reports a socket or connection error code.
    expect(retry?.obj['code']).toMatch(/^E(SOCKET|CONNECTION)$/);
  });

  it('a 4xx reply is retried and the message delivered, with the same Message-ID', async () => {
    smtp = await startSmtp({ refuse: (n) => (n === 1 ? smtpReply(451, '4.3.0 Try again later') : null) });
    await setUp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    const { reference } = await acceptReferral(outbox, referral(fosterRequest()));
    await waitFor(() => smtp?.received.length === 1, 10_000, 'the delivery');
    await waitFor(outboxEmpty, 5000, 'an empty outbox');
    // The worker logs after it has removed the entry: wait for the line, not only the empty outbox.
    await waitFor(() => logger.events().includes('outbox.delivered'), 5000, 'the delivery logged');
    expect(smtp.attempts.map((a) => a.accepted)).toEqual([false, true]);
    const ids = await Promise.all(smtp.attempts.map(async (a) => (await simpleParser(a.raw)).messageId));
    expect(ids).toEqual([`<${reference}@kurzeme-visiem>`, `<${reference}@kurzeme-visiem>`]);
    expect(logger.events().filter((e) => e !== 'outbox.worker-started')).toEqual(['outbox.retry', 'outbox.delivered']);
    expect(logger.lines.find((l) => l.obj['event'] === 'outbox.retry')?.obj['responseCode']).toBe(451);
  });

  it('a "mailbox full" reply (552) is retried; beyond the limit it is dead-lettered with the reason — nothing is lost', async () => {
    smtp = await startSmtp({ refuse: () => smtpReply(552, '5.2.2 Mailbox full') });
    await setUp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    const r = referral(serviceRequest({ municipality: 'saldus-novads' }));
    const { reference } = await acceptReferral(outbox, r);
    await waitFor(() => logger.events().includes('outbox.dead'), 10_000, 'the dead letter');
    expect(smtp.attempts).toHaveLength(3);
    expect(smtp.received).toHaveLength(0);
    const stats = await outbox.stats();
    expect(stats).toEqual({ pending: 0, leased: 0, dead: 1, delivered: 0 });
    const [dead] = await outbox.listDead();
    expect(dead?.id).toBe(reference);
    const payload = dead?.payload;
    if (payload?.kind !== 'office') throw new Error('expected the office job');
    expect(payload.reference).toBe(reference);
    expect(payload.referral).toEqual(r);
    expect(dead?.attempts.map((a) => a.responseCode)).toEqual([552, 552, 552]);
    expect(dead?.dead?.reason).toMatch(/552/);
    // The whole enquiry is on disk in dead/, readable by an operator.
    expect(existsSync(join(dir, 'outbox', 'dead', `${reference}.json`))).toBe(true);
  });

  it('never logs personal data', async () => {
    smtp = await startSmtp({
      refuse: (n) => (n === 1 ? smtpReply(451, '4.2.0 <ilze@example.test> Ilze Bērziņa busy') : null),
    });
    await setUp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    const base = serviceRequest();
    await acceptReferral(
      outbox,
      referral({ ...base, contact: { ...(base['contact'] as object), confirmation: true } }),
    );
    await waitFor(() => smtp?.received.length === 2, 10_000, 'two messages');
    await waitFor(() => logger.events().filter((e) => e === 'outbox.delivered').length === 2, 5000, 'two log lines');
    const logged = JSON.stringify(logger.lines);
    for (const secret of ['Ilze', 'Bērziņa', 'ilze@example.test', '20 000 000', 'Anna', 'Meitai', 'likely', 'busy']) {
      expect(logged).not.toContain(secret);
    }
  });
});

describe('the SMTP transport', () => {
  it('verify() checks the login; a wrong password fails it', async () => {
    smtp = await startSmtp({ starttls: true, auth: { user: 'portals', pass: 'right' } });
    const good = createMailer({
      dataDir: dir,
      smtpUrl: `smtp://portals:right@127.0.0.1:${smtp.port}`,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    });
    const bad = createMailer({
      dataDir: dir,
      smtpUrl: `smtp://portals:wrong@127.0.0.1:${smtp.port}`,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    });
    try {
      await expect(good.verify()).resolves.toBeUndefined();
      await expect(bad.verify()).rejects.toMatchObject({ code: 'EAUTH' });
      expect(good.description).not.toContain('right');
    } finally {
      await good.close();
      await bad.close();
    }
  });

  it('with requireTLS refuses a server that cannot encrypt', async () => {
    smtp = await startSmtp();
    const m = createMailer({ dataDir: dir, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, requireTLS: true });
    try {
      await expect(m.verify()).rejects.toBeDefined();
    } finally {
      await m.close();
    }
  });
});

describe('the .eml file transport (no SMTP_URL)', () => {
  it('writes each message to <DATA_DIR>/mail/<municipality>/<reference>.eml', async () => {
    await setUp({});
    expect(mailer?.kind).toBe('file');
    await expect(mailer?.verify()).resolves.toBeUndefined();
    const service = await acceptReferral(outbox, referral(serviceRequest()));
    const foster = await acceptReferral(
      outbox,
      referral(fosterRequest({ contact: { name: 'Jānis', email: 'janis@example.test', confirmation: true } })),
    );
    const files = [
      join(dir, 'mail', 'kuldigas-novads', `${service.reference}.eml`),
      join(dir, 'mail', 'talsu-novads', `${foster.reference}.eml`),
      join(dir, 'mail', 'talsu-novads', `${foster.reference}.confirmation.eml`),
    ];
    await waitFor(() => files.every((f) => existsSync(f)), 10_000, 'three .eml files');
    await waitFor(outboxEmpty, 5000, 'an empty outbox');
    const office = await simpleParser(readFileSync(files[0] ?? ''));
    expect(office.subject).toBe(`Pieteikums ${service.reference} — Atelpas brīdis u. c. — Kuldīgas novads`);
    expect(addresses(office.to).map((a) => a.address)).toEqual(['socialais-dienests@kuldigas-novads.example.test']);
    expect(office.messageId).toBe(`<${service.reference}@kurzeme-visiem>`);
    const confirmation = await simpleParser(readFileSync(files[2] ?? ''));
    expect(addresses(confirmation.to).map((a) => a.address)).toEqual(['janis@example.test']);
    // Only the .eml files: no temp files, no other folders.
    expect(readdirSync(join(dir, 'mail')).sort()).toEqual(['kuldigas-novads', 'talsu-novads']);
    expect(readdirSync(join(dir, 'mail', 'talsu-novads')).sort()).toEqual(
      [`${foster.reference}.confirmation.eml`, `${foster.reference}.eml`].sort(),
    );
  });
});
