import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateIdError, FileOutbox, nodeSpoolFs, openFileOutbox } from '../../../../server/outbox/index';
import type { RetryPolicy, SpoolFs } from '../../../../server/outbox/index';

interface Payload {
  name: string;
  message: string;
}

const PAYLOAD: Payload = { name: 'Ilze Bērziņa', message: 'Meitai ir smagi funkcionālie traucējumi.' };
const T0 = new Date('2026-11-22T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const POLICY: RetryPolicy = { delaysMs: [100, 200, 400], maxAgeMs: 10_000 };

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kv-outbox-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function files(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

function open(
  options: {
    retry?: RetryPolicy;
    retentionDays?: number;
    fs?: SpoolFs;
    onQuarantine?: (file: string, state: string) => void;
  } = {},
  now = T0,
): Promise<FileOutbox<Payload>> {
  return openFileOutbox<Payload>({ dir, retry: POLICY, ...options }, now);
}

describe('accept', () => {
  it('has the entry on disk, complete, when it resolves', async () => {
    const outbox = await open();
    const entry = await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const path = join(dir, 'pending', 'KV-ABCD-EFGH.json');
    expect(existsSync(path)).toBe(true);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ id: 'KV-ABCD-EFGH', createdAt: T0.toISOString(), attempts: [], payload: PAYLOAD });
    expect(entry.nextAttemptAt).toBe(T0.toISOString());
    // Nothing half-written is left behind.
    expect(files()).toEqual(['pending/KV-ABCD-EFGH.json']);
  });

  it('writes a temp file, fsyncs it, renames it into pending/ and fsyncs the folder — all before resolving', async () => {
    const calls: string[] = [];
    let resolved = false;
    const spy: SpoolFs = {
      ...nodeSpoolFs,
      async writeFileSynced(path, data) {
        calls.push(`write+fsync ${relative(dir, path).split('/')[0]}`);
        expect(resolved).toBe(false);
        await nodeSpoolFs.writeFileSynced(path, data);
      },
      async rename(from, to) {
        calls.push(`rename ${relative(dir, from).split('/')[0]} -> ${relative(dir, to)}`);
        await nodeSpoolFs.rename(from, to);
      },
      async syncDir(d) {
        calls.push(`fsync dir ${relative(dir, d)}`);
        expect(resolved).toBe(false);
        await nodeSpoolFs.syncDir(d);
      },
    };
    const outbox = await open({ fs: spy });
    calls.length = 0;
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0).then(() => {
      resolved = true;
    });
    expect(calls.filter((c) => !c.startsWith('exists'))).toEqual([
      'write+fsync tmp',
      'rename tmp -> pending/KV-ABCD-EFGH.json',
      'fsync dir pending',
    ]);
  });

  it('rejects (so the caller does not reply "sent") when the folder cannot be fsynced', async () => {
    const failing: SpoolFs = {
      ...nodeSpoolFs,
      async syncDir(d) {
        if (d.endsWith('pending')) throw Object.assign(new Error('EIO'), { code: 'EIO' });
        await nodeSpoolFs.syncDir(d);
      },
    };
    const outbox = await open({ fs: failing });
    await expect(outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0)).rejects.toThrow('EIO');
  });

  it('survives a restart: a new instance on the same folder delivers it', async () => {
    const first = await open();
    await first.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const second = await open();
    expect((await second.due(T0)).map((e) => e.id)).toEqual(['KV-ABCD-EFGH']);
  });

  it('refuses an id that exists in any state, without touching it', async () => {
    const outbox = await open({ retry: { delaysMs: [1], maxAgeMs: 10_000, maxAttempts: 1 } });
    await outbox.accept('KV-AAAA-AAAA', PAYLOAD, T0);
    await expect(outbox.accept('KV-AAAA-AAAA', { name: 'x', message: 'y' }, T0)).rejects.toBeInstanceOf(
      DuplicateIdError,
    );
    const lease = await outbox.lease('KV-AAAA-AAAA', T0);
    if (!lease) throw new Error('no lease');
    await outbox.fail(lease, { message: 'boom' }, T0);
    await expect(outbox.accept('KV-AAAA-AAAA', PAYLOAD, T0)).rejects.toBeInstanceOf(DuplicateIdError);
    expect((await outbox.listDead())[0]?.payload).toEqual(PAYLOAD);
  });

  it('refuses two concurrent accepts of one id (one wins, nothing is overwritten)', async () => {
    const outbox = await open();
    const results = await Promise.allSettled([
      outbox.accept('KV-AAAA-AAAA', { name: 'first', message: '' }, T0),
      outbox.accept('KV-AAAA-AAAA', { name: 'second', message: '' }, T0),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const [due] = await outbox.due(T0);
    expect(due?.payload.name).toBe('first');
  });

  it('names files by id only (no personal data) and keeps them private', async () => {
    const outbox = await open();
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    for (const f of files()) {
      expect(f).not.toMatch(/Ilze|Bērziņa|Meitai/);
      expect(f).toMatch(/^pending\/KV-ABCD-EFGH\.json$/);
      expect(statSync(join(dir, f)).mode & 0o077).toBe(0);
    }
    expect(statSync(join(dir, 'pending')).mode & 0o077).toBe(0);
  });

  it('rejects ids that could escape the folder', async () => {
    const outbox = await open();
    for (const id of ['../x', 'a/b', '', '.hidden', 'KV..x']) {
      await expect(outbox.accept(id, PAYLOAD, T0)).rejects.toThrow(/Invalid outbox id/);
    }
  });

  it('wakes subscribers', async () => {
    const outbox = await open();
    const seen: string[] = [];
    const off = outbox.onAccept((id) => seen.push(id));
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    off();
    await outbox.accept('KV-ABCD-EFGJ', PAYLOAD, T0);
    expect(seen).toEqual(['KV-ABCD-EFGH']);
  });
});

