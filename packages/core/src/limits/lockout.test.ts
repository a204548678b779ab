import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockoutWaitMs, RECOVERY_LOCKOUT } from './lockout';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('lockoutWaitMs', () => {
  it('lets five failures an hour through, then locks the sixth until the first is an hour old', () => {
    const now = 10 * HOUR;
    const four = [1, 2, 3, 4].map((i) => now - 50 * MINUTE + i * MINUTE);
    expect(lockoutWaitMs(four, now)).toBeNull();
    const five = [...four, now - MINUTE];
    expect(lockoutWaitMs(five, now)).toBe(11 * MINUTE);
    expect(lockoutWaitMs(five, now + 11 * MINUTE)).toBeNull();
  });

  it('doubles the window with each round of five failures', () => {
    // Ten failures in a row one minute apart: the second round is counted over two hours.
    const start = 0;
    const ten = Array.from({ length: 10 }, (_, i) => start + i * MINUTE);
    const now = start + 10 * MINUTE;
    expect(lockoutWaitMs(ten, now)).toBe(5 * MINUTE + 2 * HOUR - 10 * MINUTE);
    const fifteen = Array.from({ length: 15 }, (_, i) => start + i * MINUTE);
    expect(lockoutWaitMs(fifteen, start + 15 * MINUTE)).toBe(10 * MINUTE + 4 * HOUR - 15 * MINUTE);
  });

  it('property: fewer than five remembered failures never lock', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 7 * 24 * HOUR }), { maxLength: 4 }),
        (times) => {
          const sorted = [...times].sort((a, b) => a - b);
          return lockoutWaitMs(sorted, 7 * 24 * HOUR) === null;
        },
      ),
    );
  });

  it('property: five failures inside an hour always lock, and another failure never shortens the wait', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: HOUR - 1 }), { minLength: 5, maxLength: 40 }),
        fc.integer({ min: 0, max: HOUR - 1 }),
        (offsets, extra) => {
          const now = 100 * HOUR;
          const times = offsets.map((o) => now - o).sort((a, b) => a - b);
          const wait = lockoutWaitMs(times, now);
          if (wait === null || wait <= 0) return false;
          const more = [...times, now - extra].sort((a, b) => a - b);
          const after = lockoutWaitMs(more, now);
          return after !== null && after >= wait;
        },
      ),
    );
  });

  it('property: the lock never outlasts the longest window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * 24 * HOUR }), { maxLength: 200 }),
        (offsets) => {
          const now = 20 * 24 * HOUR;
          const times = offsets.map((o) => now - o).sort((a, b) => a - b);
          const wait = lockoutWaitMs(times, now);
          return wait === null || wait <= RECOVERY_LOCKOUT.maxWindowMs;
        },
      ),
    );
  });
});
