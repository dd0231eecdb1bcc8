/** One server process per outbox: the pid file in the spool. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpoolLockedError, lockSpool } from '../../../../server/outbox/lock';

const spool = (): string => mkdtempSync(join(tmpdir(), 'kv-lock-'));

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('lockSpool', () => {
  it('writes this process id and refuses a second holder until released', async () => {
    const dir = spool();
    const lock = await lockSpool(dir);
    expect(readFileSync(join(dir, 'server.pid'), 'utf8')).toBe(`${process.pid}\n`);
    await expect(lockSpool(dir)).rejects.toBeInstanceOf(SpoolLockedError);
    await lock.release();
    expect(existsSync(join(dir, 'server.pid'))).toBe(false);
    await (await lockSpool(dir)).release();
  });

  it('refuses while the process named in the file is alive, naming it', async () => {
    const dir = spool();
    // The test runner's parent process is alive for the whole test.
    writeFileSync(join(dir, 'server.pid'), `${process.ppid}\n`);
    const error = await lockSpool(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpoolLockedError);
    expect((error as Error).message).toContain(`pid ${process.ppid}`);
    expect(readFileSync(join(dir, 'server.pid'), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it.each([
    ['a process that has exited', () => `${deadPid()}\n`],
    ['this pid, not held (a container restarted as the same pid)', () => `${process.pid}\n`],
    ['garbage', () => 'not a pid'],
    ['nothing', () => ''],
  ])('takes over a file left by %s', async (_, content) => {
    const dir = spool();
    writeFileSync(join(dir, 'server.pid'), content());
    const lock = await lockSpool(dir);
    expect(readFileSync(join(dir, 'server.pid'), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
  });

  it('release leaves a file that another process has taken over', async () => {
    const dir = spool();
    const lock = await lockSpool(dir);
    writeFileSync(join(dir, 'server.pid'), `${process.ppid}\n`);
    await lock.release();
    expect(readFileSync(join(dir, 'server.pid'), 'utf8')).toBe(`${process.ppid}\n`);
  });
});
