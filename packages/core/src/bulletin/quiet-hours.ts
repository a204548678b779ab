import { zonedParts } from '../salute/time-zone';

/** A wall-clock time of day, "HH:MM" (24-hour). */
export type ClockTime = string;

/** Hours in which a member gets no push at all: the bell counts instead. */
export interface QuietHours {
  /** Start, inclusive, in the city's time zone. */
  readonly start: ClockTime;
  /** End, exclusive; an end before the start spans midnight (22:00–07:00). */
  readonly end: ClockTime;
}

/** Quiet from ten at night to seven in the morning, unless the member says otherwise. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '07:00' };

/** The digest arrives at seven in the evening, city time, unless the member says otherwise. */
export const DEFAULT_DIGEST_TIME: ClockTime = '19:00';

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM", or null when it is not a time of day. */
export function minutesOfDay(time: ClockTime): number | null {
  const match = CLOCK_TIME.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether `time` is a valid "HH:MM". */
export function isClockTime(time: string): boolean {
  return minutesOfDay(time) !== null;
}

/**
 * Whether the instant falls in the quiet hours, read on the city's clocks. Equal start and end
 * mean no quiet hours; null means the member turned them off.
 */
export function inQuietHours(at: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === null || end === null || start === end) return false;
  const parts = zonedParts(at.getTime(), timeZone);
  const now = parts.hour * 60 + parts.minute;
  return start < end ? now >= start && now < end : now >= start || now < end;
}
