import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zonedParts } from '../salute/time-zone';
import { nextOccurrence, RECURRENCES } from './recurrence';

const CHICAGO = 'America/Chicago';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What Minneapolis clocks read at an instant, "YYYY-MM-DD HH:MM". */
function local(at: Date, timeZone = CHICAGO): string {
  const p = zonedParts(at.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

describe('nextOccurrence on the city clocks', () => {
  it('keeps a weekly 19:00 meeting at 19:00 across the 2026 and 2027 US changes', () => {
    // 2026: clocks go forward on 8 March, back on 1 November; 2027: 14 March, 7 November.
    const cases: [string, string][] = [
      ['2026-03-05T01:00:00Z', '2026-03-12T00:00:00.000Z'],
      ['2026-10-29T00:00:00Z', '2026-11-05T01:00:00.000Z'],
      ['2027-03-11T01:00:00Z', '2027-03-18T00:00:00.000Z'],
      ['2027-11-04T00:00:00Z', '2027-11-11T01:00:00.000Z'],
    ];
    for (const [from, expected] of cases) {
      const next = nextOccurrence(new Date(from), 'weekly', CHICAGO);
      expect(next.toISOString()).toBe(expected);
      expect(local(next).slice(11)).toBe('19:00');
    }
    // The UTC rule this replaces would have moved it an hour.
    const spring = nextOccurrence(new Date('2026-03-05T01:00:00Z'), 'weekly', CHICAGO);
    expect(spring.getTime() - new Date('2026-03-05T01:00:00Z').getTime()).toBe(7 * DAY - HOUR);
  });

  it('biweekly and monthly keep the local time; monthly keeps the local day of the month', () => {
    // 19:00 on Thursday 26 February 2026 (CST) → 19:00 on 12 March (CDT).
    expect(
      nextOccurrence(new Date('2026-02-27T01:00:00Z'), 'biweekly', CHICAGO).toISOString(),
    ).toBe('2026-03-13T00:00:00.000Z');
    // 18:30 on 31 October (local; 1 November in UTC) → 30 November, not 1 December.
    expect(local(nextOccurrence(new Date('2026-10-31T23:30:00Z'), 'monthly', CHICAGO))).toBe(
      '2026-11-30 18:30',
    );
    // 31 January → 28 February → 31 March: a short month clamps once, the series keeps its day.
    const first = new Date('2027-02-01T01:00:00Z'); // 19:00 on 31 January 2027, Chicago
    const feb = nextOccurrence(first, 'monthly', CHICAGO);
    expect(local(feb)).toBe('2027-02-28 19:00');
    expect(local(nextOccurrence(feb, 'monthly', CHICAGO, first))).toBe('2027-03-31 19:00');
    expect(local(nextOccurrence(feb, 'monthly', CHICAGO))).toBe('2027-03-28 19:00');
    // December → January of the next year.
    expect(local(nextOccurrence(new Date('2026-12-16T01:00:00Z'), 'monthly', CHICAGO))).toBe(
      '2027-01-15 19:00',
    );
  });

  it('a time skipped by spring forward becomes the moment the clocks jump; the series keeps 2:30', () => {
    const first = new Date('2026-03-01T08:30:00Z'); // 02:30 CST on Sunday 1 March 2026
    const skipped = nextOccurrence(first, 'weekly', CHICAGO);
    // 8 March has no 02:30: the clocks go from 01:59:59 CST to 03:00 CDT at 08:00 UTC.
    expect(skipped.toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(local(skipped)).toBe('2026-03-08 03:00');
    expect(local(nextOccurrence(skipped, 'weekly', CHICAGO, first))).toBe('2026-03-15 02:30');
    // A time repeated by fall back is its first occurrence (01:30 CDT, not 01:30 CST).
    const repeated = nextOccurrence(new Date('2026-10-25T06:30:00Z'), 'weekly', CHICAGO);
    expect(repeated.toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });

  it('in UTC it is the plain rule', () => {
    expect(nextOccurrence(new Date('2026-01-31T18:00:00Z'), 'monthly', 'UTC').toISOString()).toBe(
      '2026-02-28T18:00:00.000Z',
    );
    expect(nextOccurrence(new Date('2026-12-15T18:00:00Z'), 'weekly', 'UTC').toISOString()).toBe(
      '2026-12-22T18:00:00.000Z',
    );
  });
});

describe('nextOccurrence properties', () => {
  const zones = fc.constantFrom(
    'America/Chicago',
    'America/New_York',
    'America/Los_Angeles',
    'Europe/London',
    'Australia/Lord_Howe', // a 30-minute change
    'Asia/Kolkata', // no change
    'UTC',
  );
  const instants = fc.date({
    min: new Date('2025-06-01T00:00:00Z'),
    max: new Date('2028-06-01T00:00:00Z'),
    noInvalidDate: true,
  });

  it('keeps the local hour and minute whenever they exist, else the jump that skipped them', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...RECURRENCES), zones, (start, rule, zone) => {
        const next = nextOccurrence(start, rule, zone);
        expect(next.getTime()).toBeGreaterThan(start.getTime());
        const was = zonedParts(start.getTime(), zone);
        const is = zonedParts(next.getTime(), zone);
        const minuteOfDay = (p: { hour: number; minute: number }) => p.hour * 60 + p.minute;
        if (minuteOfDay(is) !== minuteOfDay(was)) {
          // Only a gap: a moment before, the clocks read earlier than the time kept.
          const justBefore = zonedParts(next.getTime() - 1, zone);
          expect(minuteOfDay(justBefore)).toBeLessThan(minuteOfDay(was));
          expect(minuteOfDay(is)).toBeGreaterThan(minuteOfDay(was));
          expect(is.day).toBe(justBefore.day);
        }
        if (rule === 'monthly') {
          expect((is.month - was.month + 12) % 12).toBe(1);
          expect(is.day).toBeLessThanOrEqual(was.day);
        } else {
          const days = rule === 'weekly' ? 7 : 14;
          const elapsed = next.getTime() - start.getTime();
          expect(Math.abs(elapsed - days * DAY)).toBeLessThanOrEqual(HOUR);
        }
      }),
    );
  });

  it('a series run from its first meeting never drifts from its wall-clock time', () => {
    fc.assert(
      fc.property(
        instants,
        fc.constantFrom(...RECURRENCES),
        zones,
        fc.integer({ min: 1, max: 30 }),
        (first, rule, zone, count) => {
          const keep = zonedParts(first.getTime(), zone);
          let at = first;
          for (let i = 0; i < count; i += 1) {
            const next = nextOccurrence(at, rule, zone, first);
            expect(next.getTime()).toBeGreaterThan(at.getTime());
            at = next;
          }
          const is = zonedParts(at.getTime(), zone);
          const exists = zonedParts(at.getTime() - 1, zone);
          // Either it reads the series' time, or that time was skipped on this very day.
          if (is.hour !== keep.hour || is.minute !== keep.minute) {
            expect(exists.hour * 60 + exists.minute).toBeLessThan(keep.hour * 60 + keep.minute);
          }
          if (rule === 'monthly' && keep.day <= 28) expect(is.day).toBe(keep.day);
        },
      ),
    );
  });
});
