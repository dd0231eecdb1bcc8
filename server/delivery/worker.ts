/**
 * The delivery worker: runs in the server process, takes due entries from the outbox and
 * sends them through a `Mailer`. At-least-once: an entry leaves the outbox only after the
 * mail server accepted the message, and every attempt of one entry carries the same
 * Message-ID (`<KV-XXXX-XXXX@domain>`), so a receiver can recognise a repeat.
 *
 * It logs ONE line per event, naming the reference and the outcome only — never a name,
 * phone, e-mail, message or answer, and not the error text either (an SMTP reply can quote
 * an address; a JSON parse error quotes the file). The full error stays with the entry.
 */
import { routeFor } from '../../src/domain/referral/index';
import type { RoutingTable } from '../../src/domain/referral/index';
import { composeConfirmationEmail, composeOfficeEmail } from '../mail/compose';
import type { ComposeOptions, OutgoingMessage } from '../mail/compose';
import type { Mailer } from '../mail/transport';
import { confirmationJobFor, jobId } from './jobs';
import type { MailJob } from './jobs';
import { DuplicateIdError } from '../outbox/types';
import type { AttemptFailure, Outbox, OutboxEntry } from '../outbox/types';

/** The logger the worker needs; a pino (or Fastify) logger fits. */
export interface EventLogger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

/** Options of the delivery worker. */
export interface DeliveryWorkerOptions {
  outbox: Outbox<MailJob>;
  mailer: Mailer;
  /** The routing table; an entry is routed when it is sent, so a corrected table applies to retries. */
  routing: RoutingTable;
  /** Sender and labels for the e-mails. */
  compose: ComposeOptions;
  /** Right-hand side of the Message-ID, e.g. `kurzeme-visiem` or the site's host name. */
  messageIdDomain: string;
  logger: EventLogger;
  /**
   * How many entries are sent at the same time; default 1. Match the SMTP pool's
   * connections: more only queue inside the pool.
   */
  concurrency?: number;
  /** The longest the worker sleeps between looks at the outbox; default 30 s. */
  pollIntervalMs?: number;
  /** How often delivered entries past their retention are purged; default 1 h. */
  purgeIntervalMs?: number;
  /** Clock (tests). */
  now?: () => Date;
}

/** The running worker. */
export interface DeliveryWorker {
  /** Start the loop (idempotent). The outbox's accept wakes it at once. */
  start(): void;
  /** Look at the outbox now instead of after the current sleep. */
  wake(): void;
  /** Finish the send in progress, then stop. Does not close the mailer. */
  stop(): Promise<void>;
  /** Deliver everything due now, once (also what the loop does); returns how many were tried. */
  runOnce(): Promise<number>;
  readonly running: boolean;
}

const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/u;

/** The Message-ID of an outbox entry: the same for every attempt. */
export function messageIdFor(id: string, domain: string): string {
  return `<${id}@${domain}>`;
}

/**
 * Compose the message of an outbox entry (routing it through the current table).
 * @throws Error when the municipality is no longer in the routing table
 */
export function buildMessage(
  entry: OutboxEntry<MailJob>,
  options: Pick<DeliveryWorkerOptions, 'routing' | 'compose' | 'messageIdDomain'>,
): OutgoingMessage {
  const job = entry.payload;
  let message: OutgoingMessage;
  if (job.kind === 'office') {
    const route = routeFor(options.routing, job.referral.type, job.referral.municipality);
    message = composeOfficeEmail(
      { reference: job.reference, receivedAt: new Date(job.receivedAt), referral: job.referral, route },
      options.compose,
    );
  } else {
    const route = routeFor(options.routing, job.type, job.municipality);
    message = composeConfirmationEmail(
      {
        reference: job.reference,
        receivedAt: new Date(job.receivedAt),
        route,
        email: job.email,
        easyLanguage: job.easyLanguage,
      },
      options.compose,
    );
  }
  return { ...message, messageId: messageIdFor(entry.id, options.messageIdDomain) };
}

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null && name in error
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

/** The parts of an error that are safe to log: a code and an SMTP reply code. */
function safeErrorFields(error: unknown): { code?: string; responseCode?: number } {
  const out: { code?: string; responseCode?: number } = {};
  const code = field(error, 'code');
  const responseCode = field(error, 'responseCode');
  if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/u.test(code)) out.code = code;
  else if (error instanceof Error) out.code = error.name;
  if (typeof responseCode === 'number') out.responseCode = responseCode;
  return out;
}

function toFailure(error: unknown): AttemptFailure {
  const message = error instanceof Error ? error.message : String(error);
  return { message, ...safeErrorFields(error) };
}

