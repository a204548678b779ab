import { OPEN_STATES } from '@tocsin/core';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform';
import type { IncidentRow } from '../incidents';

const deleted = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);

/**
 * Open incidents with no activity since `quietSince`, locked for this transaction. Rows another
 * node is ending (or a report is joining) are skipped, not waited for: the next sweep sees them.
 */
export function lockQuietIncidents(
  tx: Tx,
  quietSince: Date,
  limit: number,
): Promise<IncidentRow[]> {
  return tx
    .selectFrom('incidents')
    .selectAll()
    .where('state', 'in', OPEN_STATES)
    .where('last_activity_at', '<=', quietSince)
    .orderBy('last_activity_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/**
 * Unpurged incidents that closed at or before `closedBefore`, locked. A merged incident waits
 * for the one it merged into: until that one is purged too, its delivery log is the audience of
 * the survivor's retraction or all clear.
 */
export function lockExpiredIncidents(tx: Tx, closedBefore: Date, limit: number) {
  return tx
    .selectFrom('incidents as i')
    .select(['i.id', 'i.coarse_cell'])
    .where('i.purged_at', 'is', null)
    .where('i.closed_at', '<=', closedBefore)
    .where((eb) =>
      eb.or([
        eb('i.merged_into', 'is', null),
        eb.exists(
          eb
            .selectFrom('incidents as target')
            .select('target.id')
            .whereRef('target.id', '=', 'i.merged_into')
            .where('target.closed_at', '<=', closedBefore),
        ),
      ]),
    )
    .orderBy('i.closed_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export interface RawDataDeleted {
  reports: number;
  photos: number;
  reporterLinks: number;
  dispatches: number;
  alerts: number;
  deliveries: number;
  events: number;
}

/**
 * Deletes what ties people to incidents and what they wrote: reports (with their photos), the
 * reporter list, dispatches, alerts and their delivery log, and the outbox events that carried
 * any of it. Report rows are deleted, not blanked: `member_id` is required, and a row that keeps
 * who reported which incident when is exactly the link retention exists to remove.
 */
export async function deleteRawData(tx: Tx, incidentIds: string[]): Promise<RawDataDeleted> {
  const reportIds = tx.selectFrom('reports').select('id').where('incident_id', 'in', incidentIds);
  const photos = await tx
    .deleteFrom('photos')
    .where('report_id', 'in', reportIds)
    .executeTakeFirst();
  const reports = await tx
    .deleteFrom('reports')
    .where('incident_id', 'in', incidentIds)
    .executeTakeFirst();
  const reporterLinks = await tx
    .deleteFrom('incident_reporters')
    .where('incident_id', 'in', incidentIds)
    .executeTakeFirst();
  await tx.deleteFrom('incident_confirmations').where('incident_id', 'in', incidentIds).execute();
  // Outbox events are keyed by alert id and carry an incident snapshot or a dispatch id.
  const alertIds = tx.selectFrom('alerts').select('id').where('incident_id', 'in', incidentIds);
  const dispatchIds = tx
    .selectFrom('dispatches')
    .select(sql<string>`id::text`.as('id'))
    .where('incident_id', 'in', incidentIds);
  const events = await tx
    .deleteFrom('outbox')
    .where((eb) =>
      eb.or([
        eb('id', 'in', alertIds),
        eb(sql<string>`payload -> 'incident' ->> 'id'`, 'in', incidentIds),
        eb(sql<string>`payload ->> 'dispatchId'`, 'in', dispatchIds),
      ]),
    )
    .executeTakeFirst();
  const dispatches = await tx
    .deleteFrom('dispatches')
    .where('incident_id', 'in', incidentIds)
    .executeTakeFirst();
  // Counted in members told, as before the log was kept in batches.
  const deliveries = await tx
    .deleteFrom('alert_deliveries')
    .where('incident_id', 'in', incidentIds)
    .returning(sql<number>`cardinality(member_ids)`.as('told'))
    .execute();
  const alerts = await tx
    .deleteFrom('alerts')
    .where('incident_id', 'in', incidentIds)
    .executeTakeFirst();
  return {
    reports: deleted(reports),
    photos: deleted(photos),
    reporterLinks: deleted(reporterLinks),
    dispatches: deleted(dispatches),
    alerts: deleted(alerts),
    deliveries: deliveries.reduce((sum, row) => sum + Number(row.told), 0),
    events: deleted(events),
  };
}

/** What an incident keeps after the purge: no notes, no activity text, a coarse location. */
export async function markPurged(
  tx: Tx,
  incident: { id: string; lat: number; lng: number },
  now: Date,
): Promise<void> {
  await tx
    .updateTable('incident_timeline')
    .set({ note: null })
    .where('incident_id', '=', incident.id)
    .execute();
  await tx
    .updateTable('incidents')
    .set({ lat: incident.lat, lng: incident.lng, activity: null, purged_at: now })
    .where('id', '=', incident.id)
    .execute();
}

/** Login challenges past their expiry. */
export async function deleteExpiredChallenges(db: Executor, now: Date): Promise<number> {
  return deleted(
    await db.deleteFrom('auth_challenges').where('expires_at', '<', now).executeTakeFirst(),
  );
}

/** Sessions revoked, past their absolute expiry or idle-expired before `before`. */
export async function deleteDeadSessions(
  db: Executor,
  before: Date,
  idleMs: number,
): Promise<number> {
  const idleBefore = new Date(before.getTime() - idleMs);
  return deleted(
    await db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('revoked_at', '<', before),
          eb('expires_at', '<', before),
          eb('last_seen_at', '<', idleBefore),
        ]),
      )
      .executeTakeFirst(),
  );
}

