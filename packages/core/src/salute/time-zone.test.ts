import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isValidTimeZone, zonedParts, zonedTimeToUtc } from './time-zone';

const CHICAGO = 'America/Chicago';
const iso = (d: Date): string => d.toISOString();

describe('zonedTimeToUtc', () => {
  it('uses CST before and CDT after the 2026-03-08 spring-forward', () => {
    expect(iso(zonedTimeToUtc(2026, 3, 8, 1, 30, CHICAGO))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 3, 8, 3, 0, CHICAGO))).toBe('2026-03-08T08:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 3, 8, 14, 40, CHICAGO))).toBe('2026-03-08T19:40:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 3, 7, 14, 40, CHICAGO))).toBe('2026-03-07T20:40:00.000Z');
  });

  it('moves a time skipped by spring-forward ahead by the gap', () => {
    expect(iso(zonedTimeToUtc(2026, 3, 8, 2, 30, CHICAGO))).toBe('2026-03-08T08:30:00.000Z');
  });

  it('uses CDT before and CST after the 2026-11-01 fall-back', () => {
    expect(iso(zonedTimeToUtc(2026, 11, 1, 0, 30, CHICAGO))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 11, 1, 2, 0, CHICAGO))).toBe('2026-11-01T08:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 11, 1, 14, 40, CHICAGO))).toBe('2026-11-01T20:40:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 10, 31, 14, 40, CHICAGO))).toBe('2026-10-31T19:40:00.000Z');
  });

  it('takes the first of the two 1:30s on fall-back night', () => {
    expect(iso(zonedTimeToUtc(2026, 11, 1, 1, 30, CHICAGO))).toBe('2026-11-01T06:30:00.000Z');
  });

  it('handles zones without DST and with half-hour offsets', () => {
    expect(iso(zonedTimeToUtc(2026, 7, 1, 12, 0, 'UTC'))).toBe('2026-07-01T12:00:00.000Z');
    expect(iso(zonedTimeToUtc(2026, 7, 1, 12, 0, 'America/Phoenix'))).toBe(
      '2026-07-01T19:00:00.000Z',
    );
    expect(iso(zonedTimeToUtc(2026, 1, 15, 9, 0, 'Asia/Kolkata'))).toBe('2026-01-15T03:30:00.000Z');
  });

  it('crosses the date line in the zone, not in UTC', () => {
    expect(iso(zonedTimeToUtc(2026, 1, 1, 23, 0, CHICAGO))).toBe('2026-01-02T05:00:00.000Z');
  });

  it('round-trips with zonedParts for every instant of a DST year (except skipped times)', () => {
    const start = Date.UTC(2026, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: start / 60_000, max: end / 60_000 }), (minutes) => {
        const t = minutes * 60_000;
        const p = zonedParts(t, CHICAGO);
        const back = zonedTimeToUtc(p.year, p.month, p.day, p.hour, p.minute, CHICAGO).getTime();
        // An instant in the repeated fall-back hour maps back to the first occurrence.
        expect(back === t || back === t - 3_600_000).toBe(true);
      }),
    );
  });
});

describe('zonedParts', () => {
  it('reads the wall clock in the zone', () => {
    expect(zonedParts(Date.parse('2026-03-08T08:30:00Z'), CHICAGO)).toEqual({
      year: 2026,
      month: 3,
      day: 8,
      hour: 3,
      minute: 30,
      second: 0,
    });
    expect(zonedParts(Date.parse('2026-11-01T05:00:00Z'), CHICAGO).hour).toBe(0);
  });

  it('throws on an unknown zone, which isValidTimeZone reports', () => {
    expect(() => zonedParts(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone(CHICAGO)).toBe(true);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({
      year: 2026,
      month: 2,
      day: 28,
    });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2026, month: 1, day: 1 }, -1)).toEqual({
      year: 2025,
      month: 12,
      day: 31,
    });
  });
});
