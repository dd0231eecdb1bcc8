/**
 * The delivery worker's loop, with an in-memory `Mailer` (the SMTP path is covered by
 * tests/integration/mail.test.ts against a real smtp-server).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRoutingTable, validateReferral } from '../../../../src/domain/referral/index';
import type { Referral } from '../../../../src/domain/referral/index';
import type { OutgoingMessage } from '../../../../server/mail/compose';
import type { Mailer, SendResult } from '../../../../server/mail/transport';
import { nodeSpoolFs, openFileOutbox } from '../../../../server/outbox/index';
import type { SpoolFs } from '../../../../server/outbox/index';
import { acceptReferral, createDeliveryWorker } from '../../../../server/delivery/index';
import type { FileOutbox } from '../../../../server/outbox/index';
import type { DeliveryWorker, EventLogger, MailJob } from '../../../../server/delivery/index';
import { OPTIONS, SERVICE_TITLES, fixtureMunicipalities, serviceRequest } from '../../domain/referral/fixtures';

class MemoryMailer implements Mailer {
  readonly kind = 'smtp';
  readonly description = 'memory';
  readonly connections = 2;
  readonly sent: OutgoingMessage[] = [];
  readonly tried: OutgoingMessage[] = [];
  /** Failures to throw, in order, before sends succeed. */
  failures: Error[] = [];
  /** When set, each send waits for this promise. */
  gate: Promise<void> | null = null;

  async send(message: OutgoingMessage): Promise<SendResult> {
    this.tried.push(message);
    if (this.gate) await this.gate;
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(message);
    return { messageId: message.messageId ?? '', response: '250 OK' };
  }
  async verify(): Promise<void> {}
  async close(): Promise<void> {}
}

class MemoryLogger implements EventLogger {
  readonly lines: { level: string; obj: Record<string, unknown>; msg?: string | undefined }[] = [];
  info(obj: Record<string, unknown>, msg?: string): void {
    this.lines.push({ level: 'info', obj, msg });
  }
  warn(obj: Record<string, unknown>, msg?: string): void {
    this.lines.push({ level: 'warn', obj, msg });
  }
  error(obj: Record<string, unknown>, msg?: string): void {
    this.lines.push({ level: 'error', obj, msg });
  }
  events(): unknown[] {
    return this.lines.map((l) => l.obj['event']);
  }
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { code: 'EENVELOPE', responseCode });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function referral(patch: Record<string, unknown> = {}): Referral {
  const r = validateReferral(serviceRequest(patch), OPTIONS);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

let dir: string;
let outbox: FileOutbox<MailJob>;
let mailer: MemoryMailer;
let logger: MemoryLogger;
let worker: DeliveryWorker | null;

function makeWorker(
  routing = buildRoutingTable(fixtureMunicipalities()),
  pollIntervalMs = 60_000,
  concurrency?: number,
): DeliveryWorker {
  worker = createDeliveryWorker({
    ...(concurrency === undefined ? {} : { concurrency }),
    outbox,
    mailer,
    routing,
    logger,
    compose: {
      from: { name: 'Kurzeme visiem', address: 'pieteikumi@kurzeme.example.test' },
      labels: { services: SERVICE_TITLES },
    },
    messageIdDomain: 'kurzeme-visiem',
    pollIntervalMs,
  });
  return worker;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kv-worker-'));
  outbox = await openFileOutbox<MailJob>({ dir, retry: { delaysMs: [10, 20], maxAgeMs: 60_000, maxAttempts: 3 } });
  mailer = new MemoryMailer();
  logger = new MemoryLogger();
  worker = null;
});

