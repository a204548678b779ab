import { getHexagonEdgeLengthAvg, latLngToCell, UNITS } from 'h3-js';
import { cellsInRadius } from '../geo';
import type { InRangeAudience } from './alert-policy';
import { audienceIncludes } from './alert-policy';
import type { Disc, Subscription } from './targeting';
import { inDisc, interestDiscs } from './targeting';

interface Entry {
  readonly sub: Subscription;
  readonly discs: readonly Disc[];
  /** The cell each disc's center is filed under (one per disc, deduplicated). */
  readonly cells: readonly string[];
}

// Coarsest first; finer than res 10 would only cost query time.
const BUCKET_RESOLUTIONS = [5, 6, 7, 8, 9, 10] as const;
const BUCKET_DIAMETERS = BUCKET_RESOLUTIONS.map(
  (res) => [res, 2 * getHexagonEdgeLengthAvg(res, UNITS.m)] as const,
);

/**
 * The resolution a disc's center is filed at: the coarsest whose cells (average diameter) are no
 * wider than its radius, so a look-up around an incident needs a few dozen cells per resolution.
 * Any resolution would be exact (look-ups use the largest radius actually filed there).
 */
function bucketResolution(radiusMeters: number): number {
  for (const [res, diameter] of BUCKET_DIAMETERS) if (diameter <= radiusMeters) return res;
  return BUCKET_RESOLUTIONS[BUCKET_RESOLUTIONS.length - 1]!;
}

/**
 * Subscribers indexed by what they follow, so finding an incident's audience costs in proportion
 * to the candidates found, never to the number of subscribers. Areas are indexed by area id (the
 * incident's area is already resolved to one id, so covering each area with its ~100s of cells
 * would only cost memory). Discs (places and live locations) are filed by the one H3 cell that
 * holds their center, at a resolution chosen by their radius; a look-up takes, per resolution in
 * use, the cells within the largest radius filed there of the incident (a few dozen), and settles
 * each subscriber found there with an exact distance check.
 *
 * Filing each disc under one cell instead of every cell it covers keeps adding a subscriber (every
 * `hello` and every location update) to one `latLngToCell` and one set entry per disc; covering
 * each disc cost ~44 cells and ~300 µs per 1 km disc (see docs/BENCHMARKS.md, benchmark 6).
 */
export class SubscriptionIndex {
  readonly #entries = new Map<string, Entry>();
  readonly #byArea = new Map<string, Set<string>>();
  readonly #byCell = new Map<string, Set<string>>();
  /** Per resolution in use: radius → how many discs of that radius are filed there. */
  readonly #radii = new Map<number, Map<number, number>>();

  /** Number of subscriptions. */
  get size(): number {
    return this.#entries.size;
  }

  /** Number of (cell, subscriber) pairs held: the index's memory, roughly. */
  get cellEntries(): number {
    let n = 0;
    for (const entry of this.#entries.values()) n += entry.cells.length;
    return n;
  }

  /** Whether a subscription with this id is indexed. */
  has(id: string): boolean {
    return this.#entries.has(id);
  }

  /** Add a subscription, replacing any with the same id. */
  add(sub: Subscription): void {
    const discs = interestDiscs(sub);
    const cells: string[] = [];
    const resolutions: number[] = [];
    for (const disc of discs) {
      const res = bucketResolution(disc.radiusMeters);
      resolutions.push(res);
      const cell = latLngToCell(disc.lat, disc.lng, res);
      if (!cells.includes(cell)) cells.push(cell);
    }
    this.remove(sub.id);
    this.#entries.set(sub.id, { sub, discs, cells });
    for (const areaId of sub.areaIds) add(this.#byArea, areaId, sub.id);
    for (const cell of cells) add(this.#byCell, cell, sub.id);
    discs.forEach((disc, i) => this.#countRadius(resolutions[i]!, disc.radiusMeters, 1));
  }

  /** Replace a subscription (new places, radius, level, or a live location from `hello`). */
  update(sub: Subscription): void {
    this.add(sub);
  }

  /** Forget a subscription; unknown ids are ignored. */
  remove(id: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined) return;
    this.#entries.delete(id);
    for (const areaId of entry.sub.areaIds) remove(this.#byArea, areaId, id);
    for (const cell of entry.cells) remove(this.#byCell, cell, id);
    for (const disc of entry.discs)
      this.#countRadius(bucketResolution(disc.radiusMeters), disc.radiusMeters, -1);
  }

  /**
   * Subscribers in range of the incident (see isInRange) and in the audience. `areaId` may be the
   * incident's area with its ancestors, so that following a whole city covers its neighborhoods.
   */
  targets(
    lat: number,
    lng: number,
    areaId: string | null | readonly string[],
    audience: InRangeAudience = 'everyone',
  ): Set<string> {
    const found = new Set<string>();
    this.forEachTarget(lat, lng, areaId, audience, (id) => found.add(id));
    return found;
  }

  /**
   * The same subscribers as `targets`, each handed to `visit` once as soon as it is found, so a
   * caller can act on the first before the last is known (the gateway starts sending at once).
   */
  forEachTarget(
    lat: number,
    lng: number,
    areaId: string | null | readonly string[],
    audience: InRangeAudience,
    visit: (id: string) => void,
  ): void {
    const found = new Set<string>();
    const areaIds = areaId === null ? [] : typeof areaId === 'string' ? [areaId] : areaId;
    for (const area of areaIds) {
      for (const id of this.#byArea.get(area) ?? []) {
        if (found.has(id)) continue;
        const entry = this.#entries.get(id);
        if (entry !== undefined && audienceIncludes(audience, entry.sub)) {
          found.add(id);
          visit(id);
        }
      }
    }
    for (const [res, radii] of this.#radii) {
      let reach = 0;
      for (const radius of radii.keys()) if (radius > reach) reach = radius;
      for (const cell of cellsInRadius(lat, lng, reach, res)) {
        const ids = this.#byCell.get(cell);
        if (ids === undefined) continue;
        for (const id of ids) {
          if (found.has(id)) continue;
          const entry = this.#entries.get(id);
          if (entry === undefined || !audienceIncludes(audience, entry.sub)) continue;
          if (entry.discs.some((d) => inDisc(d, lat, lng))) {
            found.add(id);
            visit(id);
          }
        }
      }
    }
  }

  #countRadius(res: number, radius: number, delta: number): void {
    let radii = this.#radii.get(res);
    if (radii === undefined) this.#radii.set(res, (radii = new Map<number, number>()));
    const next = (radii.get(radius) ?? 0) + delta;
    if (next > 0) radii.set(radius, next);
    else radii.delete(radius);
    if (radii.size === 0) this.#radii.delete(res);
  }
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([id]));
  else set.add(id);
}

function remove(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set === undefined) return;
  set.delete(id);
  // Drop emptied keys so memory follows live subscriptions, not every cell ever used.
  if (set.size === 0) map.delete(key);
}
