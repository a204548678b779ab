import { lockoutWaitMs, RECOVERY_LOCKOUT } from '@tocsin/core';
import type { Clock } from '../../platform';

/** Most (address, account) pairs remembered; past it the oldest are forgotten first. */
const MAX_PAIRS = 100_000;

/**
 * Failed recoveries per (client address, account), in memory. A lock-out per account alone would
 * let anyone who knows a handle lock its owner out for days, just when a seized phone makes
 * recovery urgent; per pair, a guesser locks only their own address out of that account. A
 * guesser with many addresses gains 5 tries an hour per address and per account: against codes
 * of 80 bits (50 for the oldest) that is no way in (docs/adr/0019-recovery-lockout-per-address.md).
 * Per node and forgotten at a restart, like the other per-address limits: what it holds is an
 * address key (keyed with a secret that rotates, never the address) and a member id.
 */
export class RecoveryLockout {
  readonly #failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** How long (ms) this address must wait before trying this account again, or null. */
  waitMs(addressKey: string, memberId: string): number | null {
    const now = this.clock.now().getTime();
    return lockoutWaitMs(this.#remembered(`${addressKey}|${memberId}`, now), now);
  }

  fail(addressKey: string, memberId: string): void {
    const now = this.clock.now().getTime();
    const key = `${addressKey}|${memberId}`;
    const times = this.#remembered(key, now);
    times.push(now);
    // Re-inserted at the end: the map's order is oldest-touched first.
    this.#failures.delete(key);
    this.#failures.set(key, times);
    while (this.#failures.size > MAX_PAIRS) {
      const oldest = this.#failures.keys().next().value;
      if (oldest === undefined) break;
      this.#failures.delete(oldest);
    }
  }

  /** A right code clears this address's failures on the account. */
  clear(addressKey: string, memberId: string): void {
    this.#failures.delete(`${addressKey}|${memberId}`);
  }

  #remembered(key: string, now: number): number[] {
    const times = this.#failures.get(key) ?? [];
    return times.filter((at) => at > now - RECOVERY_LOCKOUT.maxWindowMs && at <= now);
  }
}

const lockouts = new WeakMap<object, RecoveryLockout>();

/** The one recovery lock-out of a context (an app and its node). */
export function recoveryLockout(owner: { clock: Clock }): RecoveryLockout {
  let lockout = lockouts.get(owner);
  if (!lockout) lockouts.set(owner, (lockout = new RecoveryLockout(owner.clock)));
  return lockout;
}
