import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotaWaitMs } from './sliding-window';

const HOUR = 3_600_000;
const quota = { limit: 3, windowMs: HOUR };

describe('quotaWaitMs', () => {
  it('lets acts through while fewer than the limit lie in the window', () => {
    expect(quotaWaitMs(quota, [], 10 * HOUR)).toBeNull();
    expect(quotaWaitMs(quota, [9.5 * HOUR, 9.8 * HOUR], 10 * HOUR)).toBeNull();
  });

  it('refuses the act over the limit until the oldest counted act leaves the window', () => {
    const now = 10 * HOUR;
    const times = [now - 0.5 * HOUR, now - 0.25 * HOUR, now - 60_000];
    expect(quotaWaitMs(quota, times, now)).toBe(0.5 * HOUR);
  });

  it('counts from the act that would be one too many when the window holds more', () => {
    const now = 10 * HOUR;
    // Five acts (a quota lowered since): the third-newest is the one to wait out.
    const times = [now - 0.9 * HOUR, now - 0.8 * HOUR, now - 0.7 * HOUR, now - 0.2 * HOUR, now];
    expect(quotaWaitMs(quota, times, now)).toBe(0.3 * HOUR);
  });

  it('refuses everything for a whole window under a zero quota', () => {
    expect(quotaWaitMs({ limit: 0, windowMs: HOUR }, [], 5)).toBe(HOUR);
  });

  it('waits no longer than the window and lets the act through once it has passed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 1, max: HOUR - 1 }), { maxLength: 40 }),
        (limit, ages) => {
          const now = 100 * HOUR;
          const times = ages.map((age) => now - age).sort((a, b) => a - b);
          const wait = quotaWaitMs({ limit, windowMs: HOUR }, times, now);
          if (wait === null) {
            expect(times.length).toBeLessThan(limit);
            return;
          }
          expect(times.length).toBeGreaterThanOrEqual(limit);
          expect(wait).toBeGreaterThan(0);
          expect(wait).toBeLessThanOrEqual(HOUR);
          const later = now + wait;
          const stillInWindow = times.filter((t) => t > later - HOUR);
          expect(stillInWindow.length).toBeLessThan(limit);
        },
      ),
    );
  });
});
