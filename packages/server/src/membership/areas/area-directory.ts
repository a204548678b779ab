import {
  buildAreaIndex,
  cellCenter,
  cityPackSchema,
  haversineMeters,
  type AreaIndex,
  type CitySettings,
} from '@tocsin/core';
import type { Db, PlatformContext } from '../../platform';
import {
  areaCellRows,
  citySettingsRow,
  currentAreas,
  toAreaRecord,
  type AreaRecord,
} from './areas.repository';

export type { AreaRecord };

/** All areas of the city as one immutable snapshot, with the H3 index of their cells. */
export class AreaSnapshot {
  readonly byId = new Map<string, AreaRecord>();
  readonly city: AreaRecord | null;

  constructor(
    areas: AreaRecord[],
    readonly index: AreaIndex,
    /** The loaded city pack's settings; null before a pack is loaded. */
    readonly settings: CitySettings | null,
  ) {
    for (const area of areas) this.byId.set(area.id, area);
    this.city = areas.find((area) => area.kind === 'city') ?? null;
  }

  /**
   * The areas that answer for something placed in this area: the area and its ancestors, or,
   * for something in no area (a point outside every neighborhood), the city — whose staff
   * verify it and whose followers hear of it.
   */
  chainOrCity(areaId: string | null | undefined): string[] {
    if (areaId) return this.chain(areaId);
    return this.city ? [this.city.id] : [];
  }

  /** The area and its ancestors up to the city, nearest first; empty for an unknown id. */
  chain(areaId: string): string[] {
    const chain: string[] = [];
    let current = this.byId.get(areaId);
    while (current && !chain.includes(current.id)) {
      chain.push(current.id);
      current = current.parentId ? this.byId.get(current.parentId) : undefined;
    }
    return chain;
  }

  /**
   * The area's cell nearest the mean of its cell centers, for reports that name an area but give
   * no coordinates. A workplace (no polygon) uses its nearest ancestor with cells.
   */
  middleCell(areaId: string): string | null {
    for (const id of this.chain(areaId)) {
      if (this.#middles.has(id)) return this.#middles.get(id) ?? null;
      const cells = this.index.cellsOf(id);
      if (cells.length === 0) continue;
      const centers = cells.map((cell) => ({ cell, ...cellCenter(cell) }));
      const lat = centers.reduce((sum, c) => sum + c.lat, 0) / centers.length;
      const lng = centers.reduce((sum, c) => sum + c.lng, 0) / centers.length;
      let best = centers[0]!;
      for (const c of centers) {
        if (haversineMeters(c, { lat, lng }) < haversineMeters(best, { lat, lng })) best = c;
      }
      this.#middles.set(id, best.cell);
      return best.cell;
    }
    return null;
  }

  readonly #middles = new Map<string, string>();

  get all(): AreaRecord[] {
    return [...this.byId.values()];
  }
}

/**
 * Areas change rarely (a city pack load, a new workplace), so every node keeps them in memory
 * and drops its copy when an `areas.changed` event arrives.
 */
export class AreaDirectory {
  #snapshot: Promise<AreaSnapshot> | null = null;

  constructor(private readonly db: Db) {}

  get(): Promise<AreaSnapshot> {
    this.#snapshot ??= this.#load().catch((error: unknown) => {
      this.#snapshot = null;
      throw error;
    });
    return this.#snapshot;
  }

  invalidate(): void {
    this.#snapshot = null;
  }

  async #load(): Promise<AreaSnapshot> {
    const rows = await currentAreas(this.db);
    const city = await citySettingsRow(this.db);
    const cells = await areaCellRows(this.db);
    const byArea = new Map<string, string[]>();
    for (const { cell, area_id } of cells) {
      let list = byArea.get(area_id);
      if (!list) byArea.set(area_id, (list = []));
      list.push(cell);
    }
    const index = buildAreaIndex([...byArea].map(([id, list]) => ({ id, cells: list })));
    return new AreaSnapshot(
      rows.map(toAreaRecord),
      index,
      city ? cityPackSchema.parse(city.settings) : null,
    );
  }
}

declare module '../../platform/context' {
  interface AppContext {
    /** The city's areas, cached per node and dropped on `areas.changed`. */
    areas: AreaDirectory;
  }
}

/** Builds this node's area directory; every node drops its cached areas when any node changes them. */
export async function attachAreas(platform: PlatformContext): Promise<{ areas: AreaDirectory }> {
  const areas = new AreaDirectory(platform.db);
  await platform.bus.subscribe({
    consumer: `areas-${platform.config.nodeId}`,
    types: ['areas.changed'],
    handler: async () => areas.invalidate(),
  });
  return { areas };
}
