import { randomUUID } from 'node:crypto';
import { CityPackError, cityPackSchema, type CityPack } from '@tocsin/core';
import {
  NotFoundError,
  audit,
  enqueueEvents,
  transact,
  type AppContext,
  type Tx,
} from '../../platform';
import { lockAreas } from '../areas';
import { ensureDefaultGroups } from '../groups';
import {
  archiveAreas,
  deleteCells,
  findCity,
  insertPackArea,
  listAreasForPack,
  neighborhoodCells,
  reparentWorkplaces,
  updatePackArea,
  upsertCells,
  upsertCity,
  type PackAreaRow,
} from './city.repository';
import { presentPublicCity, type PublicCityView } from './city.presenter';
import { readCityPack } from './read-city-pack';

export interface CityLoadSummary {
  city: string;
  /** Neighborhoods in the pack. */
  areas: number;
  /** H3 cells covering them. */
  cells: number;
  /** Neighborhoods archived by this load because the pack no longer has them. */
  archived: number;
  /** False when the database already matched the pack. */
  changed: boolean;
}

/**
 * Loads a city pack folder: the city row, the city area, its neighborhoods and their cells, and
 * the default working groups, in one transaction. Loading the same pack again changes nothing.
 */
export async function loadCityPack(ctx: AppContext, folder: string): Promise<CityLoadSummary> {
  return installCityPack(ctx, await readCityPack(folder));
}

/** Writes an already validated pack (see `readCityPack`); what `loadCityPack` does after reading. */
export async function installCityPack(ctx: AppContext, pack: CityPack): Promise<CityLoadSummary> {
  const summary = await transact(ctx, async (tx) => {
    await lockAreas(tx);
    return applyCityPack(ctx, tx, pack);
  });
  // This node drops its copy now; the others when the areas.changed event reaches them.
  if (summary.changed) ctx.areas.invalidate();
  return summary;
}

/** On first start: loads `config.cityPack` when no city is loaded yet; null when one was. */
export async function ensureCity(ctx: AppContext): Promise<CityLoadSummary | null> {
  if (await findCity(ctx.db)) return null;
  const pack = await readCityPack(ctx.config.cityPack);
  const summary = await transact(ctx, async (tx) => {
    await lockAreas(tx);
    // Another node may have loaded a pack while this one was parsing it.
    return (await findCity(tx)) ? null : applyCityPack(ctx, tx, pack);
  });
  if (summary) {
    ctx.areas.invalidate();
    ctx.logger.info(
      { city: summary.city, areas: summary.areas, cells: summary.cells },
      'city pack loaded',
    );
  }
  return summary;
}

/** The public part of the city's settings, for the join page; 404 before a pack is loaded. */
export async function getPublicCity(ctx: AppContext): Promise<PublicCityView> {
  const row = await findCity(ctx.db);
  if (!row) throw new NotFoundError('No city is loaded');
  return presentPublicCity(row.slug, cityPackSchema.parse(row.settings));
}

async function applyCityPack(ctx: AppContext, tx: Tx, pack: CityPack): Promise<CityLoadSummary> {
  const now = ctx.clock.now();
  const { settings } = pack;
  let changed = await upsertCity(tx, settings.slug, settings, now);

  const existing = await listAreasForPack(tx);
  const bySlug = new Map(existing.map((area) => [area.slug, area]));
  const source = settings.areas.source;
  const slugTaken = (slug: string, path: string, by: string) =>
    new CityPackError([
      { file: source, path, message: `the id "${slug}" is already used by ${by} in this city` },
    ]);

  // The city area: the live one if any, so its id (and every role held on it) survives.
  const cityRow =
    existing.find((a) => a.kind === 'city' && !a.archived_at) ??
    existing.find((a) => a.kind === 'city');
  const cityClash = bySlug.get(settings.slug);
  if (cityClash && cityClash.id !== cityRow?.id) {
    throw new CityPackError([
      { file: 'city.json', path: 'slug', message: `"${settings.slug}" is already an area's id` },
    ]);
  }
  const cityArea: PackAreaRow = {
    id: cityRow?.id ?? randomUUID(),
    slug: settings.slug,
    name: settings.name,
    kind: 'city',
    parentId: null,
    geometry: null,
  };
  if (cityRow) changed = (await updatePackArea(tx, cityArea)) || changed;
  else {
    await insertPackArea(tx, cityArea, now);
    changed = true;
  }

  const neighborhoodIds = new Map<string, string>();
  for (const [i, area] of pack.areas.entries()) {
    const row = bySlug.get(area.slug);
    if (row && row.kind !== 'neighborhood') {
      throw slugTaken(
        area.slug,
        `features[${i}]`,
        row.kind === 'city' ? 'the city' : 'a workplace',
      );
    }
    const next: PackAreaRow = {
      id: row?.id ?? randomUUID(),
      slug: area.slug,
      name: area.name,
      kind: 'neighborhood',
      parentId: cityArea.id,
      geometry: area.geometry,
    };
    if (row) changed = (await updatePackArea(tx, next)) || changed;
    else {
      await insertPackArea(tx, next, now);
      changed = true;
    }
    neighborhoodIds.set(area.slug, next.id);
  }

  const gone = existing.filter(
    (a) => a.kind === 'neighborhood' && !a.archived_at && !neighborhoodIds.has(a.slug),
  );
  const goneIds = gone.map((a) => a.id);
  await archiveAreas(tx, goneIds, now);
  const moved = await reparentWorkplaces(tx, goneIds, cityArea.id);
  changed = changed || goneIds.length > 0 || moved > 0;

  const cellsChanged = await syncCells(tx, pack, neighborhoodIds);
  changed = changed || cellsChanged;

  await ensureDefaultGroups(tx, [cityArea.id, ...neighborhoodIds.values()], now);

  const summary: CityLoadSummary = {
    city: settings.slug,
    areas: pack.areas.length,
    cells: pack.areas.reduce((n, area) => n + area.cells.length, 0),
    archived: goneIds.length,
    changed,
  };
  if (changed) {
    await audit(tx, {
      at: now,
      actorId: null,
      action: 'city.loaded',
      areaId: cityArea.id,
      details: { areas: summary.areas, cells: summary.cells, archived: summary.archived },
    });
    // Every node drops its cached AreaDirectory when this is published.
    await enqueueEvents(
      ctx,
      tx,
      [{ name: 'areas.changed', payload: { reason: 'city_pack' } }],
      now,
    );
  }
  return summary;
}

/** Makes the neighborhoods' cells exactly the pack's, writing only the differences. */
async function syncCells(
  tx: Tx,
  pack: CityPack,
  neighborhoodIds: Map<string, string>,
): Promise<boolean> {
  const wanted = new Map<string, string>();
  for (const area of pack.areas) {
    const areaId = neighborhoodIds.get(area.slug);
    if (areaId) for (const cell of area.cells) wanted.set(cell, areaId);
  }
  const held = new Map((await neighborhoodCells(tx)).map((row) => [row.cell, row.area_id]));
  const stale = [...held.keys()].filter((cell) => !wanted.has(cell));
  const fresh = [...wanted]
    .filter(([cell, areaId]) => held.get(cell) !== areaId)
    .map(([cell, areaId]) => ({ cell, area_id: areaId }));
  await deleteCells(tx, stale);
  await upsertCells(tx, fresh);
  return stale.length > 0 || fresh.length > 0;
}