afterEach(async () => {
  await worker?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the delivery worker', () => {
  it('wakes on accept and delivers with a Message-ID made of the reference', async () => {
    makeWorker().start();
    // Let the worker reach its (60 s) sleep first: only the accept can wake it.
    await new Promise((r) => setTimeout(r, 50));
    const { reference } = await acceptReferral(outbox, referral());
    await waitFor(() => mailer.sent.length === 1);
    expect(mailer.sent[0]?.messageId).toBe(`<${reference}@kurzeme-visiem>`);
    expect(mailer.sent[0]?.to.address).toBe('socialais-dienests@kuldigas-novads.example.test');
    await waitFor(async () => (await outbox.stats()).pending + (await outbox.stats()).leased === 0);
  });

  it('retries with the same Message-ID until the server takes it', async () => {
    mailer.failures = [smtpError('451 4.3.0 try later', 451)];
    makeWorker(undefined, 5).start();
    const { reference } = await acceptReferral(outbox, referral());
    await waitFor(() => mailer.sent.length === 1);
    expect(mailer.tried.map((m) => m.messageId)).toEqual([
      `<${reference}@kurzeme-visiem>`,
      `<${reference}@kurzeme-visiem>`,
    ]);
    await waitFor(() => logger.events().includes('outbox.delivered'));
    expect(logger.events()).toEqual(['outbox.worker-started', 'outbox.retry', 'outbox.delivered']);
  });

  it('logs one line per event with the reference only — no personal data, no error text', async () => {
    // Temporary failures (4xx), so that every kind of line appears: retry, retry, dead.
    mailer.failures = [
      smtpError('450 4.2.1 <ilze@example.test>: Ilze Bērziņa unknown', 450),
      smtpError('450 4.2.1 <ilze@example.test>: unknown', 450),
      smtpError('450 4.2.1 <ilze@example.test>: unknown', 450),
    ];
    makeWorker(undefined, 5).start();
    const { reference } = await acceptReferral(
      outbox,
      referral({
        contact: { name: 'Ilze Bērziņa', phone: '+371 20 000 000', email: 'ilze@example.test', confirmation: true },
      }),
    );
    await waitFor(() => logger.events().includes('outbox.dead'));
    const [started, ...events] = logger.lines;
    expect(started?.obj['event']).toBe('outbox.worker-started');
    expect(events.map((l) => [l.level, l.obj['event'], l.obj['ref'], l.obj['attempt']])).toEqual([
      ['warn', 'outbox.retry', reference, 1],
      ['warn', 'outbox.retry', reference, 2],
      ['error', 'outbox.dead', reference, 3],
    ]);
    expect(events[0]?.obj['responseCode']).toBe(450);
    const logged = JSON.stringify(logger.lines);
    for (const secret of [
      'Ilze',
      'Bērziņa',
      'ilze@example.test',
      '20 000 000',
      'Anna',
      'funkcionāl',
      'likely',
      'unknown',
    ]) {
      expect(logged).not.toContain(secret);
    }
    // The full reply is kept with the dead letter for the operator.
    const [dead] = await outbox.listDead();
    expect(dead?.dead?.reason).toContain('450 4.2.1');
  });

  it('queues the confirmation only after the office e-mail was delivered', async () => {
    mailer.failures = [smtpError('451 later', 451)];
    makeWorker(undefined, 5).start();
    const { reference } = await acceptReferral(
      outbox,
      referral({ contact: { name: 'Ilze', email: 'ilze@example.test', confirmation: true } }),
    );
    await waitFor(() => mailer.sent.length === 2);
    expect(mailer.tried.map((m) => m.meta.kind)).toEqual(['office', 'office', 'confirmation']);
    const confirmation = mailer.sent[1];
    expect(confirmation?.to.address).toBe('ilze@example.test');
    expect(confirmation?.messageId).toBe(`<${reference}.confirmation@kurzeme-visiem>`);
    expect(
      logger.lines.find((l) => l.obj['event'] === 'outbox.delivered' && l.obj['kind'] === 'office')?.obj[
        'confirmation'
      ],
    ).toBe('queued');
  });

  it('sends no confirmation for an office e-mail that was never delivered', async () => {
    mailer.failures = [smtpError('550 no', 550), smtpError('550 no', 550), smtpError('550 no', 550)];
    makeWorker(undefined, 5).start();
    await acceptReferral(
      outbox,
      referral({ contact: { name: 'Ilze', email: 'ilze@example.test', confirmation: true } }),
    );
    await waitFor(() => logger.events().includes('outbox.dead'));
    await new Promise((r) => setTimeout(r, 50));
    expect(mailer.tried.every((m) => m.meta.kind === 'office')).toBe(true);
    expect(mailer.sent).toEqual([]);
  });

  it('stop() lets the send in progress finish, acknowledges it, and stops', async () => {
    let open!: () => void;
    mailer.gate = new Promise((r) => {
      open = r;
    });
    const w = makeWorker(undefined, 5);
    w.start();
    await acceptReferral(outbox, referral());
    await waitFor(() => mailer.tried.length === 1);
    const stopped = w.stop();
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    open();
    await stopped;
    expect(w.running).toBe(false);
    expect(mailer.sent).toHaveLength(1);
    expect(await outbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0, delivered: 0 });
    // Stopped means stopped: a new enquiry waits in the outbox.
    mailer.gate = null;
    await acceptReferral(outbox, referral());
    await new Promise((r) => setTimeout(r, 30));
    expect(mailer.tried).toHaveLength(1);
    expect((await outbox.stats()).pending).toBe(1);
  });

  it('sends as many entries at once as it is told, and each exactly once', async () => {
    let open!: () => void;
    mailer.gate = new Promise((r) => {
      open = r;
    });
    for (let i = 0; i < 5; i += 1) await acceptReferral(outbox, referral({ message: `ziņa ${i}` }));
    const w = makeWorker(undefined, 60_000, 2);
    const run = w.runOnce();
    await waitFor(() => mailer.tried.length === 2);
    // Two sends wait on the mail server; the third waits for a free lane.
    await new Promise((r) => setTimeout(r, 30));
    expect(mailer.tried).toHaveLength(2);
    open();
    expect(await run).toBe(5);
    expect(new Set(mailer.sent.map((m) => m.messageId)).size).toBe(5);
    expect(mailer.tried).toHaveLength(5);
    expect(await outbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0, delivered: 0 });
  });

  it('sends one at a time by default', async () => {
    let open!: () => void;
    mailer.gate = new Promise((r) => {
      open = r;
    });
    for (let i = 0; i < 3; i += 1) await acceptReferral(outbox, referral({ message: `ziņa ${i}` }));
    const run = makeWorker().runOnce();
    await waitFor(() => mailer.tried.length === 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(mailer.tried).toHaveLength(1);
    open();
    expect(await run).toBe(3);
    expect(mailer.sent).toHaveLength(3);
  });

  it('routes at send time: an entry for a municipality gone from the table is retried, then kept as a dead letter', async () => {
    const routing = buildRoutingTable(fixtureMunicipalities().filter((m) => m.id !== 'kuldigas-novads'));
    makeWorker(routing, 5).start();
    await acceptReferral(outbox, referral());
    await waitFor(() => logger.events().includes('outbox.dead'));
    expect(mailer.tried).toEqual([]);
    expect((await outbox.listDead())[0]?.payload.kind).toBe('office');
  });
});