describe('retries', () => {
  it('waits longer after each failure, repeating the last wait, and records every attempt', async () => {
    const outbox = await open();
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      expect((await outbox.due(now)).map((e) => e.id)).toEqual(['KV-ABCD-EFGH']);
      const lease = await outbox.lease('KV-ABCD-EFGH', now);
      if (!lease) throw new Error('no lease');
      const outcome = await outbox.fail(
        lease,
        { message: `451 try later #${i + 1}`, code: 'EENVELOPE', responseCode: 451 },
        now,
      );
      if (outcome.status !== 'retry') throw new Error('expected a retry');
      waits.push(outcome.nextAttemptAt.getTime() - now.getTime());
      // Not due a moment before the wait is over.
      expect(await outbox.due(new Date(outcome.nextAttemptAt.getTime() - 1))).toEqual([]);
      now = outcome.nextAttemptAt;
    }
    expect(waits).toEqual([100, 200, 400, 400]);
    const [entry] = await outbox.due(now);
    expect(entry?.attempts).toHaveLength(4);
    expect(entry?.attempts[3]).toMatchObject({
      ok: false,
      error: '451 try later #4',
      code: 'EENVELOPE',
      responseCode: 451,
    });
  });

  it('keeps the stored error text on one line', async () => {
    const outbox = await open();
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const lease = await outbox.lease('KV-ABCD-EFGH', T0);
    if (!lease) throw new Error('no lease');
    await outbox.fail(lease, { message: 'line one\r\nline two' }, T0);
    const [entry] = await outbox.due(at(1000));
    expect(entry?.attempts[0]?.error).toBe('line one line two');
  });

  it('moves the entry to dead/ with the reason once the limit is reached — payload intact', async () => {
    const outbox = await open({ retry: { delaysMs: [100], maxAgeMs: 60_000, maxAttempts: 3 } });
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    let now = T0;
    const statuses: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const lease = await outbox.lease('KV-ABCD-EFGH', now);
      if (!lease) throw new Error('no lease');
      const outcome = await outbox.fail(lease, { message: '550 5.1.1 mailbox unavailable', responseCode: 550 }, now);
      statuses.push(outcome.status);
      now = at(100 * (i + 1));
    }
    expect(statuses).toEqual(['retry', 'retry', 'dead']);
    expect(files()).toEqual(['dead/KV-ABCD-EFGH.json']);
    const [dead] = await outbox.listDead();
    expect(dead?.payload).toEqual(PAYLOAD);
    expect(dead?.attempts).toHaveLength(3);
    expect(dead?.dead?.reason).toMatch(/gave up after 3 failed attempts.*550 5\.1\.1/);
    expect(await outbox.due(at(1_000_000))).toEqual([]);
    expect(await outbox.stats()).toEqual({ pending: 0, leased: 0, dead: 1, delivered: 0 });
  });

  it('gives up at the maximum age, with one last attempt exactly at the limit', async () => {
    const outbox = await open({ retry: { delaysMs: [400], maxAgeMs: 1000 } });
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const tries: number[] = [];
    let now = T0;
    for (;;) {
      const lease = await outbox.lease('KV-ABCD-EFGH', now);
      if (!lease) throw new Error('no lease');
      tries.push(now.getTime() - T0.getTime());
      const outcome = await outbox.fail(lease, { message: 'down' }, now);
      if (outcome.status === 'dead') break;
      now = outcome.nextAttemptAt;
    }
    expect(tries).toEqual([0, 400, 800, 1000]);
  });

  it('lets an operator requeue a dead letter with a fresh window', async () => {
    const outbox = await open({ retry: { delaysMs: [100], maxAgeMs: 60_000, maxAttempts: 1 } });
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const lease = await outbox.lease('KV-ABCD-EFGH', T0);
    if (!lease) throw new Error('no lease');
    expect((await outbox.fail(lease, { message: 'x' }, T0)).status).toBe('dead');
    expect(await outbox.requeueDead('KV-ABCD-EFGH', at(5000))).toBe(true);
    const [entry] = await outbox.due(at(5000));
    expect(entry?.dead).toBeUndefined();
    expect(entry?.attempts).toHaveLength(1);
    expect(files()).toEqual(['pending/KV-ABCD-EFGH.json']);
  });

  it('lets an operator delete a dead letter, and nothing else', async () => {
    const outbox = await open({ retry: { delaysMs: [100], maxAgeMs: 60_000, maxAttempts: 1 } });
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    await outbox.accept('KV-WXYZ-2345', PAYLOAD, T0);
    const lease = await outbox.lease('KV-ABCD-EFGH', T0);
    if (!lease) throw new Error('no lease');
    await outbox.fail(lease, { message: 'x' }, T0);
    expect(await outbox.deleteDead('KV-WXYZ-2345')).toBe(false);
    expect(await outbox.deleteDead('KV-ABCD-EFGH')).toBe(true);
    expect(await outbox.deleteDead('KV-ABCD-EFGH')).toBe(false);
    expect(files()).toEqual(['pending/KV-WXYZ-2345.json']);
  });
});

