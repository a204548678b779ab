import { getResolution, isValidCell, latLngToCell } from 'h3-js';
import { cellCenter } from './cells';
import { cellsInRadius } from './cells-in-radius';
import type { AreaGeometry } from './geometry';
import { haversineMeters } from './haversine';
import { assertLatLng } from './lat-lng';
import { pointInGeometry } from './point-in-geometry';

/** An area's covering cells; the geometry, when given, settles cells two areas both claim. */
export interface AreaCells {
  readonly id: string;
  readonly cells: readonly string[];
  readonly geometry?: AreaGeometry;
}

/** Areas covered once by H3 cells, answering point and radius queries by cell look-up. */
export interface AreaIndex {
  /** The area whose cells contain the point, or null outside every area. */
  areaAt(lat: number, lng: number): string | null;
  /** Areas with a cell meeting the disc, the one at the point first, then nearest first. */
  areasNear(lat: number, lng: number, radiusMeters: number): string[];
  /** The cells an area ended up with after shared cells were settled. */
  cellsOf(id: string): readonly string[];
}

/** Map each cell to exactly one area: shared cells go to the area containing the cell's center, else to the first claimant. */
export function assignCellsOnce(areas: readonly AreaCells[]): Map<string, string> {
  const claimants = new Map<string, AreaCells[]>();
  const ids = new Set<string>();
  for (const area of areas) {
    if (ids.has(area.id)) throw new Error(`area id "${area.id}" appears twice`);
    ids.add(area.id);
    for (const cell of area.cells) {
      const list = claimants.get(cell);
      if (list === undefined) claimants.set(cell, [area]);
      else if (!list.includes(area)) list.push(area);
    }
  }
  const owner = new Map<string, string>();
  for (const [cell, list] of claimants) {
    const [first] = list;
    if (first === undefined) continue;
    if (list.length === 1) {
      owner.set(cell, first.id);
      continue;
    }
    const { lat, lng } = cellCenter(cell);
    const holder = list.find((a) => a.geometry && pointInGeometry(a.geometry, lat, lng));
    owner.set(cell, (holder ?? first).id);
  }
  return owner;
}

/** Build an AreaIndex; all cells must be valid and of one resolution. */
export function buildAreaIndex(areas: readonly AreaCells[]): AreaIndex {
  const resolution = checkedResolution(areas);
  const owner = assignCellsOnce(areas);
  const cellsById = new Map<string, string[]>(areas.map((area) => [area.id, []]));
  for (const [cell, id] of owner) cellsById.get(id)?.push(cell);

  const areaAt = (lat: number, lng: number): string | null => {
    assertLatLng(lat, lng);
    if (resolution === null) return null;
    return owner.get(latLngToCell(lat, lng, resolution)) ?? null;
  };

  const areasNear = (lat: number, lng: number, radiusMeters: number): string[] => {
    const here = areaAt(lat, lng);
    if (resolution === null) return [];
    const nearest = new Map<string, number>();
    for (const cell of cellsInRadius(lat, lng, radiusMeters, resolution)) {
      const id = owner.get(cell);
      if (id === undefined) continue;
      const distance = haversineMeters({ lat, lng }, cellCenter(cell));
      if (distance < (nearest.get(id) ?? Infinity)) nearest.set(id, distance);
    }
    const byDistance = [...nearest].sort(([a, da], [b, db]) => da - db || a.localeCompare(b));
    const ids = byDistance.map(([id]) => id);
    return here === null ? ids : [here, ...ids.filter((id) => id !== here)];
  };

  return { areaAt, areasNear, cellsOf: (id) => cellsById.get(id) ?? [] };
}

function checkedResolution(areas: readonly AreaCells[]): number | null {
  let resolution: number | null = null;
  for (const area of areas) {
    for (const cell of area.cells) {
      if (!isValidCell(cell)) throw new Error(`area "${area.id}": "${cell}" is not an H3 cell`);
      const res = getResolution(cell);
      resolution ??= res;
      if (res !== resolution) {
        throw new Error(`area "${area.id}": cell ${cell} is res ${res}, others are ${resolution}`);
      }
    }
  }
  return resolution;
}
