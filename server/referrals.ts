/**
 * The referral service the routes use: validate with the one schema, drop spam quietly
 * (after validating, so a robot's invalid post gets the same 422 as a person's), send a
 * double click's second copy the first one's reference, compose the office e-mail once as
 * a check, and store the enquiry durably (outbox) before anybody is told it was received.
 * The delivery worker then mails it to the office the routing table names — encrypted to
 * the office's OpenPGP key where the routing file gives one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { PublicKey } from 'openpgp';
import {
  ENQUIRY_TYPES,
  MUNICIPALITY_IDS,
  generateReference,
  isSpam,
  plainRefusedRoutes,
  routingProblems,
  validateReferral,
} from '../src/domain/referral/index';
import type { Referral, RoutingTable } from '../src/domain/referral/index';
import { officeContactOf } from '../src/domain/model/index';
import type { Config } from './config';
import type { ComposeOptions } from './mail/compose';
import { RoutingFileError, loadReferralContent, type ReferralContent } from './content';
import { PgpKeyError, readPublicKeyFile } from './mail/pgp';
import { createMailer, type Mailer } from './mail/transport';
import {
  acceptReferral,
  buildMessage,
  createConfirmationLimiter,
  createDeliveryWorker,
  officeKey,
  openReferralOutbox,
  UnsendableError,
} from './delivery/index';
import type { FileOutbox, Outbox } from './outbox/index';
import type { DeliveryWorker, MailJob } from './delivery/index';

export { UnsendableError };
import { lockSpool } from './outbox/lock';
import { DEFAULT_RETRY_POLICY } from './outbox/schedule';

export type FieldErrors = Record<string, { key: string; values?: Record<string, unknown> }>;

export type SubmitResult =
  | { kind: 'accepted'; reference: string; type: Referral['type']; municipality: string }
  /** The honeypot was filled: answer as if accepted (a receipt too), store nothing. */
  | { kind: 'spam'; reference: string; type: Referral['type']; municipality: string }
  | { kind: 'invalid'; errors: FieldErrors };

/** What `/readyz` reports. */
export interface Readiness {
  /** The outbox folder is writable. */
  outbox: boolean;
  /** The mail server answers (or the .eml folder is writable). */
  mail: boolean;
  /** The data directory's disk has at least `READY_MIN_FREE_MB` free. */
  disk: boolean;
  /** No delivery attempt is held longer than its limit (a send hung past every timeout). */
  leases: boolean;
}

export interface ReferralService {
  readonly content: ReferralContent;
  readonly mailer: Mailer;
  readonly outbox: Outbox<MailJob>;
  readonly worker: DeliveryWorker;
  /** The offices whose enquiries go out encrypted, by `officeKey(municipality, type)`. */
  readonly officeKeys: ReadonlyMap<string, PublicKey>;
  /**
   * Validate and store; resolves once the enquiry is on disk. Rejects if it cannot be
   * stored, or with `UnsendableError` if its e-mail cannot be composed. `client` (the
   * client's address) scopes the double-click check: only the same client gets the first
   * copy's reference back.
   */
  submit(input: unknown, client?: string): Promise<SubmitResult>;
  /** Readiness: the outbox, the mail server, free disk space and the age of leases. */
  ready(): Promise<Readiness>;
  close(): Promise<void>;
}

/** How long an identical submission counts as a double click. */
const DEDUPE_MS = 60_000;

/** A stable text of a value (object keys sorted) for hashing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Problems that must stop a production start (every unverified or placeholder route, every office refusing plain e-mail without a key). */
export function productionRoutingProblems(content: ReferralContent): string[] {
  return routingProblems(content.routing, MUNICIPALITY_IDS).map((p) => p.message);
}

/** The offices that take no personal data by plain e-mail and still get it (no key): for the start-up log. */
export function plainRefusedOffices(content: ReferralContent): string[] {
  return plainRefusedRoutes(content.routing).map(
    (r) => `${r.municipalityId} ${r.type} (${r.officeName ?? r.municipalityName})`,
  );
}

/**
 * Read every office key the routing file names, checking each can encrypt now.
 * @throws RoutingFileError naming the municipality and the key's problem
 */
export async function loadOfficeKeys(
  routing: RoutingTable,
  routingFile: string,
  now: Date = new Date(),
): Promise<Map<string, PublicKey>> {
  const keys = new Map<string, PublicKey>();
  const problems: string[] = [];
  for (const [id, routes] of routing) {
    for (const type of ENQUIRY_TYPES) {
      const file = routes[type].pgpKeyFile;
      if (file === null) continue;
      try {
        keys.set(officeKey(id, type), await readPublicKeyFile(file, now));
      } catch (error) {
        if (!(error instanceof PgpKeyError)) throw error;
        problems.push(`${id}.pgpKeyFile.${type}: ${error.message}`);
      }
    }
  }
  if (problems.length > 0) throw new RoutingFileError(routingFile, problems);
  return keys;
}

