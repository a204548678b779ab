import { buildAreaIndex, type AreaIndex } from '@tocsin/core';
import type { Db } from '../../db/database';
import type { AreaKind } from '../../db/schema/city';

export interface AreaRecord {
  id: string;
  slug: string;
  name: string;
  kind: AreaKind;
  parentId: string | null;
  sector: string | null;
  headcount: number | null;
}

/** All areas of the city as one immutable snapshot, with the H3 index of their cells. */
export class AreaSnapshot {
  readonly byId = new Map<string, AreaRecord>();
  readonly city: AreaRecord | null;

  constructor(
    areas: AreaRecord[],
    readonly index: AreaIndex,
  ) {
    for (const area of areas) this.byId.set(area.id, area);
    this.city = areas.find((area) => area.kind === 'city') ?? null;
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
    const rows = await this.db
      .selectFrom('areas')
      .select(['id', 'slug', 'name', 'kind', 'parent_id', 'sector', 'headcount'])
      .where('archived_at', 'is', null)
      .execute();
    const cells = await this.db.selectFrom('area_cells').select(['cell', 'area_id']).execute();
    const byArea = new Map<string, string[]>();
    for (const { cell, area_id } of cells) {
      let list = byArea.get(area_id);
      if (!list) byArea.set(area_id, (list = []));
      list.push(cell);
    }
    const index = buildAreaIndex([...byArea].map(([id, list]) => ({ id, cells: list })));
    return new AreaSnapshot(
      rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        name: row.name,
        kind: row.kind,
        parentId: row.parent_id,
        sector: row.sector,
        headcount: row.headcount,
      })),
      index,
    );
  }
}
