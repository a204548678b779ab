import { randomUUID } from 'node:crypto';
import {
  applyReport,
  candidateCells,
  chooseIncident,
  COARSE_RES,
  countCorroboratingReporters,
  intakeLocks,
  openIncident,
  type CitySettings,
  type ClusterSettings,
  type Incident,
  type IncidentReport,
  type ReportPoint,
} from '@tocsin/core';
import { latLngToCell } from 'h3-js';
import { ConflictError, type AppContext, type Tx } from '../../platform';
import { incidentColumns, toIncident, type IncidentRow } from './incident-mapper';
import { cityDay, recordTransition } from './incident-writer';
import { insertIncidentRow } from './incidents.intake.repository';
import {
  addReporter,
  confirmersOf,
  lockIncident,
  lockIntakePlace,
  openIncidentsInCells,
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

/** What chooseIncident reads of an incident's row. */
function summary(row: IncidentRow) {
  return {
    id: row.id,
    state: row.state,
    lat: row.lat,
    lng: row.lng,
    firstReportAt: row.first_report_at.getTime(),
    lastReportAt: row.last_report_at.getTime(),
  };
}

/**
 * The open incident a report joins, locked for the rest of the transaction, or null: it opens
 * one. Candidates are read unlocked (locking them all would make every report of a neighborhood
 * wait for every other), then the chosen one is locked and read again: if a verifier ended it or
 * a dispatcher merged it meanwhile, it no longer qualifies and the next best is tried. No incident
 * can open in range meanwhile: the caller holds the report's place (lockIntakePlace).
 */
async function lockJoinable(
  tx: Tx,
  point: ReportPoint,
  merge: ClusterSettings,
): Promise<IncidentRow | null> {
  const cells = candidateCells(point.lat, point.lng, merge.radiusMeters);
  const passed = new Set<string>();
  for (;;) {
    const candidates = await openIncidentsInCells(tx, cells);
    const chosen = chooseIncident(
      point,
      candidates.filter((row) => !passed.has(row.id)).map(summary),
      merge,
    );
    if (!chosen) return null;
    const row = await lockIncident(tx, chosen.id);
    if (row && chooseIncident(point, [summary(row)], merge)) return row;
    passed.add(chosen.id);
  }
}

/**
 * The one way a report becomes part of an incident: inside the caller's transaction, holds the
 * report's place (so no other report in range decides at the same time), joins the nearest open
 * incident in range (locking it) or opens one, records the rules' verdict with its alerts, and
 * offers a new incident to responders nearby.
 */
export async function intakeReport(
  ctx: AppContext,
  tx: Tx,
  input: IntakeReport,
  settings: Pick<CitySettings, 'merge' | 'timeZone'>,
): Promise<IntakeResult> {
  const { report, lat, lng } = input;
  await lockIntakePlace(tx, intakeLocks(lat, lng, settings.merge.radiusMeters));
  const row = await lockJoinable(tx, { lat, lng, at: report.at }, settings.merge);
  const now = new Date(report.at);
  if (row) {
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
