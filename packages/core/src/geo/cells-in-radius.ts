import { cellToLatLng, getResolution, gridDisk, latLngToCell } from 'h3-js';
import { cellCenter, cellCircumradiusMeters } from './cells';
import { haversineMeters } from './haversine';
import { assertLatLng } from './lat-lng';
import { assertResolution } from './resolutions';

// H3 cell size changes slowly across the globe: cells around the origin are within a few percent
// of its size, so the origin cell scaled by this bounds its neighbors.
const NEIGHBOR_SIZE_SLACK = 1.1;
// A guard against a radius far too large for the resolution (k = 300 is ~270,000 cells).
const MAX_RINGS = 300;

/** Every cell at `res` whose hexagon meets the disc (a slight superset: centers within radius + circumradius). */
export function cellsInRadius(
  lat: number,
  lng: number,
  radiusMeters: number,
  res: number,
): string[] {
  const origin = originCell(lat, lng, radiusMeters, res);
  // A hexagon that meets the disc has its center within radius + circumradius of the point.
  return centersWithin({ lat, lng }, origin, radiusMeters + maxCircumradius(origin), radiusMeters);
}

/** Every cell at `res` whose center lies within `radiusMeters` of the point (exactly). */
export function cellsCenteredWithin(
  lat: number,
  lng: number,
  radiusMeters: number,
  res: number,
): string[] {
  const origin = originCell(lat, lng, radiusMeters, res);
  return centersWithin({ lat, lng }, origin, radiusMeters, radiusMeters);
}

/** The point's cell, once the arguments are checked. */
function originCell(lat: number, lng: number, radiusMeters: number, res: number): string {
  assertLatLng(lat, lng);
  assertResolution(res);
  assertRadius(radiusMeters);
  return latLngToCell(lat, lng, res);
}

function assertRadius(radiusMeters: number): void {
  if (!Number.isFinite(radiusMeters) || radiusMeters < 0) {
    throw new RangeError(`radius must be a finite number of meters >= 0, got ${radiusMeters}`);
  }
}

function maxCircumradius(origin: string): number {
  return cellCircumradiusMeters(origin) * NEIGHBOR_SIZE_SLACK;
}

/** The cells around `origin` (the point's cell) whose centers are within `reach` of the point. */
function centersWithin(
  point: { lat: number; lng: number },
  origin: string,
  reach: number,
  /** The radius asked for, for the error message. */
  radiusMeters: number,
): string[] {
  const circumradius = cellCircumradiusMeters(origin);
  // Centers k rings out are at least 1.5·k·circumradius from the origin's center (the apothem of
  // the ring's hexagon), and the point itself is up to one circumradius off that center.
  const minRingStep = (1.5 * circumradius) / NEIGHBOR_SIZE_SLACK;
  const fromOrigin = haversineMeters(point, cellCenter(origin)) + reach;
  const rings = Math.ceil(fromOrigin / minRingStep) + 1;
  if (rings > MAX_RINGS) {
    throw new RangeError(
      `radius ${radiusMeters} m is too large for H3 resolution ${getResolution(origin)}`,
    );
  }
  return gridDisk(origin, rings).filter((cell) => {
    const [cellLat, cellLng] = cellToLatLng(cell);
    return haversineMeters(point, { lat: cellLat, lng: cellLng }) <= reach;
  });
}
