import {
  cellToBoundary,
  cellToChildren,
  cellToParent,
  getResolution,
  isValidCell,
  latLngToCell,
} from 'h3-js';
import { AREA_RES } from '../geo/resolutions';

/**
 * H3 resolution of a turf's cells: about one city block (res 10: ~76 m edge, ~15,000 m²). It is
 * the resolution areas are covered at, so a turf picked from an area is the area's own cells.
 * A door outcome names one such cell and nothing finer.
 */
export const TURF_RES = AREA_RES;
/** The most cells one turf may have (a large neighborhood is a few hundred). */
export const TURF_MAX_CELLS = 2_000;

export type TurfCellsCheck =
  | { ok: true; cells: string[] }
  | { ok: false; index: number; reason: 'invalid' | 'too_fine' | 'too_coarse' | 'too_many' };

/**
 * Checks the cells of a turf drawn on the map: each a valid H3 cell of TURF_RES (a finer cell
 * would point at a house, a coarser one at many blocks), at most TURF_MAX_CELLS; duplicates are
 * dropped and the order kept. `index` names the first bad cell.
 */
export function checkTurfCells(cells: readonly string[]): TurfCellsCheck {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [index, raw] of cells.entries()) {
    const cell = raw.toLowerCase();
    if (!isValidCell(cell)) return { ok: false, index, reason: 'invalid' };
    const res = getResolution(cell);
    if (res > TURF_RES) return { ok: false, index, reason: 'too_fine' };
    if (res < TURF_RES) return { ok: false, index, reason: 'too_coarse' };
    if (seen.has(cell)) continue;
    seen.add(cell);
    out.push(cell);
    if (out.length > TURF_MAX_CELLS) return { ok: false, index, reason: 'too_many' };
  }
  return { ok: true, cells: out };
}

/** Whether a door's cell is exactly a turf cell (not finer, not coarser, not outside). */
export function isTurfCell(cell: string, turfCells: ReadonlySet<string>): boolean {
  return isValidCell(cell) && getResolution(cell) === TURF_RES && turfCells.has(cell);
}

/** An area's cells at TURF_RES, whatever resolution the area was covered at; sorted, unique. */
export function turfCellsOfArea(areaCells: readonly string[]): string[] {
  const out = new Set<string>();
  for (const cell of areaCells) {
    if (!isValidCell(cell)) continue;
    const res = getResolution(cell);
    if (res === TURF_RES) out.add(cell);
    else if (res > TURF_RES) out.add(cellToParent(cell, TURF_RES));
    else for (const child of cellToChildren(cell, TURF_RES)) out.add(child);
  }
  return [...out].sort();
}

/** A cell's outline as [lat, lng] corners, for drawing it on a map. */
export function cellOutline(cell: string): [number, number][] {
  return cellToBoundary(cell).map(([lat, lng]) => [lat, lng] as [number, number]);
}

/** The turf cell (one block) under a point tapped on the map. */
export function turfCellAt(point: { lat: number; lng: number }): string {
  return latLngToCell(point.lat, point.lng, TURF_RES);
}

/**
 * A turf being drawn, after a tap on the map: the tapped block is added, or taken out if it was
 * in; the order of the others is kept, and no more than TURF_MAX_CELLS are ever held.
 */
export function toggleTurfCell(
  cells: readonly string[],
  point: { lat: number; lng: number },
): string[] {
  const cell = turfCellAt(point);
  if (cells.includes(cell)) return cells.filter((c) => c !== cell);
  return cells.length >= TURF_MAX_CELLS ? [...cells] : [...cells, cell];
}