describe('delivery', () => {
  it('with retention 0 deletes the entry at once', async () => {
    const outbox = await open();
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const lease = await outbox.lease('KV-ABCD-EFGH', T0);
    if (!lease) throw new Error('no lease');
    await outbox.ack(lease, T0);
    expect(files()).toEqual([]);
    expect(await outbox.has('KV-ABCD-EFGH')).toBe(false);
  });

  it('with retention keeps it in sent/ until the period is over', async () => {
    const outbox = await open({ retentionDays: 1 });
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const lease = await outbox.lease('KV-ABCD-EFGH', T0);
    if (!lease) throw new Error('no lease');
    await outbox.ack(lease, T0);
    expect(files()).toEqual(['sent/KV-ABCD-EFGH.json']);
    expect(await outbox.purge(at(23 * 3_600_000))).toBe(0);
    expect(await outbox.purge(at(24 * 3_600_000))).toBe(1);
    expect(files()).toEqual([]);
  });

  it('lets one claimant lease an entry at a time', async () => {
    const outbox = await open();
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    expect(await outbox.lease('KV-ABCD-EFGH', T0)).not.toBeNull();
    expect(await outbox.lease('KV-ABCD-EFGH', T0)).toBeNull();
    expect(await outbox.due(T0)).toEqual([]);
  });
});

