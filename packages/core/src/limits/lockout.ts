import { quotaWaitMs } from './sliding-window';

const HOUR = 3_600_000;

/** Recovery attempts per handle: 5 failures an hour, then a lock-out that doubles each round. */
export const RECOVERY_LOCKOUT = {
  /** Failures allowed inside one window. */
  limit: 5,
  /** The first window; each further round of `limit` failures doubles it. */
  baseWindowMs: HOUR,
  /** The longest window, and how long failures are remembered. */
  maxWindowMs: 7 * 24 * HOUR,
} as const;

/**
 * How long (ms) a handle must wait before one more recovery attempt, or null when it may try
 * now. `failures` are the handle's failed attempts of the last `maxWindowMs`, oldest first
 * (epoch ms). Each full round of `limit` failures doubles the window the next `limit` are
 * counted in (1 h, 2 h, 4 h … up to 7 days), so a guesser slows down ever more while the owner,
 * who fails a few times at most, is barely held up. One quota rule: core's quotaWaitMs.
 */
export function lockoutWaitMs(
  failures: readonly number[],
  now: number,
  rule: { limit: number; baseWindowMs: number; maxWindowMs: number } = RECOVERY_LOCKOUT,
): number | null {
  const remembered = failures.filter((at) => at > now - rule.maxWindowMs && at <= now);
  const rounds = Math.floor(remembered.length / rule.limit);
  const windowMs = Math.min(rule.maxWindowMs, rule.baseWindowMs * 2 ** Math.max(0, rounds - 1));
  const inWindow = remembered.filter((at) => at > now - windowMs);
  const wait = quotaWaitMs({ limit: rule.limit, windowMs }, inWindow, now);
  return wait !== null && wait > 0 ? wait : null;
}
