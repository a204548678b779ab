import { sql } from 'kysely';
import type { Executor } from '../../../platform';
import type { AlertPreferences } from '../preferences.repository';

/** What a socket needs after its token checks out (see streamStarts). */
export interface StreamStart {
  prefs: AlertPreferences | null;
  onShift: boolean;
  seq: number;
}

/**
 * What a socket needs after its token checks out, in one round trip: the member's saved alert
 * preferences (null: none saved), whether they are on shift, and the latest alert seq.
 */
export async function streamStart(db: Executor, memberId: string): Promise<StreamStart> {
  const starts = await streamStarts(db, [memberId]);
  return starts.get(memberId)!;
}

/**
 * streamStart for many members in one round trip (a reconnect storm's hellos), by member id;
 * the seq is the same for all of them, read in the same statement.
 */
export async function streamStarts(
  db: Executor,
  memberIds: readonly string[],
): Promise<Map<string, StreamStart>> {
  const { rows } = await sql<{
    member_id: string;
    area_ids: string[] | null;
    place_cells: string[] | null;
    radius_meters: number | null;
    min_level: AlertPreferences['minLevel'] | null;
    on_shift: boolean | null;
    seq: string | null;
  }>`
    select m.id::text as member_id, p.area_ids, p.place_cells, p.radius_meters, p.min_level,
      s.on_shift, (select max(seq) from alerts) as seq
    from unnest(string_to_array(${[...new Set(memberIds)].join(',')}, ',')::uuid[]) as m(id)
    left join alert_preferences p on p.member_id = m.id
    left join responder_shifts s on s.member_id = m.id`.execute(db);
  const starts = new Map<string, StreamStart>();
  for (const row of rows)
    starts.set(row.member_id, {
      prefs:
        row.area_ids && row.place_cells && row.radius_meters !== null && row.min_level
          ? {
              areaIds: row.area_ids,
              placeCells: row.place_cells,
              radiusMeters: row.radius_meters,
              minLevel: row.min_level,
            }
          : null,
      onShift: row.on_shift ?? false,
      seq: Number(row.seq ?? 0),
    });
  return starts;
}