describe('after a crash', () => {
  it('picks up an entry leased but never acknowledged, counting the interrupted attempt', async () => {
    const before = await open();
    await before.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    expect(await before.lease('KV-ABCD-EFGH', T0)).not.toBeNull();
    expect(files()).toEqual(['leased/KV-ABCD-EFGH.json']);
    // "Restart": a new instance on the same folder.
    const after = await open({}, at(50));
    expect(files()).toEqual(['pending/KV-ABCD-EFGH.json']);
    expect(await after.due(at(50))).toEqual([]);
    const [entry] = await after.due(at(150));
    expect(entry?.payload).toEqual(PAYLOAD);
    expect(entry?.attempts).toEqual([expect.objectContaining({ ok: false, code: 'INTERRUPTED' })]);
    const lease = await after.lease('KV-ABCD-EFGH', at(150));
    if (!lease) throw new Error('no lease');
    await after.ack(lease, at(150));
    expect(files()).toEqual([]);
  });

  it('keeps the newer copy when a crash left two, and removes unfinished writes', async () => {
    const outbox = await open();
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const lease = await outbox.lease('KV-ABCD-EFGH', T0);
    if (!lease) throw new Error('no lease');
    // The crash: the failure's new version (rev 2) is in pending/, the leased copy (rev 1)
    // was not unlinked yet, and a temp file of a later write is half-written.
    await outbox.fail(lease, { message: 'down' }, T0);
    const pending = readFileSync(join(dir, 'pending', 'KV-ABCD-EFGH.json'), 'utf8');
    const stale = { ...(JSON.parse(pending) as Record<string, unknown>), rev: 1, attempts: [] };
    writeFileSync(join(dir, 'leased', 'KV-ABCD-EFGH.json'), JSON.stringify(stale));
    writeFileSync(join(dir, 'tmp', 'KV-ABCD-EFGH.3.x.json'), '{"format":');
    await open({}, at(10));
    expect(files()).toEqual(['pending/KV-ABCD-EFGH.json']);
    expect(readFileSync(join(dir, 'pending', 'KV-ABCD-EFGH.json'), 'utf8')).toBe(pending);
  });

  it('sets an unreadable file aside and still delivers the others', async () => {
    const outbox = await open();
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    writeFileSync(join(dir, 'pending', 'KV-BROK-ENNN.json'), 'not json');
    expect((await outbox.due(T0)).map((e) => e.id)).toEqual(['KV-ABCD-EFGH']);
    await open({}, T0);
    expect(files().filter((f) => f.startsWith('pending/'))).toEqual(['pending/KV-ABCD-EFGH.json']);
    expect(files().some((f) => f.startsWith('dead/KV-BROK-ENNN.pending.') && f.endsWith('.unreadable'))).toBe(true);
  });
});

describe('the retry schedule it is given', () => {
  it('refuses a schedule without waits', () => {
    expect(() => new FileOutbox(dir, { retry: { delaysMs: [], maxAgeMs: 1 } })).toThrow(/delaysMs/);
  });
});

