import { sql } from 'kysely';
import type { IncidentState } from '@tocsin/core';
import type { Executor, Tx } from '../../platform';

// Any fixed number: with the member's id it serializes one member's lookups.
const LOOKUP_LOCK = 7_242_002;

/** Records a sighting: creates the plate or moves its last-seen day and expiry forward. */
export async function upsertPlate(
  db: Executor,
  hash: string,
  day: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto('plates')
    .values({ plate_hash: hash, listed_at: null, last_seen_day: day, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('plate_hash').doUpdateSet({
        last_seen_day: sql`greatest(plates.last_seen_day, excluded.last_seen_day)`,
        expires_at: sql`greatest(plates.expires_at, excluded.expires_at)`,
      }),
    )
    .execute();
}

export async function linkIncident(
  db: Executor,
  hash: string,
  incidentId: string,
  day: string,
): Promise<void> {
  await db
    .insertInto('plate_incidents')
    .values({ plate_hash: hash, incident_id: incidentId, seen_day: day })
    .onConflict((oc) =>
      oc.columns(['plate_hash', 'incident_id']).doUpdateSet({
        seen_day: sql`greatest(plate_incidents.seen_day, excluded.seen_day)`,
      }),
    )
    .execute();
}

/** The plate unless it has expired, locked for this transaction. */
export function lockPlate(tx: Tx, hash: string, now: Date) {
  return tx
    .selectFrom('plates')
    .select(['plate_hash', 'listed_at'])
    .where('plate_hash', '=', hash)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

export function findPlate(db: Executor, hash: string, now: Date) {
  return db
    .selectFrom('plates')
    .select(['plate_hash', 'listed_at'])
    .where('plate_hash', '=', hash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** A plate's sighting in an incident, as the incident stands now. */
export interface PlateLink {
  incidentId: string;
  state: IncidentState;
  confirmedAt: Date | null;
  areaId: string | null;
  /** The area of the incident it was seen in, before any merge. */
  seenInAreaId: string | null;
  seenDay: string;
}

/**
 * The incidents a plate was seen in, each followed to the incident it was merged into (a merge
 * moves the reports, not the links).
 */
export async function linksOf(db: Executor, hash: string): Promise<PlateLink[]> {
  const rows = await db
    .selectFrom('plate_incidents as pi')
    .innerJoin('incidents as i', 'i.id', 'pi.incident_id')
    .leftJoin('incidents as t', (join) =>
      join.onRef('t.id', '=', 'i.merged_into').on('i.state', '=', 'merged'),
    )
    .select([
      'i.id',
      'i.state',
      'i.confirmed_at',
      'i.area_id',
      't.id as t_id',
      't.state as t_state',
      't.confirmed_at as t_confirmed_at',
      't.area_id as t_area_id',
      sql<string>`pi.seen_day::text`.as('seen_day'),
    ])
    .where('pi.plate_hash', '=', hash)
    .execute();
  return rows.map((row) =>
    row.t_id !== null && row.t_state !== null
      ? {
          incidentId: row.t_id,
          state: row.t_state,
          confirmedAt: row.t_confirmed_at,
          areaId: row.t_area_id,
          seenInAreaId: row.area_id,
          seenDay: row.seen_day,
        }
      : {
          incidentId: row.id,
          state: row.state,
          confirmedAt: row.confirmed_at,
          areaId: row.area_id,
          seenInAreaId: row.area_id,
          seenDay: row.seen_day,
        },
  );
}

/** Plates seen in this incident or in one merged into it. */
export async function platesOfIncident(db: Executor, incidentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plate_incidents as pi')
    .innerJoin('incidents as i', 'i.id', 'pi.incident_id')
    .select('pi.plate_hash')
    .distinct()
    .where((eb) => eb.or([eb('i.id', '=', incidentId), eb('i.merged_into', '=', incidentId)]))
    .orderBy('pi.plate_hash')
    .execute();
  return rows.map((row) => row.plate_hash);
}

/** Approvals whose listing is decided: an opaque tag each, no verifier. */
export async function countDecidedApprovals(db: Executor, hash: string): Promise<number> {
  const row = await db
    .selectFrom('plate_approvals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('plate_hash', '=', hash)
    .where('verifier_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The verifiers whose approvals of a plate await a decision, with their sponsor, whether they
 * are vouched, and their verifier or admin grants (area, role, since when).
 */
export async function pendingApprovers(db: Executor, hash: string) {
  const rows = await db
    .selectFrom('plate_approvals as a')
    .innerJoin('members as m', 'm.id', 'a.verifier_id')
    .leftJoin('area_roles as r', (join) =>
      join.onRef('r.member_id', '=', 'm.id').on('r.role', 'in', ['verifier', 'admin']),
    )
    .select(['m.id', 'm.sponsor_id', 'm.status', 'r.area_id', 'r.role', 'r.granted_at'])
    .where('a.plate_hash', '=', hash)
    .execute();
  const byId = new Map<
    string,
    {
      memberId: string;
      sponsorId: string | null;
      active: boolean;
      grants: { areaId: string; role: string; grantedAt: Date }[];
    }
  >();
  for (const row of rows) {
    const approver = byId.get(row.id) ?? {
      memberId: row.id,
      sponsorId: row.sponsor_id,
      active: row.status === 'active',
      grants: [],
    };
    if (row.area_id !== null && row.role !== null && row.granted_at !== null) {
      approver.grants.push({ areaId: row.area_id, role: row.role, grantedAt: row.granted_at });
    }
    byId.set(row.id, approver);
  }
  return [...byId.values()];
}

/** Who reported the incidents a plate was seen in (until retention deletes the list). */
export function reportersOfPlate(db: Executor, hash: string) {
  return db
    .selectFrom('plate_incidents as pi')
    .innerJoin('incident_reporters as r', 'r.incident_id', 'pi.incident_id')
    .select(['r.member_id', 'r.sponsor_id'])
    .distinct()
    .where('pi.plate_hash', '=', hash)
    .execute();
}

/** Records a verifier's approval; true when it is new (the same verifier twice counts once). */
export async function addApproval(
  db: Executor,
  approval: { hash: string; verifierId: string; tag: string; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('plate_approvals')
    .values({
      plate_hash: approval.hash,
      verifier_id: approval.verifierId,
      approver_tag: approval.tag,
      approved_at: approval.at,
    })
    .onConflict((oc) => oc.columns(['plate_hash', 'verifier_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * A listing decided: the `keep` approvals that counted stay as opaque tags with their day, no
 * verifier; the rest (and nothing else) go.
 */
export async function settleApprovals(db: Executor, hash: string, keep: number): Promise<void> {
  const pending = await db
    .selectFrom('plate_approvals')
    .select('approver_tag')
    .where('plate_hash', '=', hash)
    .where('verifier_id', 'is not', null)
    .orderBy('approved_at')
    .execute();
  const kept = pending.slice(0, keep).map((row) => row.approver_tag);
  const dropped = pending.slice(keep).map((row) => row.approver_tag);
  if (kept.length > 0) {
    await db
      .updateTable('plate_approvals')
      .set({ verifier_id: null, approved_at: sql`date_trunc('day', approved_at)` })
      .where('plate_hash', '=', hash)
      .where('approver_tag', 'in', kept)
      .execute();
  }
  if (dropped.length > 0) {
    await db
      .deleteFrom('plate_approvals')
      .where('plate_hash', '=', hash)
      .where('approver_tag', 'in', dropped)
      .execute();
  }
}

/** Undecided approvals older than `before`: the verifier's link to the plate goes with them. */
export async function deleteStaleApprovals(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('plate_approvals')
    .where('verifier_id', 'is not', null)
    .where('approved_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function setListedAt(db: Executor, hash: string, at: Date | null): Promise<void> {
  await db.updateTable('plates').set({ listed_at: at }).where('plate_hash', '=', hash).execute();
}

/** Deletes a plate; its links and approvals go with it. */
export async function deletePlate(db: Executor, hash: string): Promise<void> {
  await db.deleteFrom('plates').where('plate_hash', '=', hash).execute();
}

/** Deletes plates not seen again before their expiry; returns how many. */
export async function deleteExpiredPlates(db: Executor, now: Date): Promise<number> {
  const result = await db.deleteFrom('plates').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Serializes one member's lookups until the transaction ends, so the rate limit holds. */
export async function lockMemberLookups(tx: Tx, memberId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(LOOKUP_LOCK)}, hashtext(${memberId}))`.execute(
    tx,
  );
}

/** A lookup, by whom and when: never which plate. */
export async function insertLookup(
  db: Executor,
  lookup: { memberId: string; at: Date; listed: boolean },
): Promise<void> {
  await db
    .insertInto('plate_lookups')
    .values({ member_id: lookup.memberId, at: lookup.at, listed: lookup.listed })
    .execute();
}

/** Plates stored in clear before plates were hashed (migration 20261205140000). */
export async function clearPlates(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('plates')
    .select('plate_hash')
    .where('clear', '=', true)
    .execute();
  return rows.map((row) => row.plate_hash);
}

/** Moves a clear plate, its links and approvals to its hash; deletes the clear row. */
export async function rehashPlate(tx: Tx, clearKey: string, hash: string): Promise<void> {
  await sql`insert into plates (plate_hash, listed_at, last_seen_day, expires_at, clear)
    select ${hash}, listed_at, last_seen_day, expires_at, false from plates
    where plate_hash = ${clearKey} and clear
    on conflict (plate_hash) do update set
      listed_at = coalesce(plates.listed_at, excluded.listed_at),
      last_seen_day = greatest(plates.last_seen_day, excluded.last_seen_day),
      expires_at = greatest(plates.expires_at, excluded.expires_at)`.execute(tx);
  for (const table of ['plate_incidents', 'plate_approvals'] as const) {
    await tx
      .updateTable(table)
      .set({ plate_hash: hash })
      .where('plate_hash', '=', clearKey)
      .execute();
  }
  await tx
    .deleteFrom('plates')
    .where('plate_hash', '=', clearKey)
    .where('clear', '=', true)
    .execute();
}
