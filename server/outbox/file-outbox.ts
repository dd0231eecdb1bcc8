/**
 * The outbox as a file spool (in the manner of Postfix's queue): no database and no native
 * dependency, for ONE server process per data directory.
 *
 * Layout under the spool root (e.g. `<DATA_DIR>/outbox/`):
 *
 *     tmp/      files being written; anything here at start is an unfinished write and is removed
 *     pending/  <id>.json — accepted, waiting for (another) attempt
 *     leased/   <id>.json — being delivered right now
 *     dead/     <id>.json — gave up; kept until an operator acts (never deleted by the program)
 *     sent/     <id>.json — delivered, kept only when a retention period is configured
 *
 * Crash safety: every new version of an entry is written to `tmp/`, fsync'd, renamed into
 * its state folder and the folder fsync'd; a rename is atomic, so a state folder only ever
 * holds complete files. Each version carries a revision number (`rev`); if a crash leaves
 * two copies of one id (the new version renamed in, the old one not yet unlinked), the
 * higher revision wins at the next start. Claiming an entry is a rename from `pending/` to
 * `leased/`; whatever is still in `leased/` at start was interrupted mid-delivery, so it is
 * counted as a failed attempt and goes back to `pending/` (at-least-once delivery).
 *
 * File names are the entry ids (references such as `KV-ABCD-EFGH`), never personal data.
 * Files are created 0600 and folders 0700: the payloads hold health data.
 *
 * A file that is not a complete entry (unreadable, not JSON, another format, a date that
 * does not parse, no payload) is quarantined — moved into `dead/` as
 * `<name>.<state>.<time>.unreadable`, where the operator's `outbox dead` lists it — and
 * reported to `onQuarantine` (the server logs the file name, never the content). A failed
 * write-back (disk full) releases the lease: the entry goes back to `pending/` and waits a
 * while before the next try, without a restart.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_RETRY_POLICY, assertRetryPolicy, nextAttemptAt } from './schedule';
import type { RetryPolicy } from './schedule';
import { DuplicateIdError } from './types';
import type {
  AttemptFailure,
  AttemptRecord,
  FailOptions,
  FailOutcome,
  Lease,
  Outbox,
  OutboxEntry,
  OutboxStats,
} from './types';

/**
 * The file operations the spool needs, so a test can watch their order (or make one fail).
 * `nodeSpoolFs` is the real implementation.
 */
