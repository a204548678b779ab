import type { AlertDecision, TimelineEntry } from '@tocsin/core';
import type { Executor } from '../../platform';
import type { incidentColumns } from './incident-mapper';

type IncidentColumns = ReturnType<typeof incidentColumns>;

/** The columns of a new incident that only its opening sets. */
export interface NewIncident {
  id: string;
  area_id: string | null;
  lat: number;
  lng: number;
  coarse_cell: string;
  activity: string | null;
  activity_code: string | null;
  day: string;
}

export async function insertIncidentRow(
  db: Executor,
  incident: NewIncident,
  columns: IncidentColumns,
): Promise<void> {
  await db
    .insertInto('incidents')
    .values({ ...incident, ...columns })
    .execute();
}

export async function updateIncidentColumns(
  db: Executor,
  id: string,
  columns: IncidentColumns,
): Promise<void> {
  await db.updateTable('incidents').set(columns).where('id', '=', id).execute();
}

/** Appends the rules' timeline lines to an incident's, with one note for all of them. */
export async function insertTimelineEntries(
  db: Executor,
  incidentId: string,
  entries: readonly TimelineEntry[],
  note: string | null,
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('incident_timeline')
    .values(
      entries.map((entry) => ({
        incident_id: incidentId,
        at: new Date(entry.at),
        kind: entry.kind,
        from_state: entry.from,
        to_state: entry.to,
        actor_role: entry.actorRole,
        note,
      })),
    )
    .execute();
}

/** Stores an alert and answers the per-city sequence number the database gave it. */
export async function insertAlert(
  db: Executor,
  alert: {
    id: string;
    decision: AlertDecision;
    createdAt: Date;
    body: unknown;
  },
): Promise<number> {
  const row = await db
    .insertInto('alerts')
    .values({
      id: alert.id,
      incident_id: alert.decision.incidentId,
      kind: alert.decision.kind,
      audience: alert.decision.audience,
      created_at: alert.createdAt,
      body: JSON.stringify(alert.body),
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

/**
 * Moves what a merged incident had onto the one it merged into: its reporters, its reports, and
 * incidents merged into it earlier (so their audience follows).
 */
export async function absorbIncident(db: Executor, id: string, into: string): Promise<void> {
  await db
    .insertInto('incident_reporters')
    .columns(['incident_id', 'member_id', 'sponsor_id', 'first_at'])
    .expression((eb) =>
      eb
        .selectFrom('incident_reporters')
        .select([eb.val(into).as('incident_id'), 'member_id', 'sponsor_id', 'first_at'])
        .where('incident_id', '=', id),
    )
    .onConflict((oc) => oc.columns(['incident_id', 'member_id']).doNothing())
    .execute();
  await db
    .insertInto('incident_confirmations')
    .columns(['incident_id', 'member_id', 'sponsor_id', 'at'])
    .expression((eb) =>
      eb
        .selectFrom('incident_confirmations')
        .select([eb.val(into).as('incident_id'), 'member_id', 'sponsor_id', 'at'])
        .where('incident_id', '=', id),
    )
    .onConflict((oc) => oc.columns(['incident_id', 'member_id']).doNothing())
    .execute();
  await db
    .updateTable('reports')
    .set({ incident_id: into })
    .where('incident_id', '=', id)
    .execute();
  await db
    .updateTable('incidents')
    .set({ merged_into: into })
    .where('merged_into', '=', id)
    .execute();
}
