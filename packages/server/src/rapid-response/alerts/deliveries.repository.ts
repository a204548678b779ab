import type { AlertKind } from '@tocsin/core';
import { sql } from 'kysely';
import type { Executor } from '../../platform';

/** The incident and every incident merged into it: one audience. */
function audienceIncidents(db: Executor, incidentId: string) {
  return db
    .selectFrom('incidents')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', incidentId), eb('merged_into', '=', incidentId)]));
}

/**
 * Member → kinds already delivered for an incident (and the incidents merged into it); with
 * `kind`, only the members who already got that kind (all a targeted alert needs to know, and a
 * fraction of the log of an incident that has already alerted thousands).
 */
export async function deliveryLog(
  db: Executor,
  incidentId: string,
  kind?: AlertKind,
): Promise<Map<string, Set<AlertKind>>> {
  let query = db
    .selectFrom('alert_deliveries')
    .select(['member_ids', 'kind'])
    .where('incident_id', 'in', audienceIncidents(db, incidentId));
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.execute();
  const log = new Map<string, Set<AlertKind>>();
  for (const { member_ids, kind } of rows) {
    for (const memberId of member_ids) {
      let kinds = log.get(memberId);
      if (!kinds) log.set(memberId, (kinds = new Set()));
      kinds.add(kind);
    }
  }
  return log;
}

/**
 * Many uuids as one parameter: joined into one string and split by PostgreSQL, which costs far
 * less than the driver quoting an array element by element (15,000 ids: ~1 ms instead of ~50).
 */
function uuidArray(ids: readonly string[]) {
  return sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
}

/** Many integers as one parameter, as uuidArray (a live fan-out's positions: one per member). */
function intArray(values: readonly number[]) {
  return sql`string_to_array(${values.join(',')}, ',')::int[]`;
}

/** One alert as the delivery log records it. */
export interface DeliveredAlert {
  alertId: string;
  incidentId: string;
  kind: AlertKind;
  seq: number;
}

/** Members an alert was sent to, for the delivery log. */
export interface Delivery {
  alert: DeliveredAlert;
  memberIds: readonly string[];
}

/**
 * Records alerts sent to members, in one statement whatever the number of alerts and members:
 * per alert one row holding every member it is not already recorded for, and each incident's
 * count raised by as many (the ids go as one array parameter, each with the position of its
 * alert). A reconnect storm's replay batch records every alert it replays this way. Returns how
 * many were new.
 */
export async function recordDeliveries(
  db: Executor,
  deliveries: readonly Delivery[],
  at: Date,
): Promise<number> {
  // One entry per alert (its members together), so no member is counted twice.
  const byAlert = new Map<string, { alert: DeliveredAlert; memberIds: Set<string> }>();
  for (const { alert, memberIds } of deliveries) {
    const entry = byAlert.get(alert.alertId);
    if (entry) for (const id of memberIds) entry.memberIds.add(id);
    else byAlert.set(alert.alertId, { alert, memberIds: new Set(memberIds) });
  }
  const given = [...byAlert.values()]
    .filter((d) => d.memberIds.size > 0)
    .map((d) => ({ alert: d.alert, memberIds: [...d.memberIds] }));
  if (given.length === 0) return 0;
  const members = given.flatMap((d) => d.memberIds);
  const positions = given.flatMap((d, i) => d.memberIds.map(() => i + 1));
  const result = await sql<{ inserted: number }>`
    with alert as (
      select * from unnest(
        ${given.map((d) => d.alert.alertId)}::uuid[],
        ${given.map((d) => d.alert.incidentId)}::uuid[],
        ${given.map((d) => d.alert.kind)}::text[],
        ${given.map((d) => d.alert.seq)}::bigint[]
      ) with ordinality as a(alert_id, incident_id, kind, seq, position)
    ), fresh as (
      select alert.alert_id, given.member_id
      from unnest(${uuidArray(members)}, ${intArray(positions)}) as given(member_id, position)
      join alert using (position)
      except
      select d.alert_id, unnest(d.member_ids)
      from alert_deliveries d where d.alert_id in (select alert_id from alert)
    ), inserted as (
      insert into alert_deliveries (alert_id, incident_id, kind, seq, delivered_at, member_ids)
      select alert.alert_id, alert.incident_id, alert.kind, alert.seq, ${at}::timestamptz,
        array_agg(fresh.member_id)
      from fresh join alert using (alert_id)
      group by alert.alert_id, alert.incident_id, alert.kind, alert.seq
      returning incident_id, cardinality(member_ids) as n
    ), counted as (
      update incidents set alerts_delivered = alerts_delivered + added.n
      from (select incident_id, sum(n) as n from inserted group by incident_id) as added
      where incidents.id = added.incident_id
    )
    select coalesce(sum(n), 0)::int as inserted from inserted`.execute(db);
  return Number(result.rows[0]?.inserted ?? 0);
}

