/**
 * The referral service the routes use: validate with the one schema, drop spam quietly,
 * send a double click's second copy the first one's reference, and store the enquiry
 * durably (outbox) before anybody is told it was received. The delivery worker then
 * mails it to the office the routing table names.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import {
  MUNICIPALITY_IDS,
  generateReference,
  isSpam,
  routingProblems,
  validateReferral,
} from '../src/domain/referral/index';
import type { Referral } from '../src/domain/referral/index';
import type { Config } from './config';
import { loadReferralContent, type ReferralContent } from './content';
import { createMailer, type Mailer } from './mail/transport';
import { acceptReferral, createDeliveryWorker, openReferralOutbox } from './delivery/index';
import type { FileOutbox, Outbox } from './outbox/index';
import type { DeliveryWorker, MailJob } from './delivery/index';
import { lockSpool } from './outbox/lock';
import { DEFAULT_RETRY_POLICY } from './outbox/schedule';

export type FieldErrors = Record<string, { key: string; values?: Record<string, unknown> }>;

export type SubmitResult =
  | { kind: 'accepted'; reference: string; type: Referral['type'] }
  /** The honeypot was filled: answer as if accepted, store nothing. */
  | { kind: 'spam'; reference: string }
  | { kind: 'invalid'; errors: FieldErrors };

export interface ReferralService {
  readonly content: ReferralContent;
  readonly mailer: Mailer;
  readonly outbox: Outbox<MailJob>;
  readonly worker: DeliveryWorker;
  /** Validate and store; resolves once the enquiry is on disk. Rejects if it cannot be stored. */
  submit(input: unknown): Promise<SubmitResult>;
  /** Readiness: the outbox folder is writable and the mailer answers. */
  ready(): Promise<{ outbox: boolean; mail: boolean }>;
  close(): Promise<void>;
}

/**
 * Latvian labels for the eligibility check's facts and values in the office e-mail (the
 * fact names of src/domain/eligibility/facts.ts; the social worker reads words, not ids).
 */
const ANSWER_LABELS: Record<string, string> = {
  group: 'Kam palīdzība vajadzīga',
  child: 'bērnam ar funkcionāliem traucējumiem vai invaliditāti',
  adult: 'pieaugušajam ar garīga rakstura traucējumiem',
  'child-in-care': 'bērnam ārpusģimenes aprūpē',
  foster: 'vēlas kļūt par audžuģimeni, aizbildni vai adoptētāju',
  other: 'citam',
  age: 'Vecums (gadi)',
  disabilityDetermined: 'Noteikta invaliditāte',
  disabilityGroup: 'Invaliditātes grupa',
  none: 'nav',
  vdeavkSpecialCare: 'VDEĀVK atzinums par īpašas kopšanas nepieciešamību',
  careSetting: 'Kur bērns dzīvo',
  family: 'audžuģimenē vai pie aizbildņa',
  institution: 'iestādē',
  municipality: 'Pašvaldība',
  filledBy: 'Kas aizpildīja',
  self: 'pats cilvēks',
  parent: 'vecāks vai likumiskais pārstāvis',
  'support-person': 'atbalsta persona',
  professional: 'speciālists',
  verdicts: 'Pārbaudes rezultāts',
  service: 'pakalpojums',
  verdict: 'vērtējums',
  likely: 'varētu būt pieejams',
  maybe: 'iespējams — jānoskaidro',
  first: 'vispirms vajadzīgs cits solis',
  no: 'neatbilst',
};

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

/** Problems that must stop a production start (every unverified or placeholder route). */
export function productionRoutingProblems(content: ReferralContent): string[] {
  return routingProblems(content.routing, MUNICIPALITY_IDS).map((p) => p.message);
}

/** Open the outbox, the mailer and the worker for the configuration. */
export async function createReferralService(config: Config, log: FastifyBaseLogger): Promise<ReferralService> {
  const content = loadReferralContent(config.routingFile ? { routingFile: config.routingFile } : {});
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
    outbox = await openReferralOutbox(config.dataDir, { retry, retentionDays: config.outboxRetentionDays });
    mailer = createMailer(config.mail);
  } catch (error) {
    await lock.release();
    throw error;
  }
  const worker = createDeliveryWorker({
    outbox,
    mailer,
    concurrency: mailer.connections,
    routing: content.routing,
    compose: {
      from: config.mailFrom,
      labels: {
        services: content.serviceTitles,
        // Ids in the answers read as names: municipalities, services, facts and their values.
        answers: {
          ...Object.fromEntries(content.content.municipalities.map((m) => [m.id, m.name])),
          ...content.serviceTitles,
          ...ANSWER_LABELS,
        },
      },
    },
    messageIdDomain: config.publicOrigin.hostname === 'localhost' ? 'kurzeme-visiem' : config.publicOrigin.hostname,
    logger: log,
  });

  // Double clicks: the same normalised enquiry within a minute gets the first one's
  // reference — also while the first is still being written (the promise is shared).
  const recent = new Map<string, { reference: Promise<string>; at: number }>();

  return {
    content,
    mailer,
    outbox,
    worker,
    async submit(input) {
      if (isSpam(input)) {
        // Looks accepted to the bot; nothing is stored or sent.
        return { kind: 'spam', reference: generateReference(randomBytes) };
      }
      const result = validateReferral(input, content.ids);
      if (!result.ok) return { kind: 'invalid', errors: result.errors };
      const key = createHash('sha256').update(canonical(result.value)).digest('hex');
      const now = Date.now();
      for (const [k, v] of recent) if (now - v.at > DEDUPE_MS) recent.delete(k);
      const seen = recent.get(key);
      if (seen) return { kind: 'accepted', reference: await seen.reference, type: result.value.type };
      const reference = acceptReferral(outbox, result.value).then((a) => a.reference);
      recent.set(key, { reference, at: now });
      // A failed write must not leave a reference that was never stored.
      reference.catch(() => recent.delete(key));
      return { kind: 'accepted', reference: await reference, type: result.value.type };
    },
    async ready() {
      const outboxOk = await access(join(config.dataDir, 'outbox', 'pending'), constants.W_OK)
        .then(() => true)
        .catch(() => false);
      const mailOk = await mailer
        .verify()
        .then(() => true)
        .catch(() => false);
      return { outbox: outboxOk, mail: mailOk };
    },
    async close() {
      await worker.stop();
      await mailer.close();
      await lock.release();
    },
  };
}
