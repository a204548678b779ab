// k-anonymous, stepped counts of people: what every view, export and API answer shows instead of
// an exact number. Pure; the server stores exact counters and publishes only these.

/** The smallest count ever shown as a number, unless the city pack says otherwise. */
export const DEFAULT_MIN_COUNT = 5;
/** Published counts move in steps of this many people, unless the city pack says otherwise. */
export const DEFAULT_COUNT_STEP = 5;
/** Published counts change at most this often (minutes), unless the city pack says otherwise. */
export const DEFAULT_PUBLISH_MINUTES = 60;

/** What a count under k is shown as, in every language's data (the web translates it). */
export type FewerThan = `fewer than ${number}`;
/** A count as shown: a number at least k, or "fewer than k". */
export type ShownCount = number | FewerThan;

export function fewerThan(k: number): FewerThan {
  return `fewer than ${k}`;
}

export function isFewerThan(shown: ShownCount): shown is FewerThan {
  return typeof shown === 'string';
}

/** A count of people as shown to anyone: under k it is "fewer than k" (k at least 2). */
export function anonymizedCount(count: number, k: number = DEFAULT_MIN_COUNT): ShownCount {
  return count < k ? fewerThan(k) : count;
}

/**
 * A changing count as published: rounded down to a multiple of `step`, never below k, and under k
 * "fewer than k". Adding or removing one person changes it only when the exact count crosses a
 * step, so two views a pledge apart are usually the same number.
 */
export function steppedValue(
  count: number,
  k: number = DEFAULT_MIN_COUNT,
  step: number = DEFAULT_COUNT_STEP,
): number {
  if (count < k) return 0;
  return Math.max(k, Math.floor(count / step) * step);
}

/** `steppedValue` as shown: 0 (under k) becomes "fewer than k". */
export function steppedCount(
  count: number,
  k: number = DEFAULT_MIN_COUNT,
  step: number = DEFAULT_COUNT_STEP,
): ShownCount {
  const value = steppedValue(count, k, step);
  return value === 0 ? fewerThan(k) : value;
}

/** A stored published value (0 = under k) as shown. */
export function shownPublished(value: number, k: number = DEFAULT_MIN_COUNT): ShownCount {
  return value < k ? fewerThan(k) : value;
}

/** The publication slot a moment falls in: counts are republished once per slot at most. */
export function publicationSlot(now: Date, minutes: number = DEFAULT_PUBLISH_MINUTES): number {
  return Math.floor(now.getTime() / (minutes * 60_000));
}

/** The start of a publication slot. */
export function slotStart(slot: number, minutes: number = DEFAULT_PUBLISH_MINUTES): Date {
  return new Date(slot * minutes * 60_000);
}

/**
 * The share of a headcount a published count is, as a whole percent (rounded down); undefined
 * when the count is under k or the headcount is unknown.
 */
export function shownPercent(published: number, headcount: number | null): number | undefined {
  if (published <= 0 || headcount === null || headcount <= 0) return undefined;
  return Math.min(100, Math.floor((published * 100) / headcount));
}
