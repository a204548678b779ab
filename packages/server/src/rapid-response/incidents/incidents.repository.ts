import { sql } from 'kysely';
import type { IntakeLocks, Reporter } from '@tocsin/core';
import type { Executor } from '../../platform';
import type { IncidentRow } from './incident-mapper';

const OPEN = ['reported', 'corroborated', 'confirmed'] as const;

/**
 * Locks a report's place until the transaction ends (core `intakeLocks`): its own cell alone, the
 * cells within its reach shared. Two reports that could join one incident wait for each other, so
 * they never both find none and open one each; reports of sightings farther apart than the merge
 * radius go on side by side. The locks (advisory, keyed by a hash of the cell; exclusive wins when
 * two cells share a hash) are taken in one statement, in key order, by every transaction, so they
 * never deadlock.
 */
export async function lockIntakePlace(db: Executor, locks: IntakeLocks): Promise<void> {
  await sql`select case when own then pg_advisory_xact_lock(key)
      else pg_advisory_xact_lock_shared(key) end
    from (
      select hashtextextended(cell, 0) as key, bool_or(cell = ${locks.own}) as own
      from unnest(${[locks.own, ...locks.shared]}::text[]) as cell
      group by key
      order by key
    ) as keys`.execute(db);
}

/** The open incidents indexed under `cells`, unlocked: intake locks the one it joins. */
export function openIncidentsInCells(db: Executor, cells: string[]): Promise<IncidentRow[]> {
  if (cells.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('coarse_cell', 'in', cells)
    .where('state', 'in', OPEN)
    .execute();
}

export function lockIncident(db: Executor, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findIncident(db: Executor, id: string): Promise<IncidentRow | undefined> {
  return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * An incident's reporters, each with the standing they have now: a member vouched for since
 * reporting counts toward corroboration from the next change of the incident on.
 */
export async function reportersOf(db: Executor, incidentId: string): Promise<Reporter[]> {
  const rows = await db
    .selectFrom('incident_reporters as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['r.member_id', 'r.sponsor_id', 'm.status'])
    .where('r.incident_id', '=', incidentId)
    .orderBy('r.first_at')
    .execute();
  return rows.map((r) => ({
    memberId: r.member_id,
    sponsorId: r.sponsor_id,
    vouched: r.status === 'active',
  }));
}

/** Who confirmed an incident, in order, with their sponsor for independence. */
export async function confirmersOf(db: Executor, incidentId: string): Promise<Reporter[]> {
  const rows = await db
    .selectFrom('incident_confirmations')
    .select(['member_id', 'sponsor_id'])
    .where('incident_id', '=', incidentId)
    .orderBy('at')
    .orderBy('member_id')
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, sponsorId: r.sponsor_id }));
}

/** Records a confirmation (once per member and incident). */
export async function addConfirmer(
  db: Executor,
  incidentId: string,
  confirmer: Reporter,
  at: Date,
): Promise<void> {
  await db
    .insertInto('incident_confirmations')
    .values({
      incident_id: incidentId,
      member_id: confirmer.memberId,
      sponsor_id: confirmer.sponsorId,
      at,
    })
    .onConflict((oc) => oc.columns(['incident_id', 'member_id']).doNothing())
    .execute();
}

export async function addReporter(
  db: Executor,
  incidentId: string,
  reporter: Reporter,
  at: Date,
): Promise<void> {
  await db
    .insertInto('incident_reporters')
    .values({
      incident_id: incidentId,
      member_id: reporter.memberId,
      sponsor_id: reporter.sponsorId,
      first_at: at,
    })
    .onConflict((oc) => oc.columns(['incident_id', 'member_id']).doNothing())
    .execute();
}

export function timelineOf(db: Executor, incidentId: string) {
  return db
    .selectFrom('incident_timeline')
    .select(['at', 'kind', 'from_state', 'to_state', 'actor_role', 'note'])
    .where('incident_id', '=', incidentId)
    .orderBy('id')
    .execute();
}

/** Open and recent incidents of some areas, newest first. */
export function incidentsInAreas(
  db: Executor,
  areaIds: string[],
  since: Date,
  limit: number,
  /** Also those in no area (the city answers for them). */
  withUnplaced = false,
) {
  if (areaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('incidents')
    .selectAll()
    .where((eb) =>
      withUnplaced
        ? eb.or([eb('area_id', 'in', areaIds), eb('area_id', 'is', null)])
        : eb('area_id', 'in', areaIds),
    )
    .where('last_activity_at', '>', since)
    .where('state', '!=', 'merged')
    .orderBy('last_activity_at', 'desc')
    .limit(limit)
    .execute();
}

/** Open and recent incidents in some coarse cells, newest first. */
export function incidentsInCells(db: Executor, cells: string[], since: Date, limit: number) {
  if (cells.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('incidents')
    .selectAll()
    .where('coarse_cell', 'in', cells)
    .where('last_activity_at', '>', since)
    .where('state', '!=', 'merged')
    .orderBy('last_activity_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * For each of some incidents, whether a member reported it and how they are dispatched to it,
 * with whether they are on shift, in one round trip whatever the number of incidents.
 */
export function involvementRows(db: Executor, incidentIds: readonly string[], memberId: string) {
  return db
    .selectFrom('incidents as i')
    .where('i.id', 'in', incidentIds)
    .select((eb) => [
      'i.id',
      eb
        .exists(
          eb
            .selectFrom('incident_reporters as r')
            .select('r.member_id')
            .whereRef('r.incident_id', '=', 'i.id')
            .where('r.member_id', '=', memberId),
        )
        .as('reporter'),
      eb
        .selectFrom('dispatches as d')
        .select('d.state')
        .whereRef('d.incident_id', '=', 'i.id')
        .where('d.member_id', '=', memberId)
        .as('dispatch_state'),
      eb
        .selectFrom('responder_shifts as s')
        .select('s.on_shift')
        .where('s.member_id', '=', memberId)
        .as('on_shift'),
    ])
    .execute();
}

/** The reports merged into an incident, oldest first (what its staff see). */
export function reportsOfIncident(db: Executor, incidentId: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'received_at', 'observed_at', 'salute', 'plates'])
    .where('incident_id', '=', incidentId)
    .orderBy('received_at')
    .execute();
}

/** Who has accepted a dispatch to an incident or is on its scene. */
export function goingTo(db: Executor, incidentId: string) {
  return db
    .selectFrom('dispatches')
    .innerJoin('members', 'members.id', 'dispatches.member_id')
    .select(['members.handle', 'dispatches.state'])
    .where('dispatches.incident_id', '=', incidentId)
    .where('dispatches.state', 'in', ['accepted', 'on_scene'])
    .execute();
}

/** Photos of an incident's reports that are not purged (staff view of an incident). */
export function photosOfIncident(db: Executor, incidentId: string) {
  return db
    .selectFrom('photos')
    .innerJoin('reports', 'reports.id', 'photos.report_id')
    .select(['photos.id', 'photos.report_id'])
    .where('reports.incident_id', '=', incidentId)
    .where('reports.purged_at', 'is', null)
    .orderBy('photos.created_at')
    .orderBy('photos.id')
    .execute();
}
