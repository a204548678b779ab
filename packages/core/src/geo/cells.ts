import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { COARSE_RES } from './resolutions';
import { haversineMeters } from './haversine';
import { assertLatLng } from './lat-lng';
import type { LatLng } from './lat-lng';

/** The privacy-preserving cell (COARSE_RES) stored for a member's place or a retained incident. */
export function coarseCell(lat: number, lng: number): string {
  assertLatLng(lat, lng);
  return latLngToCell(lat, lng, COARSE_RES);
}

/** The center of an H3 cell. */
export function cellCenter(cell: string): LatLng {
  const [lat, lng] = cellToLatLng(cell);
  return { lat, lng };
}

/** Largest distance in meters from a cell's center to its corners. */
export function cellCircumradiusMeters(cell: string): number {
  const center = cellCenter(cell);
  return Math.max(
    ...cellToBoundary(cell).map(([lat, lng]) => haversineMeters(center, { lat, lng })),
  );
}
