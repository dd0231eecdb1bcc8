/**
 * What the outbox holds for the referral flow, and how an enquiry gets in.
 *
 * An accepted referral becomes ONE `office` job (id = its reference). Only after the office
 * e-mail is delivered does the worker add the `confirmation` job (id = `<reference>.confirmation`)
 * when the person asked for one — so a person is never told an office received something it
 * did not. The confirmation job stores only what the confirmation shows: no health data.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { confirmationId, generateReference } from '../../src/domain/referral/index';
import type { EnquiryType, Referral } from '../../src/domain/referral/index';
import { openFileOutbox } from '../outbox/file-outbox';
import type { FileOutbox } from '../outbox/file-outbox';
import type { RetryPolicy } from '../outbox/schedule';
import { DuplicateIdError } from '../outbox/types';
import type { Outbox } from '../outbox/types';

/** An enquiry passed validation but its e-mail cannot be composed: nothing was stored. */
export class UnsendableError extends Error {
  constructor() {
    super('the office e-mail cannot be composed');
    this.name = 'UnsendableError';
  }
}

/** Deliver a referral to its office. */
export interface OfficeJob {
  kind: 'office';
  reference: string;
  /** ISO 8601. */
  receivedAt: string;
  referral: Referral;
}

/** Confirm to the person that the office received the enquiry. */
export interface ConfirmationJob {
  kind: 'confirmation';
  reference: string;
  /** When the enquiry was received (ISO 8601). */
  receivedAt: string;
  municipality: string;
  type: EnquiryType;
  /** The person's address, validated by the schema. */
  email: string;
  /** Write it in easy-read: the request came from the easy-read form, or asked for easy language. */
  easyLanguage: boolean;
}

/** A job in the referral outbox. */
export type MailJob = OfficeJob | ConfirmationJob;

/** Options of `acceptReferral`. */
export interface AcceptReferralOptions {
  /** Draws a reference; default `generateReference(crypto.randomBytes)`. */
  newReference?: () => string;
  /** Time of receipt; default now. */
  now?: Date;
  /** How many references to try if one is taken; default 5. */
  maxTries?: number;
  /**
   * Called with the job before it is stored; throwing stops the accept (nothing stored).
   * The server composes the office e-mail here, so an enquiry that could never be sent is
   * refused rather than accepted.
   */
  verify?: (job: OfficeJob) => void;
}

/** What the caller tells the person. */
export interface AcceptedReferral {
  reference: string;
  receivedAt: Date;
}

/**
 * Store a validated referral durably under a fresh reference. Resolves only when it is on
 * disk (or in the database): reply 201/303 with the reference AFTER this resolves, and
 * answer 503 if it rejects — the person must then try again, nothing was stored.
 *
 * @param outbox the referral outbox
 * @param referral a value from `validateReferral` (`ok: true`)
 */
export async function acceptReferral(
  outbox: Outbox<MailJob>,
  referral: Referral,
  options: AcceptReferralOptions = {},
): Promise<AcceptedReferral> {
  const newReference = options.newReference ?? (() => generateReference(randomBytes));
  const receivedAt = options.now ?? new Date();
  const maxTries = options.maxTries ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    const reference = newReference();
    const job: OfficeJob = { kind: 'office', reference, receivedAt: receivedAt.toISOString(), referral };
    options.verify?.(job);
    try {
      await outbox.accept(reference, job, receivedAt);
      return { reference, receivedAt };
    } catch (error) {
      if (!(error instanceof DuplicateIdError) || attempt >= maxTries) throw error;
    }
  }
}

/** The confirmation job an office job calls for, or `null` when none was asked for. */
export function confirmationJobFor(job: OfficeJob): ConfirmationJob | null {
  const { contact } = job.referral;
  if (!contact.confirmation || contact.email === undefined) return null;
  return {
    kind: 'confirmation',
    reference: job.reference,
    receivedAt: job.receivedAt,
    municipality: job.referral.municipality,
    type: job.referral.type,
    email: contact.email,
    // A request sent from an easy-read page gets its confirmation in easy-read (W: easy-read all the way).
    easyLanguage: contact.easyLanguage || job.referral.variant === 'easy',
  };
}

/** The outbox id of a job: the reference, or `<reference>.confirmation`. */
export function jobId(job: MailJob): string {
  return job.kind === 'office' ? job.reference : confirmationId(job.reference);
}

/**
 * Open the referral outbox at `<dataDir>/outbox` (recovering after a crash). This is the
 * one call the server makes at start, before it listens.
 */
export function openReferralOutbox(
  dataDir: string,
  options: {
    retry?: RetryPolicy;
    retentionDays?: number;
    now?: Date;
    onQuarantine?: (file: string, state: string) => void;
  } = {},
): Promise<FileOutbox<MailJob>> {
  const { now, ...rest } = options;
  return openFileOutbox<MailJob>({ dir: join(dataDir, 'outbox'), ...rest }, now);
}
