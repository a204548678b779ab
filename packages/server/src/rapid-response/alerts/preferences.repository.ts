import type { Executor } from '../../platform';

export interface AlertPreferences {
  areaIds: string[];
  placeCells: string[];
  radiusMeters: number;
  minLevel: 'unconfirmed' | 'confirmed';
}

export async function findPreferences(
  db: Executor,
  memberId: string,
): Promise<AlertPreferences | null> {
  const row = await db
    .selectFrom('alert_preferences')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row
    ? {
        areaIds: row.area_ids,
        placeCells: row.place_cells,
        radiusMeters: row.radius_meters,
        minLevel: row.min_level,
      }
    : null;
}

export async function savePreferences(
  db: Executor,
  memberId: string,
  prefs: AlertPreferences,
  now: Date,
): Promise<void> {
  const values = {
    area_ids: JSON.stringify(prefs.areaIds),
    place_cells: JSON.stringify(prefs.placeCells),
    radius_meters: prefs.radiusMeters,
    min_level: prefs.minLevel,
    updated_at: now,
  };
  await db
    .insertInto('alert_preferences')
    .values({ member_id: memberId, ...values })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
    .execute();
}
