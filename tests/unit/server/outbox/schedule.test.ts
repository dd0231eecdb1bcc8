/** The retry schedule of the outbox (server/outbox/schedule.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from '../../../../server/outbox/schedule';

const T0 = new Date('2026-11-22T10:00:00.000Z');

describe('the default schedule', () => {
  it('grows, and gives up no later than 72 hours after acceptance', () => {
    const waits: number[] = [];
    let now = T0;
    let failures = 0;
    for (;;) {
      failures += 1;
      const next = nextAttemptAt(DEFAULT_RETRY_POLICY, T0, failures, now);
      if (!next) break;
      waits.push(next.getTime() - now.getTime());
      now = next;
    }
    for (let i = 1; i < waits.length - 1; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] ?? 0);
    expect(now.getTime() - T0.getTime()).toBe(72 * 3_600_000);
    expect(failures).toBeGreaterThanOrEqual(10);
    expect(waits[0]).toBe(60_000);
  });
});
