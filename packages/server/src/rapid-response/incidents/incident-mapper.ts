import type { Incident, Reporter } from '@tocsin/core';
import type { Selectable } from 'kysely';
import type { IncidentsTable } from '../../platform';

export type IncidentRow = Selectable<IncidentsTable>;

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

/** A stored incident as the pure rules see it. */
export function toIncident(
  row: IncidentRow,
  reporters: Reporter[],
  confirmers: Reporter[],
): Incident {
  return {
    id: row.id,
    state: row.state,
    lat: row.lat,
    lng: row.lng,
    areaId: row.area_id,
    firstReportAt: row.first_report_at.getTime(),
    lastReportAt: row.last_report_at.getTime(),
    lastActivityAt: row.last_activity_at.getTime(),
    reporters,
    trustedReport: row.trusted_report,
    notSeenCount: row.not_seen_count,
    confirmers,
    corroboratedAt: ms(row.corroborated_at),
    confirmedAt: ms(row.confirmed_at),
    closedAt: ms(row.closed_at),
    mergedInto: row.merged_into,
  };
}

const date = (t: number | null): Date | null => (t === null ? null : new Date(t));

/** The columns of an incident that the rules change. */
export function incidentColumns(incident: Incident, independentCount: number) {
  return {
    state: incident.state,
    first_report_at: new Date(incident.firstReportAt),
    last_report_at: new Date(incident.lastReportAt),
    last_activity_at: new Date(incident.lastActivityAt),
    corroborated_at: date(incident.corroboratedAt),
    confirmed_at: date(incident.confirmedAt),
    closed_at: date(incident.closedAt),
    merged_into: incident.mergedInto,
    trusted_report: incident.trustedReport,
    reporter_count: incident.reporters.length,
    independent_count: independentCount,
    not_seen_count: incident.notSeenCount,
  };
}
