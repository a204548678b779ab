import { EARTH_RADIUS_METERS } from './haversine';

/** A GeoJSON position: [longitude, latitude, ...]. */
export type Position = readonly number[];

/** A GeoJSON Polygon: an outer ring followed by holes. */
export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: readonly (readonly Position[])[];
}

/** A GeoJSON MultiPolygon. */
export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly (readonly Position[])[])[];
}

/** The geometries an area can have. */
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** A closed ring of [lng, lat] pairs whose coordinates are all finite and in range. */
export type Ring = [number, number][];

/** One polygon with its degenerate rings removed. */
export interface UsablePolygon {
  readonly outer: Ring;
  readonly holes: readonly Ring[];
}

// Real boundary files carry slivers: rings that enclose nothing or that go out and back along
// the same line (Minneapolis' Longfellow has both). A ring thinner than this on average
// (2·area/perimeter) is such an artifact; the smallest real feature, a building, is metres wide.
const MIN_MEAN_WIDTH_METERS = 1;
const METERS_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_METERS;

/** The usable polygons of a geometry: rings closed, slivers and malformed rings dropped; never throws. */
export function usablePolygons(geometry: AreaGeometry): UsablePolygon[] {
  // Typed input still comes from JSON at run time, so every level is checked before use.
  const candidate: unknown = geometry;
  if (typeof candidate !== 'object' || candidate === null) return [];
  const { type, coordinates } = candidate as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return [];
  const polygons: unknown[] =
    type === 'MultiPolygon' ? coordinates : type === 'Polygon' ? [coordinates] : [];
  const usable: UsablePolygon[] = [];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon)) continue;
    const [outerRaw, ...holesRaw] = polygon as unknown[];
    const outer = toRing(outerRaw);
    if (outer === null || isSliver(outer)) continue;
    const holes = holesRaw.map(toRing).filter((hole): hole is Ring => hole !== null);
    usable.push({ outer, holes: holes.filter((hole) => !isSliver(hole)) });
  }
  return usable;
}

/** Planar area in square meters of a ring, in a local projection good for city-sized rings. */
export function ringAreaSquareMeters(ring: Ring): number {
  const scaleX = scaleAt(ring);
  let twiceArea = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1] ?? [0, 0];
    const [x2, y2] = ring[i] ?? [0, 0];
    twiceArea += x1 * scaleX * y2 - x2 * scaleX * y1;
  }
  return (Math.abs(twiceArea) / 2) * METERS_PER_DEGREE * METERS_PER_DEGREE;
}

function ringPerimeterMeters(ring: Ring): number {
  const scaleX = scaleAt(ring);
  let perimeter = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x1, y1] = ring[i - 1] ?? [0, 0];
    const [x2, y2] = ring[i] ?? [0, 0];
    perimeter += Math.hypot((x2 - x1) * scaleX, y2 - y1);
  }
  return perimeter * METERS_PER_DEGREE;
}

function scaleAt(ring: Ring): number {
  const latitude = ring[0]?.[1] ?? 0;
  return Math.cos((latitude * Math.PI) / 180);
}

function isSliver(ring: Ring): boolean {
  const perimeter = ringPerimeterMeters(ring);
  return perimeter === 0 || (2 * ringAreaSquareMeters(ring)) / perimeter < MIN_MEAN_WIDTH_METERS;
}

function toRing(raw: unknown): Ring | null {
  if (!Array.isArray(raw)) return null;
  const ring: Ring = [];
  for (const position of raw as unknown[]) {
    if (!Array.isArray(position)) return null;
    const [lng, lat] = position as unknown[];
    if (!isCoordinate(lng, 180) || !isCoordinate(lat, 90)) return null;
    ring.push([lng, lat]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  // GeoJSON rings repeat the first position at the end; close the ring if a file forgot to.
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  return ring.length >= 4 ? ring : null;
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}