/** Open the outbox, the mailer and the worker for the configuration. */
export async function createReferralService(config: Config, log: FastifyBaseLogger): Promise<ReferralService> {
  const content = loadReferralContent(config.routingFile ? { routingFile: config.routingFile } : {});
  const officeKeys = config.routingFile ? await loadOfficeKeys(content.routing, config.routingFile) : new Map();
  const retry = {
    ...DEFAULT_RETRY_POLICY,
    ...(config.deliveryRetryDelaysSeconds ? { delaysMs: config.deliveryRetryDelaysSeconds.map((s) => s * 1000) } : {}),
    maxAgeMs: config.deliveryMaxAgeHours * 3_600_000,
  };
  // One process per spool: take its lock before recovery touches anything.
  const spool = join(config.dataDir, 'outbox');
  await mkdir(spool, { recursive: true, mode: 0o700 });
  const lock = await lockSpool(spool);
  let outbox: FileOutbox<MailJob>;
  let mailer: Mailer;
  try {
    outbox = await openReferralOutbox(config.dataDir, {
      retry,
      retentionDays: config.outboxRetentionDays,
      // The file's name only (a reference and a folder), never its content.
      onQuarantine: (file, state) =>
        log.error({ event: 'outbox.quarantined', file, from: state }, 'unreadable outbox file set aside in dead/'),
    });
    mailer = createMailer({ ...config.mail, dkim: config.dkim });
  } catch (error) {
    await lock.release();
    throw error;
  }
  // The answers' words come from the locale files (src/domain/referral/words.ts); the names
  // of services and municipalities, and each office's address and phones, from content.
  const offices = new Map(
    content.content.municipalities.flatMap((m) =>
      ENQUIRY_TYPES.map((type) => [officeKey(m.id, type), officeContactOf(m, type, content.content.region)] as const),
    ),
  );
  const compose: ComposeOptions = {
    from: config.mailFrom,
    labels: {
      services: content.serviceTitles,
      municipalities: Object.fromEntries(content.content.municipalities.map((m) => [m.id, m.name])),
    },
    officeContact: (municipality, type) => offices.get(officeKey(municipality, type)),
  };
  const messageIdDomain =
    config.publicOrigin.hostname === 'localhost' ? 'kurzeme-visiem' : config.publicOrigin.hostname;
  const worker = createDeliveryWorker({
    outbox,
    mailer,
    concurrency: mailer.connections,
    routing: content.routing,
    compose,
    messageIdDomain,
    officeKeys,
    // After a failed write-back (disk full), wait like after a failed attempt, at most a minute.
    releaseHoldMs: Math.min(60_000, retry.delaysMs[0] ?? 60_000),
    confirmations: createConfirmationLimiter({
      perAddressPerDay: config.confirmationsPerAddressPerDay,
      perHour: config.confirmationsPerHour,
    }),
    logger: log,
  });
  /** Compose the office e-mail once before storing: what cannot be composed is never accepted. */
  const verify = (job: MailJob): void => {
    try {
      buildMessage(
        { id: job.reference, createdAt: job.receivedAt, nextAttemptAt: job.receivedAt, attempts: [], payload: job },
        {
          routing: content.routing,
          compose,
          messageIdDomain,
        },
      );
    } catch (error) {
      log.error(
        { event: 'referral.unsendable', code: (error as Error).name },
        'an enquiry could not be composed; refused',
      );
      throw new UnsendableError();
    }
  };

  // Double clicks: the same normalised enquiry within a minute gets the first one's
  // reference — also while the first is still being written (the promise is shared).
  const recent = new Map<string, { reference: Promise<string>; at: number }>();

  return {
    content,
    mailer,
    outbox,
    worker,
    officeKeys,
    async submit(input, client = '') {
      const result = validateReferral(input, content.ids);
      if (!result.ok) return { kind: 'invalid', errors: result.errors };
      const { type, municipality } = result.value;
      if (isSpam(input)) {
        // Looks accepted to the bot; nothing is stored or sent.
        return { kind: 'spam', reference: generateReference(randomBytes), type, municipality };
      }
      // The client is part of the key: another client sending the same text gets its own
      // reference, so the answer tells nobody that exactly this enquiry was just sent (W12).
      const key = createHash('sha256').update(client).update('\n').update(canonical(result.value)).digest('hex');
      const now = Date.now();
      for (const [k, v] of recent) if (now - v.at > DEDUPE_MS) recent.delete(k);
      const seen = recent.get(key);
      if (seen) return { kind: 'accepted', reference: await seen.reference, type, municipality };
      const reference = acceptReferral(outbox, result.value, { verify }).then((a) => a.reference);
      recent.set(key, { reference, at: now });
      // A failed write must not leave a reference that was never stored.
      reference.catch(() => recent.delete(key));
      return { kind: 'accepted', reference: await reference, type, municipality };
    },
    async ready() {
      const outboxOk = await access(join(config.dataDir, 'outbox', 'pending'), constants.W_OK)
        .then(() => true)
        .catch(() => false);
      const mailOk = await mailer
        .verify()
        .then(() => true)
        .catch(() => false);
      const disk = await statfs(config.dataDir)
        .then((s) => s.bavail * s.bsize >= config.readyMinFreeBytes)
        .catch(() => false);
      const leases = outbox.stuckLeases(new Date(), config.leaseLimitMs).length === 0;
      return { outbox: outboxOk, mail: mailOk, disk, leases };
    },
    async close() {
      await worker.stop();
      await mailer.close();
      await lock.release();
    },
  };
}
