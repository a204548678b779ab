import {
  coverageBand,
  doorsOf,
  emptyTally,
  leadingOutcome,
  shownCount,
  shownTally,
  sumTallies,
  talliesByCell,
  type DoorOutcome,
  type OutcomeTally,
  type TurfSummary,
  type TurfView,
} from '@tocsin/core';
import type { TurfRow } from './canvassing.repository';

type CountRow = { turf_id: string; cell: string; outcome: DoorOutcome; doors: number };

export function turfTally(counts: CountRow[], turfId: string): OutcomeTally {
  return sumTallies(talliesByCell(counts.filter((c) => c.turf_id === turfId)).values());
}

export function presentSummary(
  turf: TurfRow,
  assignees: { turf_id: string; id: string; handle: string }[],
  cellCount: number,
  counts: CountRow[],
  memberId: string,
): TurfSummary {
  const pair = assignees
    .filter((a) => a.turf_id === turf.id)
    .map((a) => ({ id: a.id, handle: a.handle }));
  const tally = turfTally(counts, turf.id);
  return {
    id: turf.id,
    name: turf.name,
    areaId: turf.area_id,
    date: turf.day,
    assignees: pair,
    cellCount,
    doors: shownCount(doorsOf(tally)),
    outcomes: shownTally(tally),
    mine: pair.some((a) => a.id === memberId),
  };
}

export function presentTurf(
  summary: TurfSummary,
  cells: string[],
  counts: CountRow[],
  notes: { id: string; cell: string; note: string; day: string }[],
): TurfView {
  const byCell = talliesByCell(counts.filter((c) => c.turf_id === summary.id));
  return {
    ...summary,
    cells: cells.map((cell) => {
      const doors = doorsOf(byCell.get(cell) ?? emptyTally());
      return { cell, band: coverageBand(doors), doors: shownCount(doors) };
    }),
    notes,
  };
}

/** The progress map: per cell (over every turf), per turf and for the area, counts under 5 hidden. */
export function presentCoverage(
  areaId: string,
  turfs: TurfRow[],
  cellCounts: Map<string, number>,
  counts: CountRow[],
) {
  const byCell = talliesByCell(counts);
  const cells = [...byCell.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cell, tally]) => {
      const doors = doorsOf(tally);
      return {
        cell,
        band: coverageBand(doors),
        doors: shownCount(doors),
        leading: doors >= 5 ? leadingOutcome(tally) : null,
        outcomes: shownTally(tally),
      };
    });
  const total = sumTallies(byCell.values());
  return {
    areaId,
    cells,
    turfs: turfs.map((turf) => {
      const mine = counts.filter((c) => c.turf_id === turf.id);
      const tally = sumTallies(talliesByCell(mine).values());
      return {
        id: turf.id,
        name: turf.name,
        date: turf.day,
        cellCount: cellCounts.get(turf.id) ?? 0,
        cellsVisited: new Set(mine.filter((c) => c.doors > 0).map((c) => c.cell)).size,
        doors: shownCount(doorsOf(tally)),
        outcomes: shownTally(tally),
      };
    }),
    totals: { doors: shownCount(doorsOf(total)), outcomes: shownTally(total) },
  };
}