/** Create the delivery worker (not started). */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { outbox, mailer, logger } = options;
  if (!DOMAIN.test(options.messageIdDomain)) throw new Error('messageIdDomain must be a host name');
  const now = options.now ?? (() => new Date());
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const purgeIntervalMs = options.purgeIntervalMs ?? 60 * 60 * 1000;
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be a whole number ≥ 1');

  let running = false;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wakeRequested = false;
  let interruptSleep: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;
  let lastPurge = 0;

  function wake(): void {
    wakeRequested = true;
    interruptSleep?.();
  }

  function sleep(ms: number): Promise<void> {
    if (wakeRequested || stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        interruptSleep = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      interruptSleep = done;
    });
  }

  async function deliver(entry: OutboxEntry<MailJob>): Promise<void> {
    const lease = await outbox.lease(entry.id, now());
    if (!lease) return;
    const job = lease.entry.payload;
    const attempt = lease.entry.attempts.length + 1;
    const base = { ref: job.reference, kind: job.kind, attempt };
    try {
      await mailer.send(buildMessage(lease.entry, options));
    } catch (error) {
      const outcome = await outbox.fail(lease, toFailure(error), now());
      const fields = { ...base, ...safeErrorFields(error) };
      if (outcome.status === 'retry') {
        logger.warn(
          { event: 'outbox.retry', ...fields, nextAttemptAt: outcome.nextAttemptAt.toISOString() },
          'delivery failed, will retry',
        );
      } else {
        logger.error({ event: 'outbox.dead', ...fields }, 'delivery failed for good, moved to dead letters');
      }
      return;
    }
    // Delivered. Queue the confirmation before acknowledging: a crash in between re-sends
    // the office e-mail (same Message-ID) rather than losing the confirmation.
    let confirmation: 'queued' | 'failed' | undefined;
    if (job.kind === 'office') {
      const follow = confirmationJobFor(job);
      if (follow) {
        try {
          await outbox.accept(jobId(follow), follow, now());
          confirmation = 'queued';
        } catch (error) {
          confirmation = error instanceof DuplicateIdError ? 'queued' : 'failed';
        }
      }
    }
    await outbox.ack(lease, now());
    logger.info({ event: 'outbox.delivered', ...base, ...(confirmation ? { confirmation } : {}) }, 'delivered');
  }

  async function runOnce(): Promise<number> {
    const due = await outbox.due(now());
    let tried = 0;
    // `concurrency` lanes take the due entries in order; each lane sends one at a time.
    const lane = async (): Promise<void> => {
      for (let entry = due.shift(); entry && !stopping; entry = due.shift()) {
        try {
          await deliver(entry);
        } catch (error) {
          // The outbox itself failed (disk full, permissions): the entry stays where it is
          // (pending or leased) and is tried again — after a restart at the latest.
          logger.error(
            { event: 'outbox.error', ref: entry.payload.reference, ...safeErrorFields(error) },
            'outbox error',
          );
        }
        tried += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
    return tried;
  }

  async function purgeIfTime(): Promise<void> {
    const t = now().getTime();
    if (t - lastPurge < purgeIntervalMs) return;
    lastPurge = t;
    const removed = await outbox.purge(now());
    if (removed > 0)
      logger.info({ event: 'outbox.purged', count: removed }, 'delivered entries past retention removed');
  }

  async function run(): Promise<void> {
    while (!stopping) {
      wakeRequested = false;
      let tried = 0;
      let wait = pollIntervalMs;
      try {
        tried = await runOnce();
        await purgeIfTime();
        const next = await outbox.nextDueAt();
        if (next) wait = Math.min(Math.max(next.getTime() - now().getTime(), 0), pollIntervalMs);
      } catch (error) {
        logger.error({ event: 'outbox.error', ...safeErrorFields(error) }, 'outbox error');
      }
      // Nothing could be done although something is due (e.g. a file we cannot claim):
      // do not spin.
      if (tried === 0 && wait === 0) wait = Math.min(1000, pollIntervalMs);
      if (!stopping) await sleep(wait);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      unsubscribe = outbox.onAccept(() => wake());
      logger.info({ event: 'outbox.worker-started', transport: mailer.kind }, 'delivery worker started');
      loop = run().finally(() => {
        running = false;
      });
    },
    wake,
    async stop() {
      stopping = true;
      unsubscribe?.();
      unsubscribe = null;
      interruptSleep?.();
      await loop;
      loop = null;
    },
    runOnce,
    get running() {
      return running;
    },
  };
}
