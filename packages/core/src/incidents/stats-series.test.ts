import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { K_MIN } from '../privacy/k-anon';
import type { IncidentState } from './incident';
import { statsSeries, windowDays, type DatedIncident } from './stats-series';

const AREAS = ['a', 'b', 'c'];
const DAYS = windowDays('2026-03-10', 7);
const STATES: IncidentState[] = ['reported', 'corroborated', 'confirmed', 'false_alarm', 'merged'];

const incident = fc
  .record({
    areaId: fc.constantFrom(...AREAS),
    day: fc.constantFrom(...DAYS, '2026-02-01'),
    state: fc.constantFrom(...STATES),
    corroborateAfter: fc.option(fc.integer({ min: 0, max: 3_600_000 })),
    confirmAfter: fc.option(fc.integer({ min: 0, max: 3_600_000 })),
  })
  .map(({ areaId, day, state, corroborateAfter, confirmAfter }): DatedIncident => ({
    areaId,
    day,
    state,
    firstReportAt: 0,
    corroboratedAt: corroborateAfter,
    confirmedAt: confirmAfter,
  }));

describe('statsSeries', () => {
  it('windowDays lists the window oldest first, ending today', () => {
    expect(windowDays('2026-03-01', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('never shows a count under 5, nor a rate or median from under 5 incidents', () => {
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 80 }), (incidents) => {
        for (const line of statsSeries(incidents, AREAS, DAYS)) {
          expect(line.incidentsByDay).toHaveLength(DAYS.length);
          for (const n of [...line.incidentsByDay, line.incidents]) {
            if (n !== null) expect(n === 0 || n >= K_MIN).toBe(true);
          }
          const counted = incidents.filter(
            (i) => i.areaId === line.areaId && i.state !== 'merged' && DAYS.includes(i.day),
          );
          if (counted.length < K_MIN) expect(line.falseAlarmRate).toBeNull();
          if (counted.filter((i) => i.corroboratedAt !== null).length < K_MIN)
            expect(line.medianMinutesToCorroborate).toBeNull();
          if (counted.filter((i) => i.confirmedAt !== null).length < K_MIN)
            expect(line.medianMinutesToConfirm).toBeNull();
        }
      }),
    );
  });

  it('shown counts are exact: the days add up to the total when all are shown', () => {
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 80 }), (incidents) => {
        for (const line of statsSeries(incidents, AREAS, DAYS)) {
          const counted = incidents.filter(
            (i) => i.areaId === line.areaId && i.state !== 'merged' && DAYS.includes(i.day),
          );
          if (line.incidents !== null) expect(line.incidents).toBe(counted.length);
          if (line.incidentsByDay.every((n) => n !== null)) {
            const sum = line.incidentsByDay.reduce<number>((s, n) => s + (n ?? 0), 0);
            expect(sum).toBe(counted.length);
          }
        }
      }),
    );
  });

  it('five false alarms of ten, confirmed after 1 to 5 minutes', () => {
    const ten: DatedIncident[] = Array.from({ length: 10 }, (_, i) => ({
      areaId: 'a',
      day: DAYS[6]!,
      state: i < 5 ? 'false_alarm' : 'confirmed',
      firstReportAt: 0,
      corroboratedAt: null,
      confirmedAt: i < 5 ? null : (i - 4) * 60_000,
    }));
    const [line] = statsSeries(ten, ['a'], DAYS);
    expect(line).toEqual({
      areaId: 'a',
      incidentsByDay: [0, 0, 0, 0, 0, 0, 10],
      incidents: 10,
      falseAlarmRate: 0.5,
      medianMinutesToCorroborate: null,
      medianMinutesToConfirm: 3,
    });
  });
});
