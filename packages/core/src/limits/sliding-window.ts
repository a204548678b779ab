/**
 * A rolling quota: at most `limit` acts in any `windowMs`. Counting the acts inside the window
 * (rather than resetting a counter on the hour) means a burst at the end of one window cannot be
 * followed by another at the start of the next.
 */
export interface SlidingWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * How long (ms) until one more act fits the quota, or null when it fits now. `times` are the
 * acts inside the window ending `now`, oldest first (epoch ms); the wait runs until the act that
 * would be one too many leaves the window.
 */
export function quotaWaitMs(
  quota: SlidingWindow,
  times: readonly number[],
  now: number,
): number | null {
  if (times.length < quota.limit) return null;
  const oldest = times[times.length - quota.limit] ?? now;
  return oldest + quota.windowMs - now;
}
