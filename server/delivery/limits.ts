/**
 * Limits on confirmation e-mails, so that the form cannot be used to send mail to
 * strangers: the address is typed into a public form and nobody verifies it. At most
 * `perAddressPerDay` confirmations go to one address in 24 hours, and at most `perHour`
 * to all addresses together in one hour. A confirmation over a limit is not sent — the
 * person still has the reference on the confirmation page.
 *
 * Counted in memory (a restart forgets the counts; an attacker cannot restart the server),
 * by the address in lower case with any `+tag` removed, so `victim+1@…` and `Victim@…` count
 * as `victim@…`.
 */
import type { ConfirmationLimiter } from './worker';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The address a limit counts: lower case, without a `+tag` in the local part. */
export function limitKey(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at).toLowerCase();
  const domain = email.slice(at + 1).toLowerCase();
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}@${domain}`;
}

/** Create the limiter (0 for either limit: no confirmation is ever sent). */
export function createConfirmationLimiter(limits: { perAddressPerDay: number; perHour: number }): ConfirmationLimiter {
  const byAddress = new Map<string, number[]>();
  let global: number[] = [];
  return {
    allow(email, now) {
      const t = now.getTime();
      global = global.filter((at) => at > t - HOUR);
      const key = limitKey(email);
      const sent = (byAddress.get(key) ?? []).filter((at) => at > t - DAY);
      // Forget addresses whose day is over, so the map stays as small as a day's traffic.
      if (byAddress.size > 1000) {
        for (const [k, times] of byAddress) if (times.every((at) => at <= t - DAY)) byAddress.delete(k);
      }
      if (global.length >= limits.perHour || sent.length >= limits.perAddressPerDay) {
        byAddress.set(key, sent);
        return false;
      }
      global.push(t);
      byAddress.set(key, [...sent, t]);
      return true;
    },
  };
}
