import { AREA_RES, cellCenter, type LatLng } from '@tocsin/core';
import { latLngToCell } from 'h3-js';
import type { AreaSnapshot } from '../../membership';

export interface ResolvedPlace {
  /** The center of the area-resolution cell: reports never keep finer coordinates. */
  point: LatLng;
  cell: string;
  areaId: string | null;
}

/** Lowercase, accents and punctuation dropped: "Cedar–Riverside" and "cedar riverside" match. */
function fold(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** Snaps a point to the center of its area-resolution cell. */
export function boundedPoint(lat: number, lng: number): { point: LatLng; cell: string } {
  const cell = latLngToCell(lat, lng, AREA_RES);
  return { point: cellCenter(cell), cell };
}

/** The area whose name the text contains (longest name wins), among city and neighborhoods. */
export function areaNamedIn(areas: AreaSnapshot, text: string): string | null {
  const folded = fold(text);
  let best: { id: string; length: number } | null = null;
  for (const area of areas.all) {
    if (area.kind === 'workplace') continue;
    const name = fold(area.name);
    if (name.trim().length < 3 || !folded.includes(name)) continue;
    if (!best || name.length > best.length) best = { id: area.id, length: name.length };
  }
  return best?.id ?? null;
}

/**
 * Where a report is: its coordinates, else the area it names (by id or in its location text),
 * placed at that area's middle cell. Null when nothing places it.
 */
export function resolvePlace(
  areas: AreaSnapshot,
  input: {
    lat?: number | undefined;
    lng?: number | undefined;
    text?: string | undefined;
    areaId?: string | null | undefined;
  },
): ResolvedPlace | null {
  if (input.lat !== undefined && input.lng !== undefined) {
    const { point, cell } = boundedPoint(input.lat, input.lng);
    return {
      point,
      cell,
      areaId: areas.index.areaAt(point.lat, point.lng) ?? input.areaId ?? null,
    };
  }
  const areaId = input.areaId ?? (input.text ? areaNamedIn(areas, input.text) : null);
  if (!areaId) return null;
  const middle = areas.middleCell(areaId);
  if (!middle) return null;
  return { point: cellCenter(middle), cell: middle, areaId };
}
