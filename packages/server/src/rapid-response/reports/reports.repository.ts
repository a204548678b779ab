import type { Executor } from '../../platform';

export function findReport(db: Executor, id: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'member_id', 'incident_id', 'salute', 'plates', 'purged_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface NewReport {
  id: string;
  memberId: string;
  incidentId: string;
  receivedAt: Date;
  observedAt: Date | null;
  areaId: string | null;
  salute: unknown;
  text: string | null;
  cell: string;
  lat: number;
  lng: number;
  plates: string[];
}

/** Inserts a report; false when its id exists already (a retry that raced the first try). */
export async function insertReport(db: Executor, r: NewReport): Promise<boolean> {
  const result = await db
    .insertInto('reports')
    .values({
      id: r.id,
      member_id: r.memberId,
      incident_id: r.incidentId,
      received_at: r.receivedAt,
      observed_at: r.observedAt,
      area_id: r.areaId,
      salute: JSON.stringify(r.salute),
      text: r.text,
      cell: r.cell,
      lat: r.lat,
      lng: r.lng,
      plates: JSON.stringify(r.plates),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Reports by every member one sponsor invited, since a time, oldest first (rate limit). */
export function reportTimesOfSponsorFamily(db: Executor, sponsorId: string, since: Date) {
  return db
    .selectFrom('reports')
    .innerJoin('members', 'members.id', 'reports.member_id')
    .select('reports.received_at')
    .where('members.sponsor_id', '=', sponsorId)
    .where('reports.received_at', '>', since)
    .orderBy('reports.received_at')
    .execute();
}
