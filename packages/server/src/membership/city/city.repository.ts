import { sql } from 'kysely';
import type { AreaKind, Executor, Tx } from '../../platform';

// Rows per INSERT: ~2,000 bind parameters for a cell row, well under PostgreSQL's 65,535.
const CHUNK = 1_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export function findCity(db: Executor) {
  return db.selectFrom('city').select(['slug', 'settings', 'updated_at']).executeTakeFirst();
}

/** Writes the one city row; false when it already held exactly this slug and these settings. */
export async function upsertCity(
  tx: Tx,
  slug: string,
  settings: unknown,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .insertInto('city')
    .values({ id: 1, slug, settings: JSON.stringify(settings), updated_at: now })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          slug: eb.ref('excluded.slug'),
          settings: eb.ref('excluded.settings'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where(
          sql<boolean>`city.slug is distinct from excluded.slug or city.settings is distinct from excluded.settings`,
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Every area with what a pack load needs to match it by slug; archived ones included. */
export function listAreasForPack(tx: Tx) {
  return tx
    .selectFrom('areas')
    .select(['id', 'slug', 'kind', 'parent_id', 'archived_at'])
    .execute();
}

export interface PackAreaRow {
  id: string;
  slug: string;
  name: string;
  kind: Extract<AreaKind, 'city' | 'neighborhood'>;
  parentId: string | null;
  geometry: unknown;
}

export async function insertPackArea(tx: Tx, area: PackAreaRow, now: Date): Promise<void> {
  await tx
    .insertInto('areas')
    .values({
      id: area.id,
      slug: area.slug,
      name: area.name,
      kind: area.kind,
      parent_id: area.parentId,
      sector: null,
      headcount: null,
      geometry: area.geometry === null ? null : JSON.stringify(area.geometry),
      created_at: now,
    })
    .execute();
}

/** Brings an area in line with the pack (and out of the archive); false when nothing differed. */
export async function updatePackArea(tx: Tx, area: PackAreaRow): Promise<boolean> {
  const geometry = area.geometry === null ? null : JSON.stringify(area.geometry);
  const result = await tx
    .updateTable('areas')
    .set({
      slug: area.slug,
      name: area.name,
      parent_id: area.parentId,
      geometry,
      archived_at: null,
    })
    .where('id', '=', area.id)
    .where((eb) =>
      eb.or([
        eb('slug', '!=', area.slug),
        eb('name', '!=', area.name),
        sql<boolean>`parent_id is distinct from ${area.parentId}::uuid`,
        sql<boolean>`geometry is distinct from ${geometry}::jsonb`,
        eb('archived_at', 'is not', null),
      ]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function archiveAreas(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('areas').set({ archived_at: now }).where('id', 'in', ids).execute();
}

/** Moves the workplaces of archived neighborhoods up to the city, so their chain stays whole. */
export async function reparentWorkplaces(tx: Tx, fromIds: string[], toId: string): Promise<number> {
  if (fromIds.length === 0) return 0;
  const result = await tx
    .updateTable('areas')
    .set({ parent_id: toId })
    .where('kind', '=', 'workplace')
    .where('parent_id', 'in', fromIds)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The cells held by neighborhoods (archived ones included). */
export function neighborhoodCells(tx: Tx) {
  return tx
    .selectFrom('area_cells')
    .innerJoin('areas', 'areas.id', 'area_cells.area_id')
    .select(['area_cells.cell', 'area_cells.area_id'])
    .where('areas.kind', '=', 'neighborhood')
    .execute();
}

export async function deleteCells(tx: Tx, cells: string[]): Promise<void> {
  for (const chunk of chunks(cells)) {
    await tx.deleteFrom('area_cells').where('cell', 'in', chunk).execute();
  }
}

/** Gives each cell to its area; a cell held by another area moves (a cell has one owner). */
export async function upsertCells(
  tx: Tx,
  rows: { cell: string; area_id: string }[],
): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx
      .insertInto('area_cells')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('cell').doUpdateSet((eb) => ({ area_id: eb.ref('excluded.area_id') })),
      )
      .execute();
  }
}
