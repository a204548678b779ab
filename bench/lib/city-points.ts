// Points spread over the Minneapolis demo pack, reproducible: a seeded generator, kept only where
// the pack has an area (so every point is in some neighborhood, like the members who live there).
import type { AreaSnapshot } from '../../packages/server/src/membership/areas/area-directory';

export interface CityPoint {
  lat: number;
  lng: number;
  areaId: string;
}

/** mulberry32: a small seeded generator, so every run spreads members the same way. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Bounding box of the demo pack (Minneapolis).
const BOX = { south: 44.89, north: 45.052, west: -93.33, east: -93.193 };

/** `count` points inside the city's neighborhoods, each with the neighborhood it is in. */
export function cityPoints(areas: AreaSnapshot, count: number, seed = 1): CityPoint[] {
  const random = seeded(seed);
  const out: CityPoint[] = [];
  while (out.length < count) {
    const lat = BOX.south + random() * (BOX.north - BOX.south);
    const lng = BOX.west + random() * (BOX.east - BOX.west);
    const areaId = areas.index.areaAt(lat, lng);
    if (!areaId || areas.byId.get(areaId)?.kind !== 'neighborhood') continue;
    out.push({ lat, lng, areaId });
  }
  return out;
}
