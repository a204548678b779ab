/**
 * Ratification of a council decision by the committees (issue 17). A decision that requires it
 * takes effect once the required number of committees ratified it, and fails once so many
 * rejected it that the rest could no longer reach that number.
 */
export type RatificationState = 'pending' | 'ratified' | 'rejected';

export interface RatificationCount {
  /** Committees asked (those seated in the council when ratification was required). */
  readonly committees: number;
  readonly ratified: number;
  readonly rejected: number;
  /** The share needed, in percent; null: a majority (more than half). */
  readonly sharePercent: number | null;
}

/** How many committees must ratify: more than half, or at least sharePercent % (at least one). */
export function ratificationsNeeded(committees: number, sharePercent: number | null): number {
  if (!Number.isInteger(committees) || committees < 0) {
    throw new RangeError('committees must be a whole number');
  }
  if (sharePercent === null) return Math.floor(committees / 2) + 1;
  if (!Number.isInteger(sharePercent) || sharePercent < 1 || sharePercent > 100) {
    throw new RangeError('sharePercent must be a whole number from 1 to 100');
  }
  return Math.max(1, Math.ceil((committees * sharePercent) / 100));
}

/** Where a ratification stands. */
export function ratificationState(count: RatificationCount): RatificationState {
  const { committees, ratified, rejected } = count;
  if (ratified < 0 || rejected < 0 || ratified + rejected > committees) {
    throw new RangeError('more answers than committees');
  }
  const needed = ratificationsNeeded(committees, count.sharePercent);
  if (ratified >= needed) return 'ratified';
  if (committees - rejected < needed) return 'rejected';
  return 'pending';
}
