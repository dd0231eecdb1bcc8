/**
 * `npm run outbox` (scripts/outbox.ts) in-process, on a real spool: it lists dead letters
 * without personal data and puts them back in line. One run as a real process is in
 * tests/integration/scripts/outbox.test.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/outbox';
import { runMain } from '../../helpers/cli';
import { validateReferral } from '../../../src/domain/referral/index';
import { acceptReferral, openReferralOutbox } from '../../../server/delivery/index';
import { OPTIONS, serviceRequest } from '../domain/referral/fixtures';

let dataDir: string;

/** Run the command on this test's DATA_DIR; what it wrote and its exit code. */
async function outboxCommand(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runMain(main, args, { DATA_DIR: dataDir });
  return { code, out: stdout, err: stderr };
}

/** Accept `n` referrals; the first `dead` of them fail for good (one attempt allowed). */
async function spool(n: number, dead: number): Promise<string[]> {
  const outbox = await openReferralOutbox(dataDir, { retry: { delaysMs: [1000], maxAgeMs: 60_000, maxAttempts: 1 } });
  const refs: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = validateReferral(serviceRequest({ message: `Ziņa ${i}: bērnam ir epilepsija` }), OPTIONS);
    if (!r.ok) throw new Error('fixture invalid');
    refs.push((await acceptReferral(outbox, r.value)).reference);
  }
  for (const ref of refs.slice(0, dead)) {
    const lease = await outbox.lease(ref, new Date());
    if (!lease) throw new Error('not leased');
    await outbox.fail(
      lease,
      { message: '550 5.1.1 <socialais@example.test>: no such user', responseCode: 550 },
      new Date(),
    );
  }
  return refs;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kv-outbox-cli-'));
});

describe('npm run outbox', () => {
  it('status counts what waits and what gave up', async () => {
    await spool(3, 1);
    const { code, out } = await outboxCommand('status');
    expect(code).toBe(0);
    expect(out).toMatch(/waiting:\s+2/);
    expect(out).toMatch(/gave up \(dead\):\s+1/);
    expect(out).toContain('no server holds it');
  });

  it('lists the dead letters by reference, office and reason — no personal data', async () => {
    const [dead] = await spool(2, 1);
    const { code, out } = await outboxCommand('dead');
    expect(code).toBe(0);
    expect(out).toContain(dead);
    expect(out).toContain('kuldigas-novads');
    expect(out).toContain('550');
    for (const personal of ['Ilze', 'Bērziņa', '+371', 'ilze@example.test', 'epilepsija', 'Anna'])
      expect(out).not.toContain(personal);
  });

  it('lists the files set aside as unreadable (W7): by name only, in status and dead', async () => {
    const [waiting = ''] = await spool(1, 0);
    // A damaged file in pending/ (a record with a date that does not parse): the server sets it aside.
    const record = JSON.parse(readFileSync(join(dataDir, 'outbox', 'pending', `${waiting}.json`), 'utf8')) as object;
    writeFileSync(
      join(dataDir, 'outbox', 'pending', `${waiting}.json`),
      JSON.stringify({ ...record, nextAttemptAt: 'not a date' }),
    );
    const quarantined: string[] = [];
    const outbox = await openReferralOutbox(dataDir, { onQuarantine: (file) => quarantined.push(file) });
    expect(quarantined).toEqual([expect.stringMatching(new RegExp(`^${waiting}\\.pending\\.\\d+\\.unreadable$`))]);
    expect((await outbox.stats()).pending).toBe(0);
    const status = await outboxCommand('status');
    expect(status.out).toMatch(/unreadable files:\s+1/);
    const dead = await outboxCommand('dead');
    expect(dead.code).toBe(0);
    expect(dead.out).toContain('No dead letters.');
    expect(dead.out).toContain(quarantined[0]);
    expect(dead.out).toContain('1 unreadable file(s)');
    for (const personal of ['Ilze', 'Bērziņa', 'epilepsija']) expect(dead.out).not.toContain(personal);
  });

  it('retry puts a dead letter back in line; an unknown reference exits 3', async () => {
    const [dead = ''] = await spool(2, 1);
    const retried = await outboxCommand('retry', dead);
    expect(retried.code).toBe(0);
    expect(existsSync(join(dataDir, 'outbox', 'pending', `${dead}.json`))).toBe(true);
    expect(existsSync(join(dataDir, 'outbox', 'dead', `${dead}.json`))).toBe(false);
    expect((await outboxCommand('dead')).out).toContain('No dead letters.');

    const unknown = await outboxCommand('retry', 'KV-AAAA-AAAA', '../etc/passwd');
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('KV-AAAA-AAAA: not a dead letter');
  });

  it('delete removes a dead letter for good, and only a dead letter', async () => {
    const [dead = '', waiting = ''] = await spool(2, 1);
    const deleted = await outboxCommand('delete', dead);
    expect(deleted.code).toBe(0);
    expect(deleted.out).toContain(`${dead}: deleted`);
    expect(existsSync(join(dataDir, 'outbox', 'dead', `${dead}.json`))).toBe(false);
    const refused = await outboxCommand('delete', waiting);
    expect(refused.code).toBe(3);
    expect(existsSync(join(dataDir, 'outbox', 'pending', `${waiting}.json`))).toBe(true);
  });

  it('retry --all puts every dead letter back in line', async () => {
    await spool(3, 2);
    expect((await outboxCommand('retry', '--all')).code).toBe(0);
    expect((await outboxCommand('status')).out).toMatch(/waiting:\s+3/);
  });

  it('answers a wrong command with its usage and exit code 1', async () => {
    for (const args of [
      [],
      ['purge'],
      ['status', 'now'],
      ['retry'],
      ['retry', '--all', 'KV-AAAA-AAAA'],
      ['delete'],
      ['delete', '--all'],
    ]) {
      const { code, err } = await outboxCommand(...args);
      expect(code).toBe(1);
      expect(err).toContain('usage:');
    }
  });
});
