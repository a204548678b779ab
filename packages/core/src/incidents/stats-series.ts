import { K_MIN, shownCount } from '../privacy/k-anon';
import { statsByArea, type IncidentSummary } from './stats';

/** An incident as the statistics' charts read it: its summary and the city day it began. */
export interface DatedIncident extends IncidentSummary {
  readonly areaId: string;
  /** YYYY-MM-DD in the city's time zone. */
  readonly day: string;
}

/** One area's lines in the organizers' charts. Every null means "fewer than 5". */
export interface AreaSeries {
  readonly areaId: string;
  /** Incidents per day, one per day of the window: 0, a count from 5 up, or null (1 to 4). */
  readonly incidentsByDay: (number | null)[];
  /** Incidents in the window, shown like a day's. */
  readonly incidents: number | null;
  /** Share of false alarms; null unless the area had at least 5 incidents. */
  readonly falseAlarmRate: number | null;
  /** Median minutes to corroborate and to confirm; null unless at least 5 incidents got there. */
  readonly medianMinutesToCorroborate: number | null;
  readonly medianMinutesToConfirm: number | null;
}

const DAY_MS = 86_400_000;

/** The `days` calendar days (YYYY-MM-DD) of a window ending with `today`, oldest first. */
export function windowDays(today: string, days: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) =>
    new Date(end - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

// Hundredths of a minute: enough to compare, no false precision.
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 600) / 100);

/**
 * The charts' figures per area over the given days, counts under 5 never shown (k-anon rule):
 * a day's count from 1 to 4 is null, and a rate or a median drawn from fewer than 5 incidents
 * is null too, since it would tell those few apart. Merged incidents count once, in the one
 * they joined; incidents outside the window's days are left out. Areas in the given order.
 */
export function statsSeries(
  incidents: readonly DatedIncident[],
  areaIds: readonly string[],
  days: readonly string[],
): AreaSeries[] {
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const inWindow = incidents.filter((i) => dayIndex.has(i.day) && i.state !== 'merged');
  const stats = new Map(statsByArea(inWindow).map((s) => [s.areaId, s]));
  return areaIds.map((areaId) => {
    const perDay = new Array<number>(days.length).fill(0);
    let corroborated = 0;
    let confirmed = 0;
    for (const incident of inWindow) {
      if (incident.areaId !== areaId) continue;
      perDay[dayIndex.get(incident.day)!]! += 1;
      if (incident.corroboratedAt !== null) corroborated += 1;
      if (incident.confirmedAt !== null) confirmed += 1;
    }
    const s = stats.get(areaId);
    const total = s?.incidents ?? 0;
    return {
      areaId,
      incidentsByDay: perDay.map(shownCount),
      incidents: shownCount(total),
      falseAlarmRate: s && total >= K_MIN ? s.falseAlarmRate : null,
      medianMinutesToCorroborate:
        s && corroborated >= K_MIN ? minutes(s.medianTimeToCorroborateMs) : null,
      medianMinutesToConfirm: s && confirmed >= K_MIN ? minutes(s.medianTimeToConfirmMs) : null,
    };
  });
}
