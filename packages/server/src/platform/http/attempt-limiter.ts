import { quotaWaitMs, type SlidingWindow } from '@tocsin/core';
import type { Clock } from '../clock';

/**
 * Counts failed attempts per key (in memory, per node) and says how long a key must wait under
 * a sliding-window quota: core's quotaWaitMs, the one quota rule. Only failures are recorded, so
 * successes are never refused for them. Keys that have nothing left in the window are dropped.
 */
export class AttemptLimiter {
  readonly #failures = new Map<string, number[]>();
  #sweptAt = 0;

  constructor(
    readonly quota: SlidingWindow,
    private readonly clock: Clock,
  ) {}

  /** Seconds to wait before another attempt from `key`, or null when it may try. */
  waitSeconds(key: string): number | null {
    const now = this.clock.now().getTime();
    const wait = quotaWaitMs(this.quota, this.#recent(key, now), now);
    return wait !== null && wait > 0 ? Math.ceil(wait / 1000) : null;
  }

  /** Records one failure of `key` now. */
  fail(key: string): void {
    const now = this.clock.now().getTime();
    const times = this.#recent(key, now);
    times.push(now);
    // Only the newest `limit` matter to the quota.
    if (times.length > this.quota.limit) times.splice(0, times.length - this.quota.limit);
    this.#failures.set(key, times);
    this.#sweep(now);
  }

  #recent(key: string, now: number): number[] {
    const times = this.#failures.get(key) ?? [];
    return times.filter((at) => at > now - this.quota.windowMs);
  }

  #sweep(now: number): void {
    if (now - this.#sweptAt < this.quota.windowMs) return;
    this.#sweptAt = now;
    for (const [key, times] of this.#failures) {
      if (!times.some((at) => at > now - this.quota.windowMs)) this.#failures.delete(key);
    }
  }
}

/** Tokens that fail to authenticate, per client address: 30 a minute, then refused. */
export const BAD_TOKEN_QUOTA = { limit: 30, windowMs: 60_000 } as const;

/**
 * The one count of failed tokens per client address, shared by the API's auth hook and the
 * stream's hello: a guesser gains nothing by switching from requests to sockets.
 */
export function badTokenLimiter(owner: { clock: Clock }): AttemptLimiter {
  return sharedLimiter(owner, 'bad-token', BAD_TOKEN_QUOTA);
}

/** One limiter per context and name, shared by every route that counts the same failures. */
const limiters = new WeakMap<object, Map<string, AttemptLimiter>>();
export function sharedLimiter(
  owner: { clock: Clock },
  name: string,
  quota: SlidingWindow,
): AttemptLimiter {
  let byName = limiters.get(owner);
  if (!byName) limiters.set(owner, (byName = new Map<string, AttemptLimiter>()));
  let limiter = byName.get(name);
  if (!limiter) byName.set(name, (limiter = new AttemptLimiter(quota, owner.clock)));
  return limiter;
}
