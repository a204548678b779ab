import type { AlertKind } from '@tocsin/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** The incident and every incident merged into it: one audience. */
function audienceIncidents(db: Executor, incidentId: string) {
  return db
    .selectFrom('incidents')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', incidentId), eb('merged_into', '=', incidentId)]));
}

/** Member → kinds already delivered for an incident (and the incidents merged into it). */
export async function deliveryLog(
  db: Executor,
  incidentId: string,
): Promise<Map<string, Set<AlertKind>>> {
  const rows = await db
    .selectFrom('alert_deliveries')
    .select(['member_id', 'kind'])
    .where('incident_id', 'in', audienceIncidents(db, incidentId))
    .execute();
  const log = new Map<string, Set<AlertKind>>();
  for (const { member_id, kind } of rows) {
    let kinds = log.get(member_id);
    if (!kinds) log.set(member_id, (kinds = new Set()));
    kinds.add(kind);
  }
  return log;
}

export interface DeliveryRow {
  alertId: string;
  memberId: string;
  incidentId: string;
  kind: AlertKind;
  seq: number;
}

const CHUNK = 2_000;

/** Records deliveries (ignoring ones already recorded); returns how many were new. */
export async function recordDeliveries(
  db: Executor,
  rows: DeliveryRow[],
  at: Date,
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = await db
      .insertInto('alert_deliveries')
      .values(
        chunk.map((r) => ({
          alert_id: r.alertId,
          member_id: r.memberId,
          incident_id: r.incidentId,
          kind: r.kind,
          seq: r.seq,
          delivered_at: at,
        })),
      )
      .onConflict((oc) => oc.columns(['alert_id', 'member_id']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

export async function countDelivered(
  db: Executor,
  incidentId: string,
  count: number,
): Promise<void> {
  if (count === 0) return;
  await db
    .updateTable('incidents')
    .set({ alerts_delivered: sql`alerts_delivered + ${count}` })
    .where('id', '=', incidentId)
    .execute();
}

export async function markAcked(
  db: Executor,
  memberId: string,
  alertIds: string[],
  at: Date,
): Promise<void> {
  if (alertIds.length === 0) return;
  await db
    .updateTable('alert_deliveries')
    .set({ acked_at: at })
    .where('member_id', '=', memberId)
    .where('alert_id', 'in', alertIds)
    .where('acked_at', 'is', null)
    .execute();
}

/** Alerts after a sequence number, oldest first, within a window. */
export function alertsSince(db: Executor, since: number, after: Date, limit: number) {
  return db
    .selectFrom('alerts')
    .select(['id', 'seq', 'incident_id', 'kind', 'audience', 'body'])
    .where('seq', '>', String(since))
    .where('created_at', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Alerts already delivered to a member after a sequence number. */
export async function deliveredSince(
  db: Executor,
  memberId: string,
  since: number,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('alert_deliveries')
    .select('alert_id')
    .where('member_id', '=', memberId)
    .where('seq', '>', String(since))
    .execute();
  return new Set(rows.map((r) => r.alert_id));
}

/** Kinds delivered to one member, per incident, for some incidents. */
export async function memberLog(
  db: Executor,
  memberId: string,
  incidentIds: string[],
): Promise<Map<string, Set<AlertKind>>> {
  const log = new Map<string, Set<AlertKind>>();
  if (incidentIds.length === 0) return log;
  const rows = await db
    .selectFrom('alert_deliveries')
    .innerJoin('incidents', 'incidents.id', 'alert_deliveries.incident_id')
    .select(['alert_deliveries.kind', 'alert_deliveries.incident_id', 'incidents.merged_into'])
    .where('alert_deliveries.member_id', '=', memberId)
    .where((eb) =>
      eb.or([
        eb('alert_deliveries.incident_id', 'in', incidentIds),
        eb('incidents.merged_into', 'in', incidentIds),
      ]),
    )
    .execute();
  for (const row of rows) {
    for (const id of [row.incident_id, row.merged_into]) {
      if (!id) continue;
      let kinds = log.get(id);
      if (!kinds) log.set(id, (kinds = new Set()));
      kinds.add(row.kind);
    }
  }
  return log;
}

export async function currentSeq(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
