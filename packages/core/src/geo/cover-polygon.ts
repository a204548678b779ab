import { latLngToCell, polygonToCells } from 'h3-js';
import { ringAreaSquareMeters, usablePolygons } from './geometry';
import type { AreaGeometry, Ring, UsablePolygon } from './geometry';
import { pointInPolygons } from './point-in-geometry';
import { assertResolution } from './resolutions';

/** Cells at `res` whose centers lie in the geometry; slivers and broken rings are skipped, never thrown on. */
export function coverPolygon(geometry: AreaGeometry, res: number): string[] {
  assertResolution(res);
  const polygons = usablePolygons(geometry);
  const cells = new Set<string>();
  for (const { outer, holes } of polygons) {
    try {
      for (const cell of polygonToCells([outer, ...holes], res, true)) cells.add(cell);
    } catch {
      // H3 rejects some self-intersecting input; the other polygons can still be covered.
    }
  }
  // A real area smaller than one cell would otherwise be unreachable by alerts.
  if (cells.size === 0 && polygons.length > 0) {
    const [lng, lat] = representativePoint(polygons);
    cells.add(latLngToCell(lat, lng, res));
  }
  return [...cells];
}

// The vertex average of the largest outer ring when it falls inside the area, else a vertex:
// good enough to pick the one cell a tiny area gets.
function representativePoint(polygons: readonly UsablePolygon[]): [number, number] {
  const largest = polygons.reduce((best, polygon) =>
    ringAreaSquareMeters(polygon.outer) > ringAreaSquareMeters(best.outer) ? polygon : best,
  );
  const centroid = vertexCentroid(largest.outer);
  if (pointInPolygons(polygons, centroid[1], centroid[0])) return centroid;
  return largest.outer[0] ?? centroid;
}

function vertexCentroid(ring: Ring): [number, number] {
  // The closing vertex repeats the first; leave it out so it is not counted twice.
  const vertices = ring.slice(0, -1);
  const sum = vertices.reduce<[number, number]>(([x, y], [lng, lat]) => [x + lng, y + lat], [0, 0]);
  return [sum[0] / vertices.length, sum[1] / vertices.length];
}
