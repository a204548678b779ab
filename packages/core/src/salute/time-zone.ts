/** Wall-clock fields of an instant in some time zone; month is 1-12. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Time zone names come from configuration, but keep the memo bounded regardless.
    if (formatters.size >= 64) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of `utcMs` in `timeZone` (throws RangeError on an unknown zone). */
export function zonedParts(utcMs: number, timeZone: string): ZonedParts {
  const out: ZonedParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(utcMs)) {
    if (part.type in out) out[part.type as keyof ZonedParts] = Number(part.value);
  }
  // Some engines still print midnight as 24 despite hourCycle h23.
  if (out.hour === 24) out.hour = 0;
  return out;
}

// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

function offsetAt(utcMs: number, timeZone: string): number {
  const p = zonedParts(utcMs, timeZone);
  const wall = utc(p.year, p.month, p.day, p.hour, p.minute, p.second);
  return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/**
 * The instant at which clocks in `timeZone` read y-m-d h:min (month 1-12). Like Temporal's
 * "compatible" choice: a time skipped by a spring-forward gap moves forward by the gap
 * (2:30 → 3:30), and a time repeated by a fall-back overlap means its first occurrence.
 */
export function zonedTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const wall = utc(year, month, day, hour, minute);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((t) => offsetAt(t, timeZone) === wall - t);
  if (matches.length > 0) return new Date(Math.min(...matches));
  return new Date(wall - before);
}

/** The calendar date `days` away from y-m-d (month 1-12), across month and year ends. */
export function addDays(
  date: Pick<ZonedParts, 'year' | 'month' | 'day'>,
  days: number,
): Pick<ZonedParts, 'year' | 'month' | 'day'> {
  const d = new Date(utc(date.year, date.month, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
