import { latLngToCell } from 'h3-js';
import {
  AREA_RES,
  cellCenter,
  cellsCenteredWithin,
  cellsInRadius,
  COARSE_RES,
  haversineMeters,
} from '../geo';
import type { IncidentState } from './incident';
import { isOpen } from './incident';
import type { ClusterSettings } from './settings';
import { DEFAULT_SETTINGS, MINUTE_MS } from './settings';

/**
 * Open incidents are indexed by their anchor's cell at COARSE_RES (res 8, ~560 m circumradius).
 * A 400 m search then touches 4 cells (res 9: 12, res 10: 50). Open incidents are few (dozens
 * city-wide), so a coarse cell holding a few extra candidates costs less than more look-ups, and
 * res 8 is the precision incident locations are retained at anyway.
 */
export const CLUSTER_RES = COARSE_RES;

/** What the server keeps per open incident to decide where a new report goes. */
export interface OpenIncidentSummary {
  readonly id: string;
  readonly state: IncidentState;
  readonly lat: number;
  readonly lng: number;
  readonly firstReportAt: number;
  readonly lastReportAt: number;
}

/** The point and time of a new report (ms since epoch). */
export interface ReportPoint {
  readonly lat: number;
  readonly lng: number;
  readonly at: number;
}

/** The cell an open incident is indexed under. */
export function incidentCell(lat: number, lng: number): string {
  return latLngToCell(lat, lng, CLUSTER_RES);
}

/** Cells whose incidents may lie within `radiusMeters` of the report; look these up, then call chooseIncident. */
export function candidateCells(lat: number, lng: number, radiusMeters: number): string[] {
  return cellsInRadius(lat, lng, radiusMeters, CLUSTER_RES);
}

/** The open incident a report joins: nearest within radius and window, ties to the most recent; null opens a new one. */
export function chooseIncident(
  report: ReportPoint,
  candidates: readonly OpenIncidentSummary[],
  settings: ClusterSettings = DEFAULT_SETTINGS,
): OpenIncidentSummary | null {
  const windowMs = settings.windowMinutes * MINUTE_MS;
  let chosen: { incident: OpenIncidentSummary; distance: number } | null = null;
  for (const incident of candidates) {
    if (!isOpen(incident.state)) continue;
    if (timeGap(report.at, incident) > windowMs) continue;
    const distance = haversineMeters(report, incident);
    if (distance > settings.radiusMeters) continue;
    if (chosen === null || isBetter(incident, distance, chosen.incident, chosen.distance)) {
      chosen = { incident, distance };
    }
  }
  return chosen?.incident ?? null;
}

// Measured from the last report, as the issue says; a report processed late (before the last one)
// is measured from the incident's span instead, so out-of-order delivery cannot split an incident.
function timeGap(at: number, incident: OpenIncidentSummary): number {
  if (at >= incident.lastReportAt) return at - incident.lastReportAt;
  return Math.max(0, incident.firstReportAt - at);
}

function isBetter(
  a: OpenIncidentSummary,
  distanceA: number,
  b: OpenIncidentSummary,
  distanceB: number,
): boolean {
  if (distanceA !== distanceB) return distanceA < distanceB;
  if (a.lastReportAt !== b.lastReportAt) return a.lastReportAt > b.lastReportAt;
  // The id settles exact ties so every node picks the same incident.
  return a.id < b.id;
}

/**
 * The resolution of the places intake locks: the one report points are snapped to (AREA_RES),
 * coarser for a wide merge radius, so that a report never takes more than about 170 locks
 * (PostgreSQL's lock table holds 64 per connection by default, shared by all). At res 10 a 400 m
 * radius is about 35 cells and 800 m about 135; res 9 up to 2 km and res 8 up to the 5 km a city
 * pack may set stay under 175. Every intake of a city uses one radius, so one resolution.
 */
export function intakeLockRes(radiusMeters: number): number {
  if (radiusMeters <= 800) return AREA_RES;
  return radiusMeters <= 2_000 ? AREA_RES - 1 : AREA_RES - 2;
}

/** What one report's intake locks: its own cell alone, and the cells within its reach shared. */
export interface IntakeLocks {
  /** The report's own cell at intakeLockRes. */
  readonly own: string;
  /** Every other cell at intakeLockRes whose center lies within reach (ascending, no `own`). */
  readonly shared: readonly string[];
}

/**
 * The cells a report's intake locks until its transaction ends, so that two reports that could
 * join one incident never decide at the same time (both would find none and open one each), while
 * reports farther apart than the merge radius go on side by side: a raid is many sightings in one
 * neighborhood at once. A report takes its own cell exclusively and every cell whose center lies
 * within `radiusMeters + 2e` of its own cell's center shared, `e` being its distance from that
 * center (0 for the snapped points reports have at res 10, plus a meter for rounding). Two reports p and q
 * within the radius of each other always meet: the one with the larger `e`, say p, has q's cell
 * within its reach, since |c(p) − c(q)| ≤ |p − q| + e(p) + e(q) ≤ radius + 2·e(p); p holds that
 * cell shared (or exclusively, when it is its own) and q exclusively. Reports farther apart meet
 * only when one's cell center is within the other's reach, never for snapped points more than a
 * radius (and a meter) apart. Locks taken in one order (the server sorts their keys) cannot deadlock.
 */
export function intakeLocks(lat: number, lng: number, radiusMeters: number): IntakeLocks {
  const res = intakeLockRes(radiusMeters);
  const own = latLngToCell(lat, lng, res);
  const center = cellCenter(own);
  const offset = haversineMeters({ lat, lng }, center);
  const reach = radiusMeters + 2 * offset + 1;
  const shared = cellsCenteredWithin(center.lat, center.lng, reach, res)
    .filter((cell) => cell !== own)
    .sort();
  return { own, shared };
}
