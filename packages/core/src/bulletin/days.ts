import { addDays, zonedParts, zonedTimeToUtc } from '../salute/time-zone';
import { minutesOfDay, type ClockTime } from './quiet-hours';

/** A calendar day in the city, "YYYY-MM-DD". */
export type CityDay = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The city's calendar day at an instant. */
export function cityDay(at: Date, timeZone: string): CityDay {
  const p = zonedParts(at.getTime(), timeZone);
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

function parseDay(day: CityDay): { year: number; month: number; day: number } {
  const [year, month, d] = day.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 1, day: d ?? 1 };
}

/** The day after (or `days` after) a city day. */
export function shiftDay(day: CityDay, days: number): CityDay {
  const next = addDays(parseDay(day), days);
  return `${String(next.year).padStart(4, '0')}-${pad(next.month)}-${pad(next.day)}`;
}

/** The instants a city day starts and ends (end exclusive), across daylight-saving changes. */
export function dayBounds(day: CityDay, timeZone: string): { start: Date; end: Date } {
  const d = parseDay(day);
  const next = addDays(d, 1);
  return {
    start: zonedTimeToUtc(d.year, d.month, d.day, 0, 0, timeZone),
    end: zonedTimeToUtc(next.year, next.month, next.day, 0, 0, timeZone),
  };
}

/** The instant a city day's clocks read `time`. */
export function atTimeOfDay(day: CityDay, time: ClockTime, timeZone: string): Date {
  const d = parseDay(day);
  const minutes = minutesOfDay(time) ?? 0;
  return zonedTimeToUtc(d.year, d.month, d.day, Math.floor(minutes / 60), minutes % 60, timeZone);
}

/**
 * The day whose digest is due at `now`, or null: today's once the member's digest time has come
 * on the city's clocks, unless it was already sent.
 */
export function digestDueDay(
  now: Date,
  timeZone: string,
  time: ClockTime,
  lastSentDay: CityDay | null,
): CityDay | null {
  const today = cityDay(now, timeZone);
  if (lastSentDay !== null && lastSentDay >= today) return null;
  return now >= atTimeOfDay(today, time, timeZone) ? today : null;
}
