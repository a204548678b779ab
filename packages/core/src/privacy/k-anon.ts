/**
 * k = 5 (ORGANIZING.md, privacy rule 2): a count of people under 5 is never shown; every view,
 * export and API answer says "fewer than 5" instead. `null` is how an answer says it.
 */
export const K_MIN = 5;

/** The count as it may be shown: itself from K_MIN up, null ("fewer than 5") from 1 to K_MIN - 1. */
export function shownCount(n: number): number | null {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`a count must be a whole number, got ${n}`);
  if (n === 0) return 0;
  return n >= K_MIN ? n : null;
}