/**
 * Records acknowledgements: per alert, one row with every member in the batch. An alert gone
 * meanwhile (retention) loses its acks, not the others'.
 */
export async function markAcked(
  db: Executor,
  acks: ReadonlyMap<string, readonly string[]>,
  at: Date,
): Promise<void> {
  const failures: unknown[] = [];
  for (const [alertId, memberIds] of acks) {
    if (memberIds.length === 0) continue;
    await sql`insert into alert_acks (alert_id, acked_at, member_ids)
      values (${alertId}::uuid, ${at}::timestamptz, ${uuidArray(memberIds)})`
      .execute(db)
      .catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw new AggregateError(failures, 'some acks not recorded');
}

/** Alerts after a sequence number, oldest first, within a window. */
export function alertsSince(db: Executor, since: number, after: Date, limit: number) {
  return db
    .selectFrom('alerts')
    .innerJoin('incidents', 'incidents.id', 'alerts.incident_id')
    .select([
      'alerts.id',
      'alerts.seq',
      'alerts.incident_id',
      'alerts.kind',
      'alerts.audience',
      'alerts.body',
      // Where the incident stands now: a withdrawn one is replayed as its outline only.
      'incidents.state as incident_state',
      'incidents.confirmed_at as incident_confirmed_at',
    ])
    .where('alerts.seq', '>', String(since))
    .where('alerts.created_at', '>', after)
    .orderBy('alerts.seq')
    .limit(limit)
    .execute();
}

/** An alert as a replay reads it: the stored message and where its incident stands now. */
export type ReplayedAlertRow = Awaited<ReturnType<typeof alertsSince>>[number];

/** What the delivery log holds for one member about some incidents. */
export interface MemberLog {
  /** The alerts delivered to them. */
  alerts: Set<string>;
  /** Per incident (and the incident each was merged into), the kinds delivered to them. */
  kinds: Map<string, Set<AlertKind>>;
}

/**
 * The delivery log of some members about some incidents (and the incidents merged into them), in
 * one statement: a reconnect storm's replays read it together.
 */
export async function membersLogs(
  db: Executor,
  memberIds: readonly string[],
  incidentIds: readonly string[],
): Promise<Map<string, MemberLog>> {
  const logs = new Map<string, MemberLog>();
  if (memberIds.length === 0 || incidentIds.length === 0) return logs;
  const { rows } = await sql<{
    member_id: string;
    alert_id: string;
    kind: AlertKind;
    incident_id: string;
    merged_into: string | null;
  }>`
    select m.id::text as member_id, d.alert_id, d.kind, d.incident_id, i.merged_into
    from alert_deliveries d
    join incidents i on i.id = d.incident_id
    cross join lateral unnest(d.member_ids) as m(id)
    join unnest(${uuidArray(memberIds)}) as w(id) on w.id = m.id
    where d.incident_id in (
      select id from incidents
      where id = any(${uuidArray(incidentIds)}) or merged_into = any(${uuidArray(incidentIds)})
    )`.execute(db);
  for (const row of rows) {
    let log = logs.get(row.member_id);
    if (!log) logs.set(row.member_id, (log = { alerts: new Set(), kinds: new Map() }));
    log.alerts.add(row.alert_id);
    for (const id of [row.incident_id, row.merged_into]) {
      if (!id) continue;
      let kinds = log.kinds.get(id);
      if (!kinds) log.kinds.set(id, (kinds = new Set()));
      kinds.add(row.kind);
    }
  }
  return logs;
}

export async function currentSeq(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