describe('faults (W5, W7)', () => {
  /** The real file system, except that writing a new file fails while `full` is set (ENOSPC after a partial write). */
  function fullDisk(): { fs: SpoolFs; setFull: (v: boolean) => void } {
    let full = false;
    return {
      setFull: (v) => {
        full = v;
      },
      fs: {
        ...nodeSpoolFs,
        async writeFileSynced(path, data) {
          if (!full) return nodeSpoolFs.writeFileSynced(path, data);
          // What a full disk does: the file is created, then the write fails.
          writeFileSync(path, '');
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
    };
  }

  it('removes the temporary file of a failed write', async () => {
    const disk = fullDisk();
    const outbox = await open({ fs: disk.fs });
    disk.setFull(true);
    await expect(outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(files()).toEqual([]);
  });

  it('releases a lease whose failed attempt could not be written back: waiting again after the hold, no restart', async () => {
    const disk = fullDisk();
    const outbox = await open({ fs: disk.fs });
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    const lease = await outbox.lease('KV-ABCD-EFGH', T0);
    if (!lease) throw new Error('no lease');
    disk.setFull(true);
    await expect(outbox.fail(lease, { message: 'down' }, T0)).rejects.toMatchObject({ code: 'ENOSPC' });
    await outbox.release(lease, T0, 1000);
    expect(files()).toEqual(['pending/KV-ABCD-EFGH.json']);
    // Not due during the hold; due after it; and it can be leased again by this process.
    expect(await outbox.due(at(500))).toEqual([]);
    expect((await outbox.nextDueAt())?.toISOString()).toBe(at(1000).toISOString());
    expect((await outbox.due(at(1000))).map((e) => e.id)).toEqual(['KV-ABCD-EFGH']);
    disk.setFull(false);
    const again = await outbox.lease('KV-ABCD-EFGH', at(1000));
    expect(again?.entry.attempts).toEqual([]);
  });

  it('brings back what is left in leased/ but held by nobody, keeping a newer written-back version', async () => {
    const outbox = await open();
    await outbox.accept('KV-AAAA-AAAA', PAYLOAD, T0);
    await outbox.accept('KV-BBBB-BBBB', PAYLOAD, T0);
    await outbox.accept('KV-CCCC-CCCC', PAYLOAD, T0);
    const held = await outbox.lease('KV-CCCC-CCCC', T0);
    // A stray leased file (an earlier lease's rename back failed), and an id whose newer version is written back.
    const a = readFileSync(join(dir, 'pending', 'KV-AAAA-AAAA.json'), 'utf8');
    writeFileSync(join(dir, 'leased', 'KV-AAAA-AAAA.json'), a);
    rmSync(join(dir, 'pending', 'KV-AAAA-AAAA.json'));
    const b = JSON.parse(readFileSync(join(dir, 'pending', 'KV-BBBB-BBBB.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'leased', 'KV-BBBB-BBBB.json'), JSON.stringify({ ...b, rev: 0 }));
    expect(await outbox.reclaimStale()).toEqual(['KV-AAAA-AAAA']);
    expect(files()).toEqual(['leased/KV-CCCC-CCCC.json', 'pending/KV-AAAA-AAAA.json', 'pending/KV-BBBB-BBBB.json']);
    expect(JSON.parse(readFileSync(join(dir, 'pending', 'KV-BBBB-BBBB.json'), 'utf8'))).toMatchObject({ rev: 1 });
    expect(held).not.toBeNull();
  });

  it('names the leases held longer than their limit', async () => {
    const outbox = await open();
    await outbox.accept('KV-ABCD-EFGH', PAYLOAD, T0);
    await outbox.lease('KV-ABCD-EFGH', T0);
    expect(outbox.stuckLeases(at(1000), 1000)).toEqual([]);
    expect(outbox.stuckLeases(at(1001), 1000)).toEqual(['KV-ABCD-EFGH']);
  });

  it.each([
    ['a date that does not parse', { nextAttemptAt: 'not a date' }],
    ['no payload', { payload: undefined }],
    ['a payload that is not an object', { payload: 'x' }],
    ['no list of attempts', { attempts: null }],
    ['another format', { format: 'other@1' }],
  ])('quarantines a record with %s at once, says so, and lists it', async (_what, patch) => {
    const quarantined: string[] = [];
    const outbox = await open({ onQuarantine: (file) => quarantined.push(file) });
    await outbox.accept('KV-GOOD-GOOD', PAYLOAD, T0);
    const good = JSON.parse(readFileSync(join(dir, 'pending', 'KV-GOOD-GOOD.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'pending', 'KV-BADD-BADD.json'), JSON.stringify({ ...good, id: 'KV-BADD-BADD', ...patch }));
    expect((await outbox.due(T0)).map((e) => e.id)).toEqual(['KV-GOOD-GOOD']);
    // A bad date can never make the next wake-up NaN.
    expect((await outbox.nextDueAt())?.toISOString()).toBe(T0.toISOString());
    expect(quarantined).toEqual([expect.stringMatching(/^KV-BADD-BADD\.pending\.\d+\.unreadable$/)]);
    expect(await outbox.listQuarantined()).toEqual(quarantined);
    expect(files()).toContain(`dead/${quarantined[0] ?? ''}`);
  });

  it('a permanent failure goes to dead/ at the first attempt; a dropped entry is gone', async () => {
    const outbox = await open();
    await outbox.accept('KV-AAAA-AAAA', PAYLOAD, T0);
    await outbox.accept('KV-BBBB-BBBB', PAYLOAD, T0);
    const a = await outbox.lease('KV-AAAA-AAAA', T0);
    const b = await outbox.lease('KV-BBBB-BBBB', T0);
    if (!a || !b) throw new Error('no lease');
    const outcome = await outbox.fail(a, { message: '550 5.1.1 no such user', responseCode: 550 }, T0, {
      permanent: true,
    });
    expect(outcome).toMatchObject({ status: 'dead', attempt: 1 });
    expect((await outbox.listDead())[0]?.dead?.reason).toMatch(/^permanent failure, not retried: 550/);
    await outbox.drop(b);
    expect(files()).toEqual(['dead/KV-AAAA-AAAA.json']);
  });
});
