/**
 * When to try again after a failed delivery: growing waits, and a maximum age after which
 * the entry becomes a dead letter for a person to look at. Status is derived from the
 * timestamps (accepted at, attempts), as in alphagov/forms-runner's delivery records.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A retry schedule. */
export interface RetryPolicy {
  /** The wait after the 1st, 2nd, … failed attempt; the last value repeats. */
  delaysMs: readonly number[];
  /**
   * Give up this long after acceptance. The last wait is shortened so that one final
   * attempt happens at the limit; if that fails too, the entry is dead.
   */
  maxAgeMs: number;
  /** Give up after this many attempts, whatever the age (tests; default no limit). */
  maxAttempts?: number;
}

/**
 * The default: 1, 5, 15, 30 minutes, then 1, 2, 4, 8 and every 12 hours, for at most 72
 * hours — about 14 attempts, enough to ride out a mail server's weekend outage. A message
 * that still fails is kept in `dead/` (never deleted).
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: [1 * MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, 1 * HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 12 * HOUR],
  maxAgeMs: 72 * HOUR,
};

/**
 * Check a policy from configuration.
 * @throws Error naming the bad value
 */
export function assertRetryPolicy(policy: RetryPolicy): void {
  if (policy.delaysMs.length === 0) throw new Error('retry policy: delaysMs needs at least one wait');
  for (const d of policy.delaysMs) {
    if (!Number.isFinite(d) || d < 0)
      throw new Error(`retry policy: wait ${d} is not a non-negative number of milliseconds`);
  }
  if (!Number.isFinite(policy.maxAgeMs) || policy.maxAgeMs <= 0)
    throw new Error('retry policy: maxAgeMs must be positive');
  if (policy.maxAttempts !== undefined && (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1)) {
    throw new Error('retry policy: maxAttempts must be a whole number ≥ 1');
  }
}

/**
 * The time of the next attempt after `failedAttempts` failures, or `null` to give up.
 *
 * @param policy the schedule
 * @param createdAt when the entry was accepted
 * @param failedAttempts failures so far, including the one just recorded (≥ 1)
 * @param now the time of that failure
 */
export function nextAttemptAt(policy: RetryPolicy, createdAt: Date, failedAttempts: number, now: Date): Date | null {
  if (policy.maxAttempts !== undefined && failedAttempts >= policy.maxAttempts) return null;
  const deadline = createdAt.getTime() + policy.maxAgeMs;
  if (now.getTime() >= deadline) return null;
  const index = Math.min(Math.max(failedAttempts, 1), policy.delaysMs.length) - 1;
  const delay = policy.delaysMs[index] ?? 0;
  return new Date(Math.min(now.getTime() + delay, deadline));
}
