import { addDays, zonedParts, zonedTimeToUtc, type ZonedParts } from '../salute/time-zone';

/** How a meeting repeats. */
export const RECURRENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

type CalendarDate = Pick<ZonedParts, 'year' | 'month' | 'day'>;

// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
function wallMs(date: CalendarDate, p: Pick<ZonedParts, 'hour' | 'minute' | 'second'>): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  d.setUTCHours(p.hour, p.minute, p.second, 0);
  return d.getTime();
}

function daysIn(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** What the clocks of `timeZone` read at `at`, as a UTC timestamp of the same digits. */
function readingAt(at: number, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  return wallMs(p, p) + (((at % 1000) + 1000) % 1000);
}

/**
 * The instant the clocks of `timeZone` read `date` at `time` (with its milliseconds). A reading
 * skipped by a spring-forward gap becomes the first instant after it: the moment the clocks jump
 * (2:30 on a day that jumps from 2:00 to 3:00 becomes 3:00). A reading repeated by a fall-back
 * overlap is its first occurrence.
 */
function instantAt(date: CalendarDate, time: ZonedParts, ms: number, timeZone: string): Date {
  const wanted = wallMs(date, time) + ms;
  const guess =
    zonedTimeToUtc(date.year, date.month, date.day, time.hour, time.minute, timeZone).getTime() +
    time.second * 1000 +
    ms;
  if (readingAt(guess, timeZone) === wanted) return new Date(guess);
  // In a gap the guess reads later than wanted; six hours before reads earlier (no gap is longer).
  let before = guess - 6 * 3_600_000;
  let after = guess;
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (readingAt(middle, timeZone) > wanted) after = middle;
    else before = middle;
  }
  return new Date(after);
}

/**
 * When the next meeting of a series starts, on the city's clocks. `startsAt` is the meeting that
 * just ended its turn; `seriesStart` (its first meeting, by default the same) gives the wall-clock
 * time every meeting keeps and, for monthly, the day of the month (the month's last day when it is
 * shorter), so neither a daylight-saving change nor a short month moves the series for good.
 * Weekly and biweekly keep the weekday, 7 and 14 calendar days on.
 */
export function nextOccurrence(
  startsAt: Date,
  recurrence: Recurrence,
  timeZone: string,
  seriesStart: Date = startsAt,
): Date {
  const now = zonedParts(startsAt.getTime(), timeZone);
  const keep = zonedParts(seriesStart.getTime(), timeZone);
  const ms = ((seriesStart.getTime() % 1000) + 1000) % 1000;
  let date: CalendarDate;
  if (recurrence === 'monthly') {
    const year = now.year + Math.floor(now.month / 12);
    const month = (now.month % 12) + 1;
    date = { year, month, day: Math.min(keep.day, daysIn(year, month)) };
  } else {
    date = addDays(now, recurrence === 'weekly' ? 7 : 14);
  }
  return instantAt(date, keep, ms, timeZone);
}
