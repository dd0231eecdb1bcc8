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
import { openFileOutbox } from '../../../../server/outbox/index';
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
    mailer.failures = [
      smtpError('550 5.1.1 <ilze@example.test>: Ilze Bērziņa unknown', 550),
      smtpError('550 5.1.1 <ilze@example.test>: unknown', 550),
      smtpError('550 5.1.1 <ilze@example.test>: unknown', 550),
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
    expect(events[0]?.obj['responseCode']).toBe(550);
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
    expect(dead?.dead?.reason).toContain('550 5.1.1');
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
