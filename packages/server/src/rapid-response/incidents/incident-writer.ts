import { randomUUID } from 'node:crypto';
import {
  COARSE_RES,
  countCorroboratingReporters,
  isOpen,
  type AlertDecision,
  type Incident,
  type TimelineEntry,
} from '@tocsin/core';
import { latLngToCell } from 'h3-js';
import { enqueueEvents, type AppContext, type Tx } from '../../platform';
import { standDownOpenDispatches } from '../dispatch';
import { incidentColumns } from './incident-mapper';

/** The incident as an alert carries it (the WebSocket contract). */
export interface AlertIncident {
  id: string;
  state: Incident['state'];
  activity: string | null;
  area: { id: string; name: string } | null;
  location: { lat: number; lng: number };
  reporters: number;
  at: string;
}

/** The payload of `alert.created`: everything a node needs to target and send it. */
export interface AlertCreated {
  alertId: string;
  seq: number;
  kind: AlertDecision['kind'];
  audience: AlertDecision['audience'];
  mergedInto: string | null;
  incident: AlertIncident;
}

/** The day (YYYY-MM-DD) of an instant in the city's time zone. */
export function cityDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Inserts a new incident row for the incident the rules just opened. */
export async function insertIncident(
  ctx: AppContext,
  tx: Tx,
  incident: Incident,
  activity: string | null,
  timeZone: string,
): Promise<void> {
  await tx
    .insertInto('incidents')
    .values({
      id: incident.id,
      area_id: incident.areaId,
      lat: incident.lat,
      lng: incident.lng,
      coarse_cell: latLngToCell(incident.lat, incident.lng, COARSE_RES),
      activity,
      day: cityDay(new Date(incident.firstReportAt), timeZone),
      ...incidentColumns(incident, countCorroboratingReporters(incident.reporters)),
    })
    .execute();
}

/** Writes the rules' verdict: the incident's new columns, its timeline lines and its alerts. */
export async function recordTransition(
  ctx: AppContext,
  tx: Tx,
  transition: {
    incident: Incident;
    timeline: readonly TimelineEntry[];
    alerts: readonly AlertDecision[];
  },
  options: { activity: string | null; note?: string | null; isNew?: boolean },
): Promise<AlertCreated[]> {
  const { incident } = transition;
  if (!options.isNew) {
    await tx
      .updateTable('incidents')
      .set(incidentColumns(incident, countCorroboratingReporters(incident.reporters)))
      .where('id', '=', incident.id)
      .execute();
  }
  if (transition.timeline.length > 0) {
    await tx
      .insertInto('incident_timeline')
      .values(
        transition.timeline.map((entry) => ({
          incident_id: incident.id,
          at: new Date(entry.at),
          kind: entry.kind,
          from_state: entry.from,
          to_state: entry.to,
          actor_role: entry.actorRole,
          note: options.note ?? null,
        })),
      )
      .execute();
  }
  if (!isOpen(incident.state)) {
    // An incident that is over needs nobody on the way any more.
    const stood = await standDownOpenDispatches(tx, incident.id, ctx.clock.now());
    await enqueueEvents(
      tx,
      stood.map((d) => ({
        type: 'dispatch.offered',
        payload: { dispatchId: d.id, memberId: d.member_id, state: 'stood_down', incident: null },
      })),
      ctx.clock.now(),
    );
  }
  if (transition.alerts.length === 0) return [];
  const areas = await ctx.areas.get();
  const area = incident.areaId ? areas.byId.get(incident.areaId) : undefined;
  const now = ctx.clock.now();
  const created: AlertCreated[] = [];
  for (const decision of transition.alerts) {
    const snapshot: AlertIncident = {
      id: decision.incidentId,
      state: incident.state,
      activity: options.activity,
      area: area ? { id: area.id, name: area.name } : null,
      location: { lat: incident.lat, lng: incident.lng },
      reporters: incident.reporters.length,
      at: now.toISOString(),
    };
    const alertId = randomUUID();
    const row = await tx
      .insertInto('alerts')
      .values({
        id: alertId,
        incident_id: decision.incidentId,
        kind: decision.kind,
        audience: decision.audience,
        created_at: now,
        body: JSON.stringify(snapshot),
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    created.push({
      alertId,
      seq: Number(row.seq),
      kind: decision.kind,
      audience: decision.audience,
      mergedInto: decision.mergedInto ?? null,
      incident: snapshot,
    });
  }
  await enqueueEvents(
    tx,
    created.map((alert) => ({ id: alert.alertId, type: 'alert.created', payload: alert })),
    now,
  );
  return created;
}
