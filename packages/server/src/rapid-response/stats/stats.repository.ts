import { sql } from 'kysely';
import type { Executor } from '../../platform';

/** The kept columns statistics need, for incidents of some areas first reported since a day. */
export function incidentFigures(db: Executor, areaIds: string[], sinceDay: string) {
  if (areaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('incidents')
    .select([
      'area_id',
      // As text: the city calendar day, whatever the driver makes of a date.
      sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
      'state',
      'first_report_at',
      'corroborated_at',
      'confirmed_at',
      'alerts_delivered',
    ])
    .where('area_id', 'in', areaIds)
    .where('day', '>=', sinceDay)
    .execute();
}
