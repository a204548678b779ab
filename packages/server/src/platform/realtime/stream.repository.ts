import { sql } from 'kysely';
import type { Executor } from '../db/database';
import type { AlertPreferences } from '../../rapid-response/alerts/preferences.repository';

/**
 * What a socket needs after its token checks out, in one round trip: the member's saved alert
 * preferences (null: none saved), whether they are on shift, and the latest alert seq.
 */
export async function streamStart(
  db: Executor,
  memberId: string,
): Promise<{ prefs: AlertPreferences | null; onShift: boolean; seq: number }> {
  const { rows } = await sql<{
    area_ids: string[] | null;
    place_cells: string[] | null;
    radius_meters: number | null;
    min_level: AlertPreferences['minLevel'] | null;
    on_shift: boolean | null;
    seq: string | null;
  }>`
    select p.area_ids, p.place_cells, p.radius_meters, p.min_level,
      (select on_shift from responder_shifts where member_id = ${memberId}) as on_shift,
      (select max(seq) from alerts) as seq
    from (select 1) as one
    left join alert_preferences p on p.member_id = ${memberId}`.execute(db);
  const row = rows[0];
  return {
    prefs:
      row?.area_ids && row.place_cells && row.radius_meters !== null && row.min_level
        ? {
            areaIds: row.area_ids,
            placeCells: row.place_cells,
            radiusMeters: row.radius_meters,
            minLevel: row.min_level,
          }
        : null,
    onShift: row?.on_shift ?? false,
    seq: Number(row?.seq ?? 0),
  };
}