export interface SpoolFs {
  /** Create a new file (failing if it exists), write it and fsync it before resolving. */
  writeFileSynced(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** fsync a directory, so a rename or unlink in it survives power loss. */
  syncDir(dir: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<string>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
  exists(path: string): Promise<boolean>;
}

/** The spool's file operations on the real file system. */
export const nodeSpoolFs: SpoolFs = {
  async writeFileSynced(path, data) {
    const fh = await open(path, 'wx', 0o600);
    try {
      await fh.writeFile(data, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  rename: (from, to) => rename(from, to),
  async syncDir(dir) {
    // Windows cannot open a directory for fsync; the server runs on Linux.
    if (process.platform === 'win32') return;
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  },
  unlink: (path) => unlink(path),
  readFile: (path) => readFile(path, 'utf8'),
  readdir: (dir) => readdir(dir),
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  },
  exists: async (path) => {
    try {
      await stat(path);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  },
};

/** Options of the file spool. */
export interface FileOutboxOptions {
  /** The spool root, e.g. `<DATA_DIR>/outbox` (created if missing). */
  dir: string;
  /** Retry schedule; default `DEFAULT_RETRY_POLICY` (growing waits up to 72 h). */
  retry?: RetryPolicy;
  /** Days to keep delivered entries in `sent/`; default 0 = delete at once on delivery. */
  retentionDays?: number;
  /** File operations (tests); default the real file system. */
  fs?: SpoolFs;
  /** Told about every file set aside as unreadable (the file's name and the folder it was in). */
  onQuarantine?: (file: string, state: string) => void;
}

type State = 'pending' | 'leased' | 'dead' | 'sent';
const STATES: readonly State[] = ['pending', 'leased', 'dead', 'sent'];
const FORMAT = 'kurzeme-visiem/outbox@1';
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/u;
const MAX_ERROR_TEXT = 500;

interface StoredRecord<T> extends OutboxEntry<T> {
  format: typeof FORMAT;
  rev: number;
  /** Start of the current retry window (acceptance, or the operator's requeue). */
  retryWindowStart?: string;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

/** A file in a state folder that is not a complete outbox entry. */
export class CorruptEntryError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file} is not an outbox entry: ${reason}`);
    this.name = 'CorruptEntryError';
  }
}

const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Why a parsed file is not a complete entry of `id`, or `null` when it is one. */
function recordProblem(record: unknown, id: string): string | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'not an object';
  const r = record as Record<string, unknown>;
  if (r['format'] !== FORMAT) return 'another format';
  if (r['id'] !== id) return 'the id inside is not the file name';
  if (typeof r['rev'] !== 'number' || !Number.isInteger(r['rev'])) return 'no revision';
  if (!isDate(r['createdAt'])) return 'createdAt is not a date';
  if (!isDate(r['nextAttemptAt'])) return 'nextAttemptAt is not a date';
  if (r['retryWindowStart'] !== undefined && !isDate(r['retryWindowStart'])) return 'retryWindowStart is not a date';
  if (!Array.isArray(r['attempts'])) return 'no list of attempts';
  const payload = r['payload'];
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'no payload';
  return null;
}

function assertId(id: string): void {
  if (!ID.test(id) || id.includes('..')) throw new Error(`Invalid outbox id "${id}".`);
}

const iso = (d: Date): string => d.toISOString();

/** One line, bounded: the text is stored with the entry and shown to an operator. */
function cleanErrorText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const line = text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/gu, ' ').trim();
  return line.length > MAX_ERROR_TEXT ? `${line.slice(0, MAX_ERROR_TEXT - 1)}…` : line;
}

function toEntry<T>(record: StoredRecord<T>): OutboxEntry<T> {
  const entry: OutboxEntry<T> = {
    id: record.id,
    createdAt: record.createdAt,
    nextAttemptAt: record.nextAttemptAt,
    attempts: record.attempts,
    payload: record.payload,
  };
  if (record.deliveredAt !== undefined) entry.deliveredAt = record.deliveredAt;
  if (record.dead !== undefined) entry.dead = record.dead;
  return entry;
}

interface Held<T> {
  lease: Lease<T>;
  record: StoredRecord<T>;
}

/** The file spool. Create it with `openFileOutbox`, which also recovers after a crash. */
export class FileOutbox<T> implements Outbox<T> {
  private readonly listeners = new Set<(id: string) => void>();
  private readonly held = new Map<string, Held<T>>();
  // Ids being accepted right now: two accepts of one id must not both pass the existence check.
  private readonly accepting = new Set<string>();
  // Ids between the claim's rename and the lease being recorded: not stale, whatever leased/ says.
  private readonly claiming = new Set<string>();
  // Ids handed back after a failed write-back: not due again before this time (ms).
  private readonly holdUntil = new Map<string, number>();
  private readonly policy: RetryPolicy;
  private readonly retentionMs: number;
  private readonly fs: SpoolFs;
  private readonly onQuarantine: ((file: string, state: string) => void) | undefined;

  constructor(
    readonly root: string,
    options: Omit<FileOutboxOptions, 'dir'> = {},
  ) {
    this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
    assertRetryPolicy(this.policy);
    const days = options.retentionDays ?? 0;
    if (!Number.isFinite(days) || days < 0) throw new Error('retentionDays must be a number ≥ 0');
    this.retentionMs = days * 24 * 60 * 60 * 1000;
    this.fs = options.fs ?? nodeSpoolFs;
    this.onQuarantine = options.onQuarantine;
  }

  private dirOf(state: State | 'tmp'): string {
    return join(this.root, state);
  }

  private pathOf(state: State, id: string): string {
    return join(this.root, state, `${id}.json`);
  }

  /** Create the folders. */
  async init(): Promise<void> {
    for (const dir of ['tmp', ...STATES] as const) await this.fs.mkdir(this.dirOf(dir));
  }

  /** Write a new version of an entry into a state folder: tmp + fsync, rename, fsync folder. */
  private async write(state: State, record: StoredRecord<T>): Promise<void> {
    const tmp = join(this.dirOf('tmp'), `${record.id}.${record.rev}.${randomUUID()}.json`);
    try {
      await this.fs.writeFileSynced(tmp, `${JSON.stringify(record, null, 2)}\n`);
      await this.fs.rename(tmp, this.pathOf(state, record.id));
    } catch (error) {
      // A half-written (or empty) temporary file must not stay behind: a full disk would
      // otherwise collect one per failed attempt.
      await this.fs.unlink(tmp).catch(() => undefined);
      throw error;
    }
    await this.fs.syncDir(this.dirOf(state));
  }

  private async remove(state: State, id: string): Promise<void> {
    try {
      await this.fs.unlink(this.pathOf(state, id));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await this.fs.syncDir(this.dirOf(state));
  }

  /**
   * Read an entry; `null` when it is gone.
   * @throws CorruptEntryError when the file is not a complete entry (then quarantine it)
   */
  private async read(state: State, id: string): Promise<StoredRecord<T> | null> {
    const file = `${state}/${id}.json`;
    let text: string;
    try {
      text = await this.fs.readFile(this.pathOf(state, id));
    } catch (error) {
      if (isNotFound(error)) return null;
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new CorruptEntryError(file, 'a folder');
      throw error;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      throw new CorruptEntryError(file, 'not JSON');
    }
    const problem = recordProblem(record, id);
    if (problem !== null) throw new CorruptEntryError(file, problem);
    return record as StoredRecord<T>;
  }

  /** Read an entry, quarantining it when it is not one (`null` then, as if gone). */
  private async readOrQuarantine(state: State, id: string): Promise<StoredRecord<T> | null> {
    try {
      return await this.read(state, id);
    } catch (error) {
      if (!(error instanceof CorruptEntryError)) throw error;
      await this.quarantine(state, id);
      return null;
    }
  }

  /** When the entry may be tried, counting a hold after a failed write-back (ms). */
  private dueTime(record: StoredRecord<T>): number {
    const held = this.holdUntil.get(record.id) ?? 0;
    return Math.max(Date.parse(record.nextAttemptAt), held);
  }

  private async ids(state: State): Promise<string[]> {
    const names = await this.fs.readdir(this.dirOf(state));
    return names
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length))
      .filter((id) => ID.test(id));
  }

  private notify(id: string): void {
    for (const listener of this.listeners) {
      try {
        listener(id);
      } catch {
        // A listener's failure must not turn a durable accept into an error.
      }
    }
  }

  async accept(id: string, payload: T, now: Date = new Date()): Promise<OutboxEntry<T>> {
    assertId(id);
    if (this.accepting.has(id)) throw new DuplicateIdError(id);
    this.accepting.add(id);
    try {
      if (await this.has(id)) throw new DuplicateIdError(id);
      const record: StoredRecord<T> = {
        format: FORMAT,
        rev: 1,
        id,
        createdAt: iso(now),
        nextAttemptAt: iso(now),
        attempts: [],
        payload,
      };
      await this.write('pending', record);
      this.notify(id);
      return toEntry(record);
    } finally {
      this.accepting.delete(id);
    }
  }

  async due(now: Date, limit = 100): Promise<OutboxEntry<T>[]> {
    const due: StoredRecord<T>[] = [];
    for (const id of await this.ids('pending')) {
      let record: StoredRecord<T> | null;
      try {
        record = await this.readOrQuarantine('pending', id);
      } catch {
        // Cannot be read right now (I/O): never stop the others.
        continue;
      }
      if (record && this.dueTime(record) <= now.getTime()) due.push(record);
    }
    due.sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt));
    return due.slice(0, limit).map(toEntry);
  }

  async lease(id: string, now: Date): Promise<Lease<T> | null> {
    assertId(id);
    if (this.held.has(id) || this.claiming.has(id)) return null;
    this.claiming.add(id);
    try {
      try {
        // The claim: atomic, so only one claimant wins. It needs no fsync — if it is lost in
        // a crash the entry is simply still pending, which is safe.
        await this.fs.rename(this.pathOf('pending', id), this.pathOf('leased', id));
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      const record = await this.readOrQuarantine('leased', id);
      if (!record) return null;
      this.holdUntil.delete(id);
      const lease: Lease<T> = { id, entry: toEntry(record), leasedAt: now };
      this.held.set(id, { lease, record });
      return lease;
    } finally {
      this.claiming.delete(id);
    }
  }

  /**
   * Give a lease up without recording anything (the write-back of an attempt failed, e.g.
   * the disk is full): the entry goes back to `pending/` as it was and is not due again
   * for `holdMs`. If even that rename fails, `reclaimStale` brings it back later.
   */
  async release(lease: Lease<T>, now: Date, holdMs = 60_000): Promise<void> {
    if (this.held.get(lease.id)?.lease !== lease) return;
    this.held.delete(lease.id);
    this.holdUntil.set(lease.id, now.getTime() + holdMs);
    // If even this fails (the folder cannot be written), `reclaimStale` tries again later.
    await this.returnToPending(lease.id);
  }

  /**
   * Put a leased file back into `pending/`. When a newer version is there already (the
   * write-back got that far before it failed), the leased copy is only removed.
   */
  private async returnToPending(id: string): Promise<boolean> {
    try {
      if (await this.fs.exists(this.pathOf('pending', id))) {
        const [leased, pending] = await Promise.all([this.read('leased', id), this.read('pending', id)]);
        if (pending && (!leased || leased.rev <= pending.rev)) {
          await this.fs.unlink(this.pathOf('leased', id)).catch((e: unknown) => {
            if (!isNotFound(e)) throw e;
          });
          return false;
        }
      }
      await this.fs.rename(this.pathOf('leased', id), this.pathOf('pending', id));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      if (error instanceof CorruptEntryError) {
        await this.quarantine('leased', id);
        return false;
      }
      throw error;
    }
  }

  /**
   * Move back to `pending/` every entry in `leased/` that this process does not hold —
   * what an interrupted write-back or a released lease whose rename failed left there.
   * One process per spool, so such a file is nobody's. Returns the ids moved.
   */
  async reclaimStale(): Promise<string[]> {
    const moved: string[] = [];
    for (const id of await this.ids('leased')) {
      if (this.held.has(id) || this.claiming.has(id)) continue;
      try {
        if (await this.returnToPending(id)) moved.push(id);
      } catch {
        // Still cannot write: the next look tries again.
      }
    }
    return moved;
  }

  /** The leases held longer than `limitMs` at `now` (a send that hangs past every timeout). */
  stuckLeases(now: Date, limitMs: number): string[] {
    return [...this.held.values()]
      .filter((h) => now.getTime() - h.lease.leasedAt.getTime() > limitMs)
      .map((h) => h.lease.id);
  }

  private take(lease: Lease<T>): Held<T> {
    const held = this.held.get(lease.id);
    if (!held || held.lease !== lease) throw new Error(`Outbox entry ${lease.id} is not leased by this caller.`);
    return held;
  }

  async ack(lease: Lease<T>, now: Date): Promise<void> {
    const { record } = this.take(lease);
    if (this.retentionMs > 0) {
      await this.write('sent', {
        ...record,
        rev: record.rev + 1,
        attempts: [...record.attempts, { at: iso(now), ok: true }],
        deliveredAt: iso(now),
      });
    }
    await this.remove('leased', lease.id);
    // The claim's rename was not fsync'd; make sure the pending copy stays gone too.
    await this.fs.syncDir(this.dirOf('pending'));
    this.held.delete(lease.id);
  }

  private failuresInWindow(record: StoredRecord<T>): number {
    const start = record.retryWindowStart ?? record.createdAt;
    return record.attempts.filter((a) => !a.ok && a.at >= start).length;
  }

  /** Record a failed attempt and write the entry back to `pending/` or into `dead/`. */
  private async recordFailure(
    record: StoredRecord<T>,
    failure: AttemptFailure,
    now: Date,
    permanent = false,
  ): Promise<FailOutcome> {
    const attempt: AttemptRecord = { at: iso(now), ok: false, error: cleanErrorText(failure.message) };
    if (failure.code !== undefined) attempt.code = failure.code;
    if (failure.responseCode !== undefined) attempt.responseCode = failure.responseCode;
    const next: StoredRecord<T> = { ...record, rev: record.rev + 1, attempts: [...record.attempts, attempt] };
    const failures = this.failuresInWindow(next);
    const windowStart = new Date(record.retryWindowStart ?? record.createdAt);
    const at = permanent ? null : nextAttemptAt(this.policy, windowStart, failures, now);
    const attemptNo = next.attempts.length;
    if (at) {
      await this.write('pending', { ...next, nextAttemptAt: iso(at) });
      return { status: 'retry', attempt: attemptNo, nextAttemptAt: at };
    }
    const hours = Math.round(((now.getTime() - windowStart.getTime()) / 3_600_000) * 10) / 10;
    const reason = permanent
      ? `permanent failure, not retried: ${attempt.error ?? ''}`
      : `gave up after ${failures} failed attempts in ${hours} h; last: ${attempt.error ?? ''}`;
    await this.write('dead', { ...next, dead: { at: iso(now), reason } });
    return { status: 'dead', attempt: attemptNo, reason };
  }

  async fail(lease: Lease<T>, failure: AttemptFailure, now: Date, options: FailOptions = {}): Promise<FailOutcome> {
    const { record } = this.take(lease);
    const outcome = await this.recordFailure(record, failure, now, options.permanent === true);
    await this.remove('leased', lease.id);
    this.held.delete(lease.id);
    return outcome;
  }

  async drop(lease: Lease<T>): Promise<void> {
    this.take(lease);
    await this.remove('leased', lease.id);
    this.held.delete(lease.id);
  }

  async nextDueAt(): Promise<Date | null> {
    let earliest: number | null = null;
    for (const id of await this.ids('pending')) {
      try {
        const record = await this.readOrQuarantine('pending', id);
        if (!record) continue;
        const t = this.dueTime(record);
        if (earliest === null || t < earliest) earliest = t;
      } catch {
        continue;
      }
    }
    return earliest === null ? null : new Date(earliest);
  }

  /** Move an unreadable file out of the way (into `dead/`, under a name nothing parses), and say so. */
  private async quarantine(state: State, id: string): Promise<void> {
    const name = `${id}.${state}.${Date.now()}.unreadable`;
    try {
      await this.fs.rename(this.pathOf(state, id), join(this.dirOf('dead'), name));
    } catch (error) {
      // Another look quarantined it first.
      if (isNotFound(error)) return;
      throw error;
    }
    await this.fs.syncDir(this.dirOf('dead'));
    await this.fs.syncDir(this.dirOf(state));
    try {
      this.onQuarantine?.(name, state);
    } catch {
      // A listener's failure must not undo the move.
    }
  }

  /** The quarantined files in `dead/` (`<name>.<state>.<time>.unreadable`), for an operator. */
  async listQuarantined(): Promise<string[]> {
    return (await this.fs.readdir(this.dirOf('dead'))).filter((n) => n.endsWith('.unreadable')).sort();
  }

  async recover(now: Date): Promise<{ requeued: string[] }> {
    await this.init();
    // Unfinished writes: never renamed in, so never accepted (the caller got an error).
    for (const name of await this.fs.readdir(this.dirOf('tmp'))) {
      await this.fs.unlink(join(this.dirOf('tmp'), name)).catch(() => undefined);
    }
    const copies = new Map<string, { state: State; record: StoredRecord<T> }[]>();
    for (const state of STATES) {
      for (const id of await this.ids(state)) {
        const record = await this.readOrQuarantine(state, id);
        if (!record) continue;
        const list = copies.get(id) ?? [];
        list.push({ state, record });
        copies.set(id, list);
      }
    }
    const requeued: string[] = [];
    for (const [id, list] of copies) {
      // Highest revision wins; on a tie (not expected) a settled state beats a transient one.
      const order: Record<State, number> = { dead: 3, sent: 2, pending: 1, leased: 0 };
      list.sort((a, b) => b.record.rev - a.record.rev || order[b.state] - order[a.state]);
      const [best, ...stale] = list;
      if (!best) continue;
      for (const copy of stale) await this.remove(copy.state, id);
      if (best.state === 'leased' && !this.held.has(id)) {
        // Interrupted mid-delivery: the message may or may not have left. Count it as a
        // failed attempt (so a message that crashes the process cannot loop for ever) and
        // deliver it again — the stable Message-ID lets the receiver spot a duplicate.
        await this.recordFailure(
          best.record,
          { message: 'the server stopped during delivery', code: 'INTERRUPTED' },
          now,
        );
        await this.remove('leased', id);
        requeued.push(id);
      }
    }
    return { requeued };
  }

  async purge(now: Date): Promise<number> {
    let removed = 0;
    for (const id of await this.ids('sent')) {
      const record = await this.readOrQuarantine('sent', id).catch(() => null);
      const delivered = record?.deliveredAt ? Date.parse(record.deliveredAt) : Number.NaN;
      if (Number.isNaN(delivered) || delivered + this.retentionMs <= now.getTime()) {
        await this.remove('sent', id);
        removed += 1;
      }
    }
    return removed;
  }

  async has(id: string): Promise<boolean> {
    assertId(id);
    for (const state of STATES) {
      if (await this.fs.exists(this.pathOf(state, id))) return true;
    }
    return false;
  }

  async stats(): Promise<OutboxStats> {
    return {
      pending: (await this.ids('pending')).length,
      leased: (await this.ids('leased')).length,
      dead: (await this.ids('dead')).length,
      delivered: (await this.ids('sent')).length,
    };
  }

  async listDead(): Promise<OutboxEntry<T>[]> {
    const out: OutboxEntry<T>[] = [];
    for (const id of await this.ids('dead')) {
      const record = await this.readOrQuarantine('dead', id);
      if (record) out.push(toEntry(record));
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async requeueDead(id: string, now: Date): Promise<boolean> {
    assertId(id);
    const record = await this.read('dead', id);
    if (!record) return false;
    const revived: StoredRecord<T> = {
      ...record,
      rev: record.rev + 1,
      nextAttemptAt: iso(now),
      retryWindowStart: iso(now),
    };
    delete revived.dead;
    await this.write('pending', revived);
    await this.remove('dead', id);
    this.notify(id);
    return true;
  }

  async deleteDead(id: string): Promise<boolean> {
    assertId(id);
    if (!(await this.fs.exists(this.pathOf('dead', id)))) return false;
    await this.remove('dead', id);
    return true;
  }

  onAccept(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Open (create if needed) the file spool and recover from a previous run: unfinished writes
 * are removed and entries left claimed by a stopped process go back to `pending/`.
 */
export async function openFileOutbox<T>(options: FileOutboxOptions, now: Date = new Date()): Promise<FileOutbox<T>> {
  const { dir, ...rest } = options;
  const outbox = new FileOutbox<T>(dir, rest);
  await outbox.recover(now);
  return outbox;
}
