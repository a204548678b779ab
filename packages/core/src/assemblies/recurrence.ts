/** How a meeting repeats. */
export const RECURRENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

const DAY_MS = 86_400_000;

/**
 * When the next meeting of a series starts. Weekly and biweekly add 7 and 14 days; monthly keeps
 * the day of the month (the last day when the next month is shorter) and the time of day (UTC).
 */
export function nextOccurrence(startsAt: Date, recurrence: Recurrence): Date {
  if (recurrence === 'weekly') return new Date(startsAt.getTime() + 7 * DAY_MS);
  if (recurrence === 'biweekly') return new Date(startsAt.getTime() + 14 * DAY_MS);
  const year = startsAt.getUTCFullYear();
  const month = startsAt.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const next = new Date(startsAt.getTime());
  next.setUTCDate(1);
  next.setUTCFullYear(
    year + Math.floor(month / 12),
    month % 12,
    Math.min(startsAt.getUTCDate(), lastDay),
  );
  return next;
}
