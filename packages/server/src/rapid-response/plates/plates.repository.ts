import { sql } from 'kysely';
import type { IncidentState } from '@tocsin/core';
import type { Executor, Tx } from '../../platform';

// Any fixed number: with the member's id it serializes one member's lookups.
const LOOKUP_LOCK = 7_242_002;

/** Records a sighting: creates the plate or moves its last-seen day and expiry forward. */
export async function upsertPlate(
  db: Executor,
  key: string,
  day: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto('plates')
    .values({ plate_key: key, listed_at: null, last_seen_day: day, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('plate_key').doUpdateSet({
        last_seen_day: sql`greatest(plates.last_seen_day, excluded.last_seen_day)`,
        expires_at: sql`greatest(plates.expires_at, excluded.expires_at)`,
      }),
    )
    .execute();
}

export async function linkIncident(
  db: Executor,
  key: string,
  incidentId: string,
  day: string,
): Promise<void> {
  await db
    .insertInto('plate_incidents')
    .values({ plate_key: key, incident_id: incidentId, seen_day: day })
    .onConflict((oc) =>
      oc.columns(['plate_key', 'incident_id']).doUpdateSet({
        seen_day: sql`greatest(plate_incidents.seen_day, excluded.seen_day)`,
      }),
    )
    .execute();
}

/** The plate unless it has expired, locked for this transaction. */
export function lockPlate(tx: Tx, key: string, now: Date) {
  return tx
    .selectFrom('plates')
    .select(['plate_key', 'listed_at'])
    .where('plate_key', '=', key)
    .where('expires_at', '>', now)
    .forUpdate()
    .executeTakeFirst();
}

export function findPlate(db: Executor, key: string, now: Date) {
  return db
    .selectFrom('plates')
    .select(['plate_key', 'listed_at'])
    .where('plate_key', '=', key)
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
export async function linksOf(db: Executor, key: string): Promise<PlateLink[]> {
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
    .where('pi.plate_key', '=', key)
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
    .select('pi.plate_key')
    .distinct()
    .where((eb) => eb.or([eb('i.id', '=', incidentId), eb('i.merged_into', '=', incidentId)]))
    .orderBy('pi.plate_key')
    .execute();
  return rows.map((row) => row.plate_key);
}

export async function countApprovals(db: Executor, key: string): Promise<number> {
  const row = await db
    .selectFrom('plate_approvals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('plate_key', '=', key)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records a verifier's approval; true when it is new (the same verifier twice counts once). */
export async function addApproval(
  db: Executor,
  key: string,
  verifierId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('plate_approvals')
    .values({ plate_key: key, verifier_id: verifierId, approved_at: at })
    .onConflict((oc) => oc.columns(['plate_key', 'verifier_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function setListedAt(db: Executor, key: string, at: Date | null): Promise<void> {
  await db.updateTable('plates').set({ listed_at: at }).where('plate_key', '=', key).execute();
}

/** Deletes a plate; its links and approvals go with it. */
export async function deletePlate(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('plates').where('plate_key', '=', key).execute();
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

export async function insertLookup(
  db: Executor,
  lookup: { plateHash: string; memberId: string; at: Date; listed: boolean },
): Promise<void> {
  await db
    .insertInto('plate_lookups')
    .values({
      plate_hash: lookup.plateHash,
      member_id: lookup.memberId,
      at: lookup.at,
      listed: lookup.listed,
    })
    .execute();
}