/** Invites used, revoked or expired before `before`; who vouched for whom stays on members. */
export async function deleteSpentInvites(db: Executor, before: Date): Promise<number> {
  return deleted(
    await db
      .deleteFrom('invites')
      .where((eb) =>
        eb.or([
          eb('used_at', '<', before),
          eb('revoked_at', '<', before),
          eb('expires_at', '<', before),
        ]),
      )
      .executeTakeFirst(),
  );
}

/**
 * Role grants decided or lapsed before `before`: who asked for whom, and who countersigned, is
 * not kept once it has done its work; the roles themselves stay on the member.
 */
export async function deleteSettledRoleGrants(db: Executor, before: Date): Promise<number> {
  return deleted(
    await db
      .deleteFrom('role_grants')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '!=', 'pending'), eb('decided_at', '<', before)]),
          eb('expires_at', '<', before),
        ]),
      )
      .executeTakeFirst(),
  );
}

/** Plate lookups (who and when, never which plate) older than `before`. */
export async function deleteOldPlateLookups(db: Executor, before: Date): Promise<number> {
  return deleted(await db.deleteFrom('plate_lookups').where('at', '<', before).executeTakeFirst());
}

/** Audit entries older than `before`. */
export async function deleteOldAuditEntries(db: Executor, before: Date): Promise<number> {
  return deleted(await db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst());
}

/** Push subscriptions with no successful push (or, never used, not created) since `before`. */
export async function deleteUnusedPushSubscriptions(db: Executor, before: Date): Promise<number> {
  return deleted(
    await db
      .deleteFrom('push_subscriptions')
      .where(sql<Date>`coalesce(last_success_at, created_at)`, '<', before)
      .executeTakeFirst(),
  );
}

/**
 * What members who left (suspended) leave behind of their own: plate lookups, push
 * subscriptions, undecided plate approvals and the audit entries of what they did. Their member
 * row stays: it holds the sponsor tree that independence is judged by.
 */
export async function deleteTracesOfLeftMembers(db: Executor): Promise<number> {
  const left = db.selectFrom('members').select('id').where('status', '=', 'suspended');
  const counts = [
    await db.deleteFrom('plate_lookups').where('member_id', 'in', left).executeTakeFirst(),
    await db.deleteFrom('push_subscriptions').where('member_id', 'in', left).executeTakeFirst(),
    await db.deleteFrom('plate_approvals').where('verifier_id', 'in', left).executeTakeFirst(),
    await db.deleteFrom('audit_log').where('actor_id', 'in', left).executeTakeFirst(),
  ];
  return counts.reduce((sum, result) => sum + deleted(result), 0);
}
