import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../geo';
import type { OpenIncidentSummary } from './cluster';
import { candidateCells, chooseIncident, CLUSTER_RES, incidentCell } from './cluster';
import { destination as offset, LAKE_AND_CHICAGO, MIN, T0 } from './test-factories';

function summary(
  id: string,
  meters: number,
  lastReportAt: number,
  overrides: Partial<OpenIncidentSummary> = {},
): OpenIncidentSummary {
  return {
    id,
    state: 'reported',
    ...offset(LAKE_AND_CHICAGO, 1, meters),
    firstReportAt: lastReportAt,
    lastReportAt,
    ...overrides,
  };
}

const report = { ...LAKE_AND_CHICAGO, at: T0 + 30 * MIN };

describe('chooseIncident', () => {
  it('opens a new incident when there are no candidates', () => {
    expect(chooseIncident(report, [])).toBeNull();
  });

  it('joins an incident within 400 m and 45 min of its last report', () => {
    const near = summary('near', 390, T0);
    expect(chooseIncident(report, [near])).toBe(near);
    expect(chooseIncident({ ...report, at: T0 + 45 * MIN }, [near])).toBe(near);
  });

  it('does not join beyond the radius or the window', () => {
    expect(chooseIncident(report, [summary('far', 410, T0)])).toBeNull();
    expect(chooseIncident({ ...report, at: T0 + 46 * MIN }, [summary('old', 10, T0)])).toBeNull();
  });

  it('measures the window from the last report, not the first', () => {
    const long = summary('long', 10, T0 + 60 * MIN, { firstReportAt: T0 });
    expect(chooseIncident({ ...report, at: T0 + 100 * MIN }, [long])).toBe(long);
  });

  it('joins a report processed late if it falls within the window of the span', () => {
    const s = summary('s', 10, T0 + 60 * MIN, { firstReportAt: T0 + 30 * MIN });
    expect(chooseIncident({ ...report, at: T0 + 40 * MIN }, [s])).toBe(s);
    expect(chooseIncident({ ...report, at: T0 - 10 * MIN }, [s])).toBe(s);
    expect(chooseIncident({ ...report, at: T0 - 20 * MIN }, [s])).toBeNull();
  });

  it('picks the nearest of several, then the most recent, then the lowest id', () => {
    const a = summary('a', 300, T0 + 20 * MIN);
    const b = summary('b', 100, T0);
    expect(chooseIncident(report, [a, b])).toBe(b);
    const c = summary('c', 100, T0 + 10 * MIN);
    expect(chooseIncident(report, [a, b, c])).toBe(c);
    const d = summary('d', 100, T0 + 10 * MIN);
    expect(chooseIncident(report, [d, c])).toBe(c);
  });

  it('ignores closed incidents the caller passed by mistake', () => {
    for (const state of ['false_alarm', 'ended', 'merged'] as const) {
      expect(chooseIncident(report, [summary('x', 10, T0, { state })])).toBeNull();
    }
  });

  it('honors custom settings', () => {
    const s = summary('s', 700, T0);
    expect(chooseIncident(report, [s], { radiusMeters: 800, windowMinutes: 45 })).toBe(s);
    expect(chooseIncident(report, [s], { radiusMeters: 800, windowMinutes: 20 })).toBeNull();
  });
});

describe('candidateCells', () => {
  it('uses a handful of coarse cells for the default radius', () => {
    const cells = candidateCells(LAKE_AND_CHICAGO.lat, LAKE_AND_CHICAGO.lng, 400);
    expect(cells.length).toBeLessThanOrEqual(10);
    expect(cells).toContain(incidentCell(LAKE_AND_CHICAGO.lat, LAKE_AND_CHICAGO.lng));
    expect(CLUSTER_RES).toBe(8);
  });

  it('holds the cell of every incident within the radius, so look-up then choose equals a scan', () => {
    const incident = fc.record({
      bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      meters: fc.double({ min: 0, max: 2_000, noNaN: true }),
      minutesAgo: fc.integer({ min: 0, max: 90 }),
    });
    fc.assert(
      fc.property(
        fc.array(incident, { maxLength: 20 }),
        fc.integer({ min: 50, max: 1_500 }),
        (specs, radiusMeters) => {
          const all = specs.map((s, i) => ({
            id: `i${i}`,
            state: 'reported' as const,
            ...offset(LAKE_AND_CHICAGO, s.bearing, s.meters),
            firstReportAt: report.at - s.minutesAgo * MIN,
            lastReportAt: report.at - s.minutesAgo * MIN,
          }));
          const settings = { radiusMeters, windowMinutes: 45 };
          const byCell = new Map<string, OpenIncidentSummary[]>();
          for (const i of all) {
            const cell = incidentCell(i.lat, i.lng);
            byCell.set(cell, [...(byCell.get(cell) ?? []), i]);
          }
          const cells = candidateCells(report.lat, report.lng, radiusMeters);
          const candidates = cells.flatMap((c) => byCell.get(c) ?? []);
          for (const i of all) {
            if (haversineMeters(report, i) <= radiusMeters) expect(candidates).toContain(i);
          }
          expect(chooseIncident(report, candidates, settings)).toBe(
            chooseIncident(report, all, settings),
          );
        },
      ),
    );
  });
});
