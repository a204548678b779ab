import { shownCount } from '../privacy/k-anon';

/** What a canvasser records at a door; nothing about who lives there. */
export const DOOR_OUTCOMES = [
  'not_home',
  'talked',
  'wants_to_join',
  'wants_rr_training',
  'needs_aid',
  'refused',
  'do_not_return',
] as const;
export type DoorOutcome = (typeof DOOR_OUTCOMES)[number];

/** Doors by outcome: the only thing kept about doors, per cell. */
export type OutcomeTally = Record<DoorOutcome, number>;

export function emptyTally(): OutcomeTally {
  return Object.fromEntries(DOOR_OUTCOMES.map((o) => [o, 0])) as OutcomeTally;
}

/** Doors in a tally (every outcome counts as a knocked door). */
export function doorsOf(tally: OutcomeTally): number {
  return DOOR_OUTCOMES.reduce((sum, o) => sum + tally[o], 0);
}

/** The sum of tallies (cells into a turf, turfs into an area). */
export function sumTallies(tallies: Iterable<OutcomeTally>): OutcomeTally {
  const sum = emptyTally();
  for (const tally of tallies) for (const o of DOOR_OUTCOMES) sum[o] += tally[o];
  return sum;
}

/** Builds per-cell tallies from stored (cell, outcome, doors) rows. */
export function talliesByCell(
  rows: Iterable<{ cell: string; outcome: DoorOutcome; doors: number }>,
): Map<string, OutcomeTally> {
  const byCell = new Map<string, OutcomeTally>();
  for (const row of rows) {
    let tally = byCell.get(row.cell);
    if (!tally) byCell.set(row.cell, (tally = emptyTally()));
    tally[row.outcome] += row.doors;
  }
  return byCell;
}

/**
 * How a cell is colored on the progress map. `few` is 1 to 4 doors: the map says a cell was
 * visited without saying how many doors answered what.
 */
export const COVERAGE_BANDS = ['none', 'few', 'some', 'many'] as const;
export type CoverageBand = (typeof COVERAGE_BANDS)[number];

export function coverageBand(doors: number): CoverageBand {
  if (doors <= 0) return 'none';
  if (doors < 5) return 'few';
  if (doors < 20) return 'some';
  return 'many';
}

/** A tally as it may be shown: every count under 5 becomes null ("fewer than 5"). */
export type ShownTally = Record<DoorOutcome, number | null>;

export function shownTally(tally: OutcomeTally): ShownTally {
  return Object.fromEntries(DOOR_OUTCOMES.map((o) => [o, shownCount(tally[o])])) as ShownTally;
}

/** The outcome that decides a cell's color beyond coverage: the most frequent one (ties: list order). */
export function leadingOutcome(tally: OutcomeTally): DoorOutcome | null {
  let best: DoorOutcome | null = null;
  for (const o of DOOR_OUTCOMES)
    if (tally[o] > 0 && (best === null || tally[o] > tally[best])) best = o;
  return best;
}
