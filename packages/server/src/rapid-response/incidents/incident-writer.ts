import { randomUUID } from 'node:crypto';
import {
  countCorroboratingReporters,
  isOpen,
  type AlertDecision,
  type AlertIncident,
  type AlertIssued,
  type Incident,
  type TimelineEntry,
} from '@tocsin/core';
import { enqueueEvents, type AppContext, type Tx } from '../../platform';
import { incidentColumns } from './incident-mapper';
import {
  insertAlert,
  insertTimelineEntries,
  updateIncidentColumns,
} from './incidents.intake.repository';

/** The incident as an alert carries it (the WebSocket contract); defined by the event catalog. */
export type { AlertIncident };

/** The payload of `alert.issued`: everything a node needs to target and send it. */
export type AlertCreated = AlertIssued;

/** The day (YYYY-MM-DD) of an instant in the city's time zone. */
export function cityDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
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
  options: {
    activity: string | null;
    activityCode?: string | null;
    note?: string | null;
    isNew?: boolean;
  },
): Promise<AlertCreated[]> {
  const { incident } = transition;
  if (!options.isNew) {
    await updateIncidentColumns(
      tx,
      incident.id,
      incidentColumns(incident, countCorroboratingReporters(incident.reporters)),
    );
  }
  await insertTimelineEntries(tx, incident.id, transition.timeline, options.note ?? null);
  if (!isOpen(incident.state)) {
    // An incident that is over needs nobody on the way any more.
    await ctx.incidentHooks.ended(ctx, tx, incident.id);
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
      activityCode: options.activityCode ?? null,
      area: area ? { id: area.id, name: area.name } : null,
      location: { lat: incident.lat, lng: incident.lng },
      reporters: incident.reporters.length,
      at: now.toISOString(),
    };
    const alertId = randomUUID();
    const seq = await insertAlert(tx, { id: alertId, decision, createdAt: now, body: snapshot });
    created.push({
      alertId,
      seq,
      kind: decision.kind,
      audience: decision.audience,
      mergedInto: decision.mergedInto ?? null,
      incident: snapshot,
    });
  }
  await enqueueEvents(
    ctx,
    tx,
    created.map((alert) => ({ id: alert.alertId, name: 'alert.issued', payload: alert })),
    now,
  );
  return created;
}
