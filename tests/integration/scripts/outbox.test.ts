/**
 * `npm run outbox` (scripts/outbox.ts) as a real process, once: the file runs `main` with
 * the process's arguments, DATA_DIR and streams, and exits with its code. Each command is
 * tested in-process in tests/unit/scripts/outbox.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateReferral } from '../../../src/domain/referral/index';
import { acceptReferral, openReferralOutbox } from '../../../server/delivery/index';
import { OPTIONS, serviceRequest } from '../../unit/domain/referral/fixtures';

const ROOT = join(import.meta.dirname, '../../..');

describe('npm run outbox, as a process', () => {
  it('retries a dead letter, names an unknown reference on stderr and exits 3', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kv-outbox-cli-'));
    const outbox = await openReferralOutbox(dataDir, { retry: { delaysMs: [1000], maxAgeMs: 60_000, maxAttempts: 1 } });
    const r = validateReferral(serviceRequest({ message: 'bērnam ir epilepsija' }), OPTIONS);
    if (!r.ok) throw new Error('fixture invalid');
    const { reference } = await acceptReferral(outbox, r.value);
    const lease = await outbox.lease(reference, new Date());
    if (!lease) throw new Error('not leased');
    await outbox.fail(lease, { message: '550 5.1.1 no such user', responseCode: 550 }, new Date());

    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/outbox.ts', 'retry', reference, 'KV-AAAA-AAAA'],
      {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(3);
    expect(run.stdout).toContain(`${reference}: waiting again`);
    expect(run.stderr).toContain('KV-AAAA-AAAA: not a dead letter');
    expect(existsSync(join(dataDir, 'outbox', 'pending', `${reference}.json`))).toBe(true);
  });
});
