/**
 * The outbox contract: an enquiry is stored durably before the person is told "sent", and
 * then delivered at least once. The file spool (`file-outbox.ts`) implements it for one
 * server process; a database-backed implementation (several processes) can replace it
 * behind the same interface.
 */

/** One delivery attempt, as recorded with the entry. */
export interface AttemptRecord {
  /** When the attempt ended (ISO 8601). */
  at: string;
  ok: boolean;
  /** Short, single-line failure text (the SMTP reply); stored with the entry, never logged. */
  error?: string;
  /** Machine-readable error code, e.g. `ECONNECTION`, `EENVELOPE`, `INTERRUPTED`. */
  code?: string;
  /** SMTP reply code, e.g. 451 or 550. */
  responseCode?: number;
}

/** A stored entry: the payload and its delivery state (status is derived from the timestamps). */
export interface OutboxEntry<T> {
  /** File-name-safe id, e.g. `KV-ABCD-EFGH` (never personal data). */
  id: string;
  /** Accepted at (ISO 8601); the retry limit counts from here. */
  createdAt: string;
  /** Do not try before this time (ISO 8601). */
  nextAttemptAt: string;
  attempts: AttemptRecord[];
  payload: T;
  /** Set once delivered (only seen when delivered entries are retained). */
  deliveredAt?: string;
  /** Set when moved to the dead letters. */
  dead?: { at: string; reason: string };
}

/** A claim on an entry while it is being delivered. */
export interface Lease<T> {
  readonly id: string;
  readonly entry: OutboxEntry<T>;
  readonly leasedAt: Date;
}

/** Why an attempt failed; `message` is kept with the entry and must not be logged. */
export interface AttemptFailure {
  message: string;
  code?: string;
  responseCode?: number;
}

/** How `fail` treats the failure. */
export interface FailOptions {
  /** It cannot succeed on a retry (a 5xx reply, a message that cannot be composed): dead at once. */
  permanent?: boolean;
}

/** What `fail` decided. */
export type FailOutcome =
  { status: 'retry'; attempt: number; nextAttemptAt: Date } | { status: 'dead'; attempt: number; reason: string };

/** Counts by state, for health checks and metrics. */
export interface OutboxStats {
  pending: number;
  leased: number;
  dead: number;
  delivered: number;
}

/** Thrown by `accept` when the id is already taken (draw a new reference and try again). */
export class DuplicateIdError extends Error {
  constructor(readonly id: string) {
    super(`Outbox id ${id} is already taken.`);
    this.name = 'DuplicateIdError';
  }
}

/** The durable store of outgoing messages. */
export interface Outbox<T> {
  /**
   * Store a new entry durably, due at once. Resolves only when the entry would survive a
   * crash or power loss — reply to the person only after that.
   * @throws DuplicateIdError when the id exists in any state
   */
  accept(id: string, payload: T, now?: Date): Promise<OutboxEntry<T>>;
  /** Pending entries due at `now`, oldest first. Leased entries are not listed. */
  due(now: Date, limit?: number): Promise<OutboxEntry<T>[]>;
  /** Claim an entry for delivery; `null` when it is gone or claimed already. */
  lease(id: string, now: Date): Promise<Lease<T> | null>;
  /** Delivered: remove the entry (or keep it for the retention period). */
  ack(lease: Lease<T>, now: Date): Promise<void>;
  /** Not delivered: record the attempt and schedule the next one, or move it to the dead letters. */
  fail(lease: Lease<T>, failure: AttemptFailure, now: Date, options?: FailOptions): Promise<FailOutcome>;
  /** Not delivered and not worth keeping (a confirmation the address refuses): remove it. */
  drop(lease: Lease<T>): Promise<void>;
  /**
   * Give the lease up without recording an attempt, because recording it failed (disk
   * full): the entry waits again, not due for `holdMs`.
   */
  release(lease: Lease<T>, now: Date, holdMs?: number): Promise<void>;
  /** Put back into waiting what is claimed but held by nobody; returns the ids. */
  reclaimStale(): Promise<string[]>;
  /** Ids leased longer than `limitMs` (for the readiness check). */
  stuckLeases(now: Date, limitMs: number): string[];
  /** Files set aside as unreadable, for an operator. */
  listQuarantined(): Promise<string[]>;
  /** The earliest `nextAttemptAt` of the pending entries, or `null` when there are none. */
  nextDueAt(): Promise<Date | null>;
  /** Put back what a stopped process left claimed. Called on start. */
  recover(now: Date): Promise<{ requeued: string[] }>;
  /** Delete delivered entries older than the retention period; returns how many. */
  purge(now: Date): Promise<number>;
  /** Whether the id exists in any state. */
  has(id: string): Promise<boolean>;
  stats(): Promise<OutboxStats>;
  /** The dead letters, for an operator. */
  listDead(): Promise<OutboxEntry<T>[]>;
  /** Give a dead letter a fresh retry window (after the operator fixed the cause). */
  requeueDead(id: string, now: Date): Promise<boolean>;
  /** Delete a dead letter for good (the operator settled it another way); `false` if there is none. */
  deleteDead(id: string): Promise<boolean>;
  /** Be told when an entry is accepted (the worker wakes up). Returns an unsubscribe function. */
  onAccept(listener: (id: string) => void): () => void;
}
