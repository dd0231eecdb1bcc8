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
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_RETRY_POLICY, assertRetryPolicy, nextAttemptAt } from './schedule';
import type { RetryPolicy } from './schedule';
import { DuplicateIdError } from './types';
import type { AttemptFailure, AttemptRecord, FailOutcome, Lease, Outbox, OutboxEntry, OutboxStats } from './types';

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
  private readonly policy: RetryPolicy;
  private readonly retentionMs: number;
  private readonly fs: SpoolFs;

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
    await this.fs.writeFileSynced(tmp, `${JSON.stringify(record, null, 2)}\n`);
    try {
      await this.fs.rename(tmp, this.pathOf(state, record.id));
    } catch (error) {
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

  private async read(state: State, id: string): Promise<StoredRecord<T> | null> {
    let text: string;
    try {
      text = await this.fs.readFile(this.pathOf(state, id));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    const record = JSON.parse(text) as StoredRecord<T>;
    if (record.format !== FORMAT || record.id !== id || typeof record.rev !== 'number') {
      throw new Error(`${state}/${id}.json is not an outbox entry`);
    }
    return record;
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
        record = await this.read('pending', id);
      } catch {
        // Unreadable: left for `recover` to move aside; never stop the others.
        continue;
      }
      if (record && Date.parse(record.nextAttemptAt) <= now.getTime()) due.push(record);
    }
    due.sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt));
    return due.slice(0, limit).map(toEntry);
  }

  async lease(id: string, now: Date): Promise<Lease<T> | null> {
    assertId(id);
    if (this.held.has(id)) return null;
    try {
      // The claim: atomic, so only one claimant wins. It needs no fsync — if it is lost in
      // a crash the entry is simply still pending, which is safe.
      await this.fs.rename(this.pathOf('pending', id), this.pathOf('leased', id));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    const record = await this.read('leased', id);
    if (!record) return null;
    const lease: Lease<T> = { id, entry: toEntry(record), leasedAt: now };
    this.held.set(id, { lease, record });
    return lease;
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
  private async recordFailure(record: StoredRecord<T>, failure: AttemptFailure, now: Date): Promise<FailOutcome> {
    const attempt: AttemptRecord = { at: iso(now), ok: false, error: cleanErrorText(failure.message) };
    if (failure.code !== undefined) attempt.code = failure.code;
    if (failure.responseCode !== undefined) attempt.responseCode = failure.responseCode;
    const next: StoredRecord<T> = { ...record, rev: record.rev + 1, attempts: [...record.attempts, attempt] };
    const failures = this.failuresInWindow(next);
    const windowStart = new Date(record.retryWindowStart ?? record.createdAt);
    const at = nextAttemptAt(this.policy, windowStart, failures, now);
    const attemptNo = next.attempts.length;
    if (at) {
      await this.write('pending', { ...next, nextAttemptAt: iso(at) });
      return { status: 'retry', attempt: attemptNo, nextAttemptAt: at };
    }
    const hours = Math.round(((now.getTime() - windowStart.getTime()) / 3_600_000) * 10) / 10;
    const reason = `gave up after ${failures} failed attempts in ${hours} h; last: ${attempt.error ?? ''}`;
    await this.write('dead', { ...next, dead: { at: iso(now), reason } });
    return { status: 'dead', attempt: attemptNo, reason };
  }

  async fail(lease: Lease<T>, failure: AttemptFailure, now: Date): Promise<FailOutcome> {
    const { record } = this.take(lease);
    const outcome = await this.recordFailure(record, failure, now);
    await this.remove('leased', lease.id);
    this.held.delete(lease.id);
    return outcome;
  }

  async nextDueAt(): Promise<Date | null> {
    let earliest: number | null = null;
    for (const id of await this.ids('pending')) {
      try {
        const record = await this.read('pending', id);
        if (!record) continue;
        const t = Date.parse(record.nextAttemptAt);
        if (earliest === null || t < earliest) earliest = t;
      } catch {
        continue;
      }
    }
    return earliest === null ? null : new Date(earliest);
  }

  /** Move an unreadable file out of the way (into `dead/`, under a name nothing parses). */
  private async quarantine(state: State, id: string): Promise<void> {
    await this.fs.rename(this.pathOf(state, id), join(this.dirOf('dead'), `${id}.${state}.${Date.now()}.unreadable`));
    await this.fs.syncDir(this.dirOf('dead'));
    await this.fs.syncDir(this.dirOf(state));
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
        let record: StoredRecord<T> | null;
        try {
          record = await this.read(state, id);
        } catch {
          await this.quarantine(state, id);
          continue;
        }
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
      const record = await this.read('sent', id).catch(() => null);
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
      const record = await this.read('dead', id);
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
