import { usablePolygons } from './geometry';
import type { AreaGeometry, Ring, UsablePolygon } from './geometry';

/** Whether a point lies inside the geometry and outside its holes (slivers ignored). */
export function pointInGeometry(geometry: AreaGeometry, lat: number, lng: number): boolean {
  return pointInPolygons(usablePolygons(geometry), lat, lng);
}

/** pointInGeometry for polygons already cleaned, so repeated tests skip the cleaning. */
export function pointInPolygons(
  polygons: readonly UsablePolygon[],
  lat: number,
  lng: number,
): boolean {
  return polygons.some(
    (polygon) =>
      pointInRing(polygon.outer, lng, lat) &&
      !polygon.holes.some((hole) => pointInRing(hole, lng, lat)),
  );
}

// Even-odd ray casting towards +x. The half-open test on y counts a vertex lying exactly on the
// ray once, so a ray through a vertex does not flip the answer twice.
function pointInRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
