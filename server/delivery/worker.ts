/**
 * The delivery worker: runs in the server process, takes due entries from the outbox and
 * sends them through a `Mailer`. At-least-once: an entry leaves the outbox only after the
 * mail server accepted the message, and every attempt of one entry carries the same
 * Message-ID (`<KV-XXXX-XXXX@domain>`), so a receiver can recognise a repeat.
 *
 * It logs ONE line per event, naming the reference and the outcome only — never a name,
 * phone, e-mail, message or answer, and not the error text either (an SMTP reply can quote
 * an address; a JSON parse error quotes the file). The full error stays with the entry.
 *
 * Each of its lanes (one per pooled SMTP connection) takes its own next due entry, so one
 * send that hangs until its timeout never holds up the others. Failures are classified:
 * a message that cannot be composed, and a permanent refusal (5xx other than "mailbox
 * full"), go to the dead letters at once — a confirmation the address refuses is simply
 * dropped; everything else is retried on the outbox's schedule. When recording an attempt
 * fails (disk full), the lease is given up so the entry is tried again later.
 */
import type { PublicKey } from 'openpgp';
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

/** Decides whether one more confirmation e-mail may go to an address now (see `limits.ts`). */
export interface ConfirmationLimiter {
  /** Counts the confirmation when it returns `true`. */
  allow(email: string, now: Date): boolean;
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
  /** The public keys of the offices that get their enquiries encrypted, by `officeKey(municipality, type)`. */
  officeKeys?: ReadonlyMap<string, PublicKey>;
  /** Limits on confirmation e-mails (default: none). */
  confirmations?: ConfirmationLimiter;
  /**
   * How many entries are sent at the same time; default 1. Match the SMTP pool's
   * connections: more only queue inside the pool.
   */
  concurrency?: number;
  /** The longest the worker sleeps between looks at the outbox; default 30 s. */
  pollIntervalMs?: number;
  /** How often delivered entries past their retention are purged; default 1 h. */
  purgeIntervalMs?: number;
  /** How long an entry waits after recording its attempt failed (disk full); default 60 s. */
  releaseHoldMs?: number;
  /** Clock (tests). */
  now?: () => Date;
}

/** The running worker. */
export interface DeliveryWorker {
  /** Start the lanes (idempotent). The outbox's accept wakes them at once. */
  start(): void;
  /** Look at the outbox now instead of after the current sleep. */
  wake(): void;
  /** Finish the sends in progress, then stop. Does not close the mailer. */
  stop(): Promise<void>;
  /** Deliver everything due now, once; returns how many were tried. */
  runOnce(): Promise<number>;
  readonly running: boolean;
}

const DOMAIN = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/u;

/** The Message-ID of an outbox entry: the same for every attempt. */
export function messageIdFor(id: string, domain: string): string {
  return `<${id}@${domain}>`;
}

/** The key of an office in `officeKeys`: `<municipality>/<service|foster>`. */
export function officeKey(municipalityId: string, type: string): string {
  return `${municipalityId}/${type}`;
}

/**
 * Compose the message of an outbox entry (routing it through the current table); an
 * office e-mail for an office with a key is marked to be encrypted to it.
 * @throws Error when the municipality is no longer in the routing table, or the stored
 *   job cannot be composed
 */