describe('failures, classified (W4, W5, W8)', () => {
  it('a permanent refusal (550) dead-letters the office e-mail after the first attempt, with a clear line', async () => {
    mailer.failures = [smtpError('550 5.1.1 <x@example.test>: no such user', 550)];
    makeWorker(undefined, 5).start();
    const { reference } = await acceptReferral(outbox, referral());
    await waitFor(() => logger.events().includes('outbox.dead'));
    expect(mailer.tried).toHaveLength(1);
    const line = logger.lines.find((l) => l.obj['event'] === 'outbox.dead');
    expect(line).toMatchObject({
      level: 'error',
      obj: { ref: reference, attempt: 1, responseCode: 550, permanent: true },
    });
    expect(line?.msg).toMatch(/refused it for good/);
    expect((await outbox.listDead())[0]?.dead?.reason).toMatch(/^permanent failure/);
  });

  it('"mailbox full" (552 or 5.2.2) and a refused login are retried, not dead-lettered', async () => {
    mailer.failures = [
      smtpError('552 5.2.2 Mailbox full', 552),
      Object.assign(new Error('550 5.2.2 over quota'), {
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.2.2 over quota',
      }),
      Object.assign(new Error('535 Authentication failed'), { code: 'EAUTH', responseCode: 535 }),
    ];
    const fresh = await openFileOutbox<MailJob>({ dir: join(dir, 'c'), retry: { delaysMs: [5], maxAgeMs: 60_000 } });
    worker = createDeliveryWorker({
      outbox: fresh,
      mailer,
      routing: buildRoutingTable(fixtureMunicipalities()),
      logger,
      compose: { from: { name: 'K', address: 'k@kurzeme.example.test' }, labels: { services: SERVICE_TITLES } },
      messageIdDomain: 'kurzeme-visiem',
      pollIntervalMs: 5,
    });
    worker.start();
    await acceptReferral(fresh, referral());
    await waitFor(() => mailer.sent.length === 1);
    expect(logger.events().filter((e) => e === 'outbox.retry')).toHaveLength(3);
    expect(logger.events()).not.toContain('outbox.dead');
  });

  it('a confirmation refused for good is dropped, not retried and not kept', async () => {
    makeWorker(undefined, 5).start();
    mailer.failures = [];
    const original = mailer.send.bind(mailer);
    mailer.send = async (m) => {
      if (m.meta.kind === 'confirmation') {
        mailer.tried.push(m);
        throw smtpError('550 5.1.1 <victim@victim.example>: no such user', 550);
      }
      return original(m);
    };
    await acceptReferral(
      outbox,
      referral({ contact: { name: 'Ilze', email: 'victim@victim.example', confirmation: true } }),
    );
    await waitFor(() => logger.events().includes('outbox.dropped'));
    await new Promise((r) => setTimeout(r, 50));
    expect(mailer.tried.filter((m) => m.meta.kind === 'confirmation')).toHaveLength(1);
    expect(await outbox.stats()).toEqual({ pending: 0, leased: 0, dead: 0, delivered: 0 });
  });

  it('an entry that cannot be composed goes to dead letters at once, with a line naming the reference', async () => {
    makeWorker(undefined, 5).start();
    const job = {
      kind: 'office',
      reference: 'KV-BADD-BADD',
      receivedAt: new Date().toISOString(),
      referral: { ...referral(), contact: null },
    };
    await outbox.accept('KV-BADD-BADD', job as unknown as MailJob);
    await waitFor(() => logger.events().includes('outbox.dead'));
    expect(mailer.tried).toEqual([]);
    expect(logger.lines.find((l) => l.obj['event'] === 'outbox.dead')?.obj).toMatchObject({
      ref: 'KV-BADD-BADD',
      code: 'ECOMPOSE',
      attempt: 1,
    });
    expect((await outbox.listDead())[0]?.attempts.map((a) => a.code)).toEqual(['ECOMPOSE']);
  });

  it('each lane takes its own next entry: one hung send does not hold up the others', async () => {
    let open!: () => void;
    const hung = new Promise<void>((r) => {
      open = r;
    });
    const original = mailer.send.bind(mailer);
    let first = true;
    mailer.send = async (m) => {
      if (first) {
        first = false;
        mailer.tried.push(m);
        await hung;
        throw smtpError('451 4.4.2 timeout', 451);
      }
      return original(m);
    };
    makeWorker(undefined, 60_000, 2).start();
    await acceptReferral(outbox, referral({ message: 'pirmā' }));
    await waitFor(() => mailer.tried.length === 1);
    // While the first send hangs, enquiries accepted later go out on the other lane.
    await acceptReferral(outbox, referral({ message: 'otrā' }));
    await acceptReferral(outbox, referral({ message: 'trešā' }));
    await waitFor(() => mailer.sent.length === 2);
    open();
  });

  it('when recording an attempt fails (disk full) the lease is released and the entry is sent later, without a restart', async () => {
    let full = false;
    const fs: SpoolFs = {
      ...nodeSpoolFs,
      async writeFileSynced(path, data) {
        if (full) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return nodeSpoolFs.writeFileSynced(path, data);
      },
    };
    outbox = await openFileOutbox<MailJob>({ dir: join(dir, 'full'), fs, retry: { delaysMs: [5], maxAgeMs: 60_000 } });
    mailer.failures = [smtpError('451 4.3.0 later', 451)];
    const w = createDeliveryWorker({
      outbox,
      mailer,
      routing: buildRoutingTable(fixtureMunicipalities()),
      logger,
      compose: { from: { name: 'K', address: 'k@kurzeme.example.test' }, labels: { services: SERVICE_TITLES } },
      messageIdDomain: 'kurzeme-visiem',
      pollIntervalMs: 20,
      releaseHoldMs: 30,
    });
    worker = w;
    await acceptReferral(outbox, referral());
    full = true;
    w.start();
    await waitFor(() => logger.events().includes('outbox.error'));
    // Back in pending/, nothing held, nothing stranded in leased/.
    expect(await outbox.stats()).toMatchObject({ pending: 1, leased: 0 });
    full = false;
    await waitFor(() => mailer.sent.length === 1);
    await waitFor(async () => (await outbox.stats()).pending === 0);
  });

  it('sends no confirmation over the limits, and says so in the delivery line', async () => {
    let allowed = 1;
    worker = createDeliveryWorker({
      outbox,
      mailer,
      routing: buildRoutingTable(fixtureMunicipalities()),
      logger,
      compose: { from: { name: 'K', address: 'k@kurzeme.example.test' }, labels: { services: SERVICE_TITLES } },
      messageIdDomain: 'kurzeme-visiem',
      pollIntervalMs: 5,
      confirmations: { allow: () => allowed-- > 0 },
    });
    worker.start();
    const contact = { name: 'Ilze', email: 'ilze@example.test', confirmation: true };
    await acceptReferral(outbox, referral({ contact, message: 'viens' }));
    await acceptReferral(outbox, referral({ contact, message: 'divi' }));
    await waitFor(() => logger.events().filter((e) => e === 'outbox.delivered').length === 3);
    expect(mailer.sent.map((m) => m.meta.kind).sort()).toEqual(['confirmation', 'office', 'office']);
    expect(
      logger.lines
        .map((l) => l.obj['confirmation'])
        .filter(Boolean)
        .sort(),
    ).toEqual(['limited', 'queued']);
  });
});
