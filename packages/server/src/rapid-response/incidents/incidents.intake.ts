import { randomUUID } from 'node:crypto';
import {
  applyReport,
  candidateCells,
  chooseIncident,
  COARSE_RES,
  countCorroboratingReporters,
  openIncident,
  type CitySettings,
  type Incident,
  type IncidentReport,
} from '@tocsin/core';
import { latLngToCell } from 'h3-js';
import { ConflictError, type AppContext, type Tx } from '../../platform';
import { incidentColumns, toIncident } from './incident-mapper';
import { cityDay, recordTransition } from './incident-writer';
import { insertIncidentRow } from './incidents.intake.repository';
import {
  addReporter,
  confirmersOf,
  lockOpenIncidentsInCells,
  reportersOf,
} from './incidents.repository';

/** A placed report as the intake takes it: who, where (bounded cell center) and when. */
export interface IntakeReport {
  report: IncidentReport;
  lat: number;
  lng: number;
  areaId: string | null;
  activity: string | null;
  /** The quick choice's code, if the report used one. */
  activityCode?: string | null;
}

/** The incident a report joined or opened, as it stands after the report. */
export interface IntakeResult {
  id: string;
  state: Incident['state'];
  reporters: number;
}

/** Inserts the row of an incident the rules just opened. */
export async function insertIncident(
  tx: Tx,
  incident: Incident,
  activity: string | null,
  timeZone: string,
  activityCode: string | null = null,
): Promise<void> {
  await insertIncidentRow(
    tx,
    {
      id: incident.id,
      area_id: incident.areaId,
      lat: incident.lat,
      lng: incident.lng,
      coarse_cell: latLngToCell(incident.lat, incident.lng, COARSE_RES),
      activity,
      activity_code: activityCode,
      day: cityDay(new Date(incident.firstReportAt), timeZone),
    },
    incidentColumns(incident, countCorroboratingReporters(incident.reporters)),
  );
}

/**
 * The one way a report becomes part of an incident: inside the caller's transaction, joins the
 * nearest open incident in range (locking it and the cells around it) or opens one, records the
 * rules' verdict with its alerts, and offers a new incident to responders nearby.
 */
export async function intakeReport(
  ctx: AppContext,
  tx: Tx,
  input: IntakeReport,
  settings: Pick<CitySettings, 'merge' | 'timeZone'>,
): Promise<IntakeResult> {
  const { report, lat, lng } = input;
  const candidates = await lockOpenIncidentsInCells(
    tx,
    candidateCells(lat, lng, settings.merge.radiusMeters),
  );
  const chosen = chooseIncident(
    { lat, lng, at: report.at },
    candidates.map((row) => ({
      id: row.id,
      state: row.state,
      lat: row.lat,
      lng: row.lng,
      firstReportAt: row.first_report_at.getTime(),
      lastReportAt: row.last_report_at.getTime(),
    })),
    settings.merge,
  );
  const now = new Date(report.at);
  if (chosen) {
    const row = candidates.find((c) => c.id === chosen.id)!;
    const result = applyReport(
      toIncident(row, await reportersOf(tx, row.id), await confirmersOf(tx, row.id)),
      report,
    );
    if (!result.ok) throw new ConflictError(result.error.code, result.error.message);
    await addReporter(tx, row.id, report, now);
    await recordTransition(ctx, tx, result.value, {
      activity: row.activity,
      activityCode: row.activity_code,
    });
    const { id, state, reporters } = result.value.incident;
    return { id, state, reporters: reporters.length };
  }
  const transition = openIncident({ id: randomUUID(), lat, lng, areaId: input.areaId }, report);
  const headline = { activity: input.activity, activityCode: input.activityCode ?? null };
  await insertIncident(
    tx,
    transition.incident,
    headline.activity,
    settings.timeZone,
    headline.activityCode,
  );
  await addReporter(tx, transition.incident.id, report, now);
  await recordTransition(ctx, tx, transition, { ...headline, isNew: true });
  await ctx.incidentHooks.opened(ctx, tx, transition.incident, [report.memberId]);
  const { id, state } = transition.incident;
  return { id, state, reporters: 1 };
}