export function buildMessage(
  entry: OutboxEntry<MailJob>,
  options: Pick<DeliveryWorkerOptions, 'routing' | 'compose' | 'messageIdDomain' | 'officeKeys'>,
): OutgoingMessage {
  const job = entry.payload;
  let message: OutgoingMessage;
  if (job.kind === 'office') {
    const route = routeFor(options.routing, job.referral.type, job.referral.municipality);
    message = composeOfficeEmail(
      { reference: job.reference, receivedAt: new Date(job.receivedAt), referral: job.referral, route },
      options.compose,
    );
    const key = options.officeKeys?.get(officeKey(route.municipalityId, route.type));
    if (key) message.encryptTo = key;
  } else if (job.kind === 'confirmation') {
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
  } else {
    throw new Error('unknown kind of job');
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

/**
 * Whether a send failed for good: the server replied 5xx (RFC 5321), except "mailbox full"
 * (552, or the enhanced code 5.2.2), which may clear, and except a refused login (our
 * configuration, not the message; the operator fixes it and the entry goes on).
 */
export function isPermanentFailure(error: unknown): boolean {
  const responseCode = field(error, 'responseCode');
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode > 599) return false;
  if (field(error, 'code') === 'EAUTH') return false;
  if (responseCode === 552) return false;
  const response = field(error, 'response');
  const text = typeof response === 'string' ? response : error instanceof Error ? error.message : '';
  return !/\b5\.2\.2\b/u.test(text);
}

/** Create the delivery worker (not started). */
export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { outbox, mailer, logger } = options;
  if (!DOMAIN.test(options.messageIdDomain)) throw new Error('messageIdDomain must be a host name');
  const now = options.now ?? (() => new Date());
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const purgeIntervalMs = options.purgeIntervalMs ?? 60 * 60 * 1000;
  const releaseHoldMs = options.releaseHoldMs ?? 60_000;
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('concurrency must be a whole number ≥ 1');

  let stopping = false;
  let lanes: Promise<void>[] = [];
  let unsubscribe: (() => void) | null = null;
  let lastPurge = 0;
  // Entries some lane is delivering right now (another lane must not take them).
  const inFlight = new Set<string>();
  // Due entries from the last look at the outbox, shared by the lanes.
  let queue: OutboxEntry<MailJob>[] = [];
  let scanning: Promise<void> | null = null;
  // A wake while no lane sleeps must not be lost: each lane compares generations.
  let generation = 0;
  const sleepers = new Set<() => void>();

  function wake(): void {
    generation += 1;
    for (const wakeUp of [...sleepers]) wakeUp();
  }

  /** Sleep `ms` (a bad number counts as the poll interval), or until woken or stopped. */
  function sleep(ms: number, seen: number): Promise<void> {
    if (stopping || generation !== seen) return Promise.resolve();
    const wait = Number.isFinite(ms) ? Math.min(Math.max(ms, 0), pollIntervalMs) : pollIntervalMs;
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      sleepers.add(done);
    });
  }

  /** Look at the outbox (one look at a time, shared by the lanes). */
  function refill(): Promise<void> {
    scanning ??= (async () => {
      await outbox.reclaimStale();
      const due = await outbox.due(now());
      queue = due.filter((e) => !inFlight.has(e.id));
    })().finally(() => {
      scanning = null;
    });
    return scanning;
  }

  async function take(): Promise<OutboxEntry<MailJob> | null> {
    for (let look = 0; look < 2; look += 1) {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        if (!inFlight.has(entry.id)) return entry;
      }
      if (look === 0) await refill();
    }
    return null;
  }

  async function deliver(entry: OutboxEntry<MailJob>): Promise<void> {
    const lease = await outbox.lease(entry.id, now());
    if (!lease) return;
    const job = lease.entry.payload;
    const reference = typeof job.reference === 'string' ? job.reference : lease.id;
    const base = { ref: reference, kind: job.kind, attempt: lease.entry.attempts.length + 1 };
    try {
      let message: OutgoingMessage;
      try {
        message = buildMessage(lease.entry, options);
      } catch (error) {
        // Composing is deterministic: it would fail on every try. Dead at once, and said.
        await outbox.fail(lease, { ...toFailure(error), code: 'ECOMPOSE' }, now(), { permanent: true });
        logger.error(
          { event: 'outbox.dead', ...base, code: 'ECOMPOSE' },
          'the message cannot be composed; moved to dead letters without retrying',
        );
        return;
      }
      try {
        await mailer.send(message);
      } catch (error) {
        const fields = { ...base, ...safeErrorFields(error) };
        const permanent = isPermanentFailure(error);
        if (permanent && job.kind === 'confirmation') {
          // Only a courtesy to an address nobody verified: never retried, never kept.
          await outbox.drop(lease);
          logger.warn({ event: 'outbox.dropped', ...fields }, 'confirmation refused for good; dropped');
          return;
        }
        const outcome = await outbox.fail(lease, toFailure(error), now(), { permanent });
        if (outcome.status === 'retry') {
          logger.warn(
            { event: 'outbox.retry', ...fields, nextAttemptAt: outcome.nextAttemptAt.toISOString() },
            'delivery failed, will retry',
          );
        } else if (permanent) {
          logger.error(
            { event: 'outbox.dead', ...fields, permanent: true },
            'the mail server refused it for good (5xx); moved to dead letters without retrying',
          );
        } else {
          logger.error({ event: 'outbox.dead', ...fields }, 'delivery failed for good, moved to dead letters');
        }
        return;
      }
      // Delivered. Queue the confirmation before acknowledging: a crash in between re-sends
      // the office e-mail (same Message-ID) rather than losing the confirmation.
      let confirmation: 'queued' | 'failed' | 'limited' | undefined;
      if (job.kind === 'office') {
        const follow = confirmationJobFor(job);
        if (follow && options.confirmations && !options.confirmations.allow(follow.email, now())) {
          confirmation = 'limited';
        } else if (follow) {
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
    } catch (error) {
      // Recording the outcome failed (disk full, permissions): give the lease up, so the
      // entry is tried again after a pause — no restart needed.
      await outbox.release(lease, now(), releaseHoldMs).catch(() => undefined);
      throw error;
    }
  }

  /** Deliver one entry; an outbox failure is logged (by reference) and answered with a pause. */
  async function deliverSafely(entry: OutboxEntry<MailJob>): Promise<boolean> {
    inFlight.add(entry.id);
    try {
      await deliver(entry);
      return true;
    } catch (error) {
      logger.error({ event: 'outbox.error', ref: entry.id, ...safeErrorFields(error) }, 'outbox error');
      return false;
    } finally {
      inFlight.delete(entry.id);
    }
  }

  async function purgeIfTime(): Promise<void> {
    const t = now().getTime();
    if (t - lastPurge < purgeIntervalMs) return;
    lastPurge = t;
    const removed = await outbox.purge(now());
    if (removed > 0)
      logger.info({ event: 'outbox.purged', count: removed }, 'delivered entries past retention removed');
  }

  /** One lane: take the next due entry, deliver it, repeat; sleep when nothing is due. */
  async function lane(): Promise<void> {
    while (!stopping) {
      const seen = generation;
      let wait = pollIntervalMs;
      try {
        const entry = await take();
        if (stopping) break;
        if (entry) {
          // After an outbox failure, pause instead of spinning on the same error.
          if (!(await deliverSafely(entry))) await sleep(Math.min(1000, pollIntervalMs), generation);
          continue;
        }
        await purgeIfTime();
        const next = await outbox.nextDueAt();
        if (next) wait = next.getTime() - now().getTime();
        // Something is due but could not be taken (claimed by another lane, or not claimable): do not spin.
        if (!(wait > 0)) wait = Math.min(1000, pollIntervalMs);
      } catch (error) {
        logger.error({ event: 'outbox.error', ...safeErrorFields(error) }, 'outbox error');
      }
      await sleep(wait, seen);
    }
  }

  async function runOnce(): Promise<number> {
    await outbox.reclaimStale();
    const due = (await outbox.due(now())).filter((e) => !inFlight.has(e.id));
    let tried = 0;
    // `concurrency` lanes take the due entries in order; each lane sends one at a time.
    const runLane = async (): Promise<void> => {
      for (let entry = due.shift(); entry && !stopping; entry = due.shift()) {
        await deliverSafely(entry);
        tried += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, runLane));
    return tried;
  }

  return {
    start() {
      if (lanes.length > 0) return;
      stopping = false;
      unsubscribe = outbox.onAccept(() => wake());
      logger.info({ event: 'outbox.worker-started', transport: mailer.kind }, 'delivery worker started');
      lanes = Array.from({ length: concurrency }, () => lane());
    },
    wake,
    async stop() {
      stopping = true;
      unsubscribe?.();
      unsubscribe = null;
      wake();
      await Promise.all(lanes);
      lanes = [];
    },
    runOnce,
    get running() {
      return lanes.length > 0 && !stopping;
    },
  };
}
