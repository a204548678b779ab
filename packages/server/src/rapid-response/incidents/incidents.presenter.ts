import {
  cellCenter,
  type IncidentState,
  type IncidentSummaryView,
  type TimelineEntryView,
} from '@tocsin/core';
import type { AreaSnapshot } from '../../membership';
import type { IncidentRow } from './incident-mapper';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What any member who may see an incident is told: counts, never who. */
export function presentIncident(row: IncidentRow, areas: AreaSnapshot): IncidentSummaryView {
  const area = row.area_id ? areas.byId.get(row.area_id) : undefined;
  return {
    id: row.id,
    state: row.state,
    activity: row.activity,
    activityCode: row.activity_code,
    area: area ? { id: area.id, name: area.name } : null,
    location: { lat: row.lat, lng: row.lng },
    reporters: row.reporter_count,
    firstReportAt: row.first_report_at.toISOString(),
    lastReportAt: row.last_report_at.toISOString(),
    corroboratedAt: iso(row.corroborated_at),
    confirmedAt: iso(row.confirmed_at),
    closedAt: iso(row.closed_at),
    mergedInto: row.merged_into,
  };
}

/**
 * A withdrawn incident that was never confirmed, as members who are not the area's staff see it:
 * that it was retracted or ended, its area and its times. No report text, no reporters, and for
 * a location only the middle of its area (the same for every incident there).
 */
export function presentRetracted(row: IncidentRow, areas: AreaSnapshot): IncidentSummaryView {
  const anchor = areas.chainOrCity(row.area_id)[0];
  const cell = anchor ? areas.middleCell(anchor) : null;
  return {
    ...presentIncident(row, areas),
    activity: null,
    activityCode: null,
    location: cell ? cellCenter(cell) : { lat: 0, lng: 0 },
    reporters: 0,
  };
}

export function presentTimeline(
  rows: {
    at: Date;
    kind: string;
    from_state: IncidentState | null;
    to_state: IncidentState;
    actor_role: string;
    note: string | null;
  }[],
  withNotes: boolean,
): TimelineEntryView[] {
  return rows.map((r) => ({
    at: r.at.toISOString(),
    kind: r.kind,
    from: r.from_state,
    to: r.to_state,
    role: r.actor_role,
    ...(withNotes && r.note ? { note: r.note } : {}),
  }));
}

/** "MN:ABC123" (as stored) → "MN ABC123" (as shown). */
export function displayPlate(key: string): string {
  return key.replace(':', ' ');
}
