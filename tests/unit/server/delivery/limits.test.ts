/** The limits on confirmation e-mails (server/delivery/limits.ts): per address per day, and per hour in all. */
import { describe, expect, it } from 'vitest';
import { createConfirmationLimiter, limitKey } from '../../../../server/delivery/limits';

const T0 = new Date('2026-11-30T10:00:00Z');
const at = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);

describe('confirmation limits', () => {
  it('count an address in any case and with any +tag as one', () => {
    expect(limitKey('Victim+1@Victim.Example')).toBe('victim@victim.example');
    expect(limitKey('o+brien+x@example.lv')).toBe('o@example.lv');
  });

  it('allow at most so many per address in 24 hours', () => {
    const limit = createConfirmationLimiter({ perAddressPerDay: 2, perHour: 100 });
    expect(limit.allow('victim@victim.example', T0)).toBe(true);
    expect(limit.allow('VICTIM+2@victim.example', at(1))).toBe(true);
    expect(limit.allow('victim+3@victim.example', at(2))).toBe(false);
    // Another address is not affected; the first one is free again a day later.
    expect(limit.allow('someone@example.lv', at(3))).toBe(true);
    expect(limit.allow('victim@victim.example', at(24 * 60))).toBe(true);
  });

  it('allow at most so many per hour to all addresses together', () => {
    const limit = createConfirmationLimiter({ perAddressPerDay: 5, perHour: 3 });
    const results = ['a', 'b', 'c', 'd'].map((n, i) => limit.allow(`${n}@example.lv`, at(i)));
    expect(results).toEqual([true, true, true, false]);
    expect(limit.allow('e@example.lv', at(61))).toBe(true);
  });

  it('with a limit of 0 send none', () => {
    expect(createConfirmationLimiter({ perAddressPerDay: 0, perHour: 10 }).allow('a@example.lv', T0)).toBe(false);
    expect(createConfirmationLimiter({ perAddressPerDay: 3, perHour: 0 }).allow('a@example.lv', T0)).toBe(false);
  });
});
