/** The referral jobs of the outbox (server/outbox/jobs.ts). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateReferral } from '../../../../src/domain/referral/index';
import type { Referral } from '../../../../src/domain/referral/index';
import { openFileOutbox } from '../../../../server/outbox/index';
import { acceptReferral } from '../../../../server/delivery/index';
import type { FileOutbox } from '../../../../server/outbox/index';
import type { MailJob } from '../../../../server/delivery/index';
import { OPTIONS, serviceRequest } from '../../domain/referral/fixtures';

function referral(patch: Record<string, unknown> = {}): Referral {
  const r = validateReferral(serviceRequest(patch), OPTIONS);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

let dir: string;
let outbox: FileOutbox<MailJob>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kv-jobs-'));
  outbox = await openFileOutbox<MailJob>({ dir, retry: { delaysMs: [10, 20], maxAgeMs: 60_000, maxAttempts: 3 } });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('acceptReferral', () => {
  it('draws another reference when one is taken', async () => {
    const refs = ['KV-AAAA-AAAA', 'KV-AAAA-AAAA', 'KV-BBBB-BBBB'];
    const first = await acceptReferral(outbox, referral(), { newReference: () => refs.shift() ?? 'x' });
    const second = await acceptReferral(outbox, referral(), { newReference: () => refs.shift() ?? 'x' });
    expect([first.reference, second.reference]).toEqual(['KV-AAAA-AAAA', 'KV-BBBB-BBBB']);
  });
});
