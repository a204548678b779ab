import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/platform/clock';
import { RecoveryLockout } from '../src/membership/account/recovery-lockout';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('RecoveryLockout', () => {
  it('locks an address out of an account after 5 failures an hour, longer each round, and never another address', () => {
    const clock = new ManualClock('2026-03-02T18:00:00Z');
    const lockout = new RecoveryLockout(clock);
    for (let i = 0; i < 4; i++) {
      lockout.fail('a:guesser', 'member-1');
      clock.advance(MINUTE);
    }
    expect(lockout.waitMs('a:guesser', 'member-1')).toBeNull();
    lockout.fail('a:guesser', 'member-1');
    const first = lockout.waitMs('a:guesser', 'member-1');
    expect(first).toBeGreaterThan(50 * MINUTE);
    expect(first).toBeLessThanOrEqual(HOUR);
    // The owner, elsewhere, and the guesser on another account are not locked.
    expect(lockout.waitMs('a:owner', 'member-1')).toBeNull();
    expect(lockout.waitMs('a:guesser', 'member-2')).toBeNull();
    clock.advance(HOUR);
    expect(lockout.waitMs('a:guesser', 'member-1')).toBeNull();
    for (let i = 0; i < 5; i++) lockout.fail('a:guesser', 'member-1');
    // The second round's window is two hours.
    expect(lockout.waitMs('a:guesser', 'member-1')).toBeGreaterThan(HOUR + 50 * MINUTE);
    lockout.clear('a:guesser', 'member-1');
    expect(lockout.waitMs('a:guesser', 'member-1')).toBeNull();
  });

  it('forgets failures after the longest window (7 days)', () => {
    const clock = new ManualClock('2026-03-02T18:00:00Z');
    const lockout = new RecoveryLockout(clock);
    for (let i = 0; i < 20; i++) lockout.fail('a:x', 'm');
    expect(lockout.waitMs('a:x', 'm')).not.toBeNull();
    clock.advance(7 * 24 * HOUR + MINUTE);
    expect(lockout.waitMs('a:x', 'm')).toBeNull();
  });
});
