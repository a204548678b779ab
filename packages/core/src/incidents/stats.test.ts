import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from './stats';
import { median, statsByArea } from './stats';
import { MIN, T0 } from './test-factories';

const summary = (overrides: Partial<IncidentSummary> = {}): IncidentSummary => ({
  areaId: 'powderhorn',
  state: 'ended',
  firstReportAt: T0,
  corroboratedAt: null,
  confirmedAt: null,
  ...overrides,
});

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('%j → %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('lies between the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), (values) => {
        const m = median(values) ?? Number.NaN;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});

describe('statsByArea', () => {
  it('is empty without incidents', () => {
    expect(statsByArea([])).toEqual([]);
  });

  it('counts incidents, false alarms and median delays per area, outside-area last', () => {
    const stats = statsByArea([
      summary({ corroboratedAt: T0 + 4 * MIN, confirmedAt: T0 + 10 * MIN }),
      summary({ state: 'false_alarm', corroboratedAt: T0 + 6 * MIN }),
      summary({ state: 'confirmed', corroboratedAt: T0 + 2 * MIN, confirmedAt: T0 + 20 * MIN }),
      summary({ state: 'reported' }),
      summary({ areaId: null, state: 'false_alarm' }),
      summary({ areaId: 'corcoran', state: 'merged', corroboratedAt: T0 }),
      summary({ areaId: 'bryant' }),
    ]);
    expect(stats).toEqual([
      {
        areaId: 'bryant',
        incidents: 1,
        falseAlarms: 0,
        falseAlarmRate: 0,
        medianTimeToCorroborateMs: null,
        medianTimeToConfirmMs: null,
      },
      {
        areaId: 'powderhorn',
        incidents: 4,
        falseAlarms: 1,
        falseAlarmRate: 0.25,
        medianTimeToCorroborateMs: 4 * MIN,
        medianTimeToConfirmMs: 15 * MIN,
      },
      {
        areaId: null,
        incidents: 1,
        falseAlarms: 1,
        falseAlarmRate: 1,
        medianTimeToCorroborateMs: null,
        medianTimeToConfirmMs: null,
      },
    ]);
  });

  it('never reports a negative delay', () => {
    const [s] = statsByArea([summary({ firstReportAt: T0 + MIN, corroboratedAt: T0 })]);
    expect(s?.medianTimeToCorroborateMs).toBe(0);
  });

  it('accounts for every non-merged incident exactly once', () => {
    const state = fc.constantFrom(
      'reported',
      'corroborated',
      'confirmed',
      'false_alarm',
      'ended',
      'merged' as const,
    );
    const incident = fc
      .record({ areaId: fc.option(fc.constantFrom('a', 'b', 'c')), state })
      .map((x) => summary(x));
    fc.assert(
      fc.property(fc.array(incident), (incidents) => {
        const stats = statsByArea(incidents);
        const counted = incidents.filter((i) => i.state !== 'merged');
        expect(stats.reduce((n, s) => n + s.incidents, 0)).toBe(counted.length);
        expect(stats.reduce((n, s) => n + s.falseAlarms, 0)).toBe(
          counted.filter((i) => i.state === 'false_alarm').length,
        );
        for (const s of stats) expect(s.falseAlarmRate).toBeLessThanOrEqual(1);
      }),
    );
  });
});
