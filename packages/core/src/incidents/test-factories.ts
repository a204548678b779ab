// Builders for the incident tests: sensible defaults, override what the test is about.
import { destination as destinationPoint } from '../geo';
import type { LatLng } from '../geo';
import type { Incident, IncidentReport, Verifier } from './incident';

/** 2025-01-15T18:00:00Z, a fixed clock for tests. */
export const T0 = Date.UTC(2025, 0, 15, 18, 0, 0);
export const MIN = 60_000;

/** Lake Street & Chicago Avenue, Minneapolis. */
export const LAKE_AND_CHICAGO = { lat: 44.9483, lng: -93.2626 } as const;

/** A report by a plain member with their own sponsor. */
export function buildReport(overrides: Partial<IncidentReport> = {}): IncidentReport {
  return {
    memberId: 'm1',
    sponsorId: 's1',
    role: 'member',
    onShift: false,
    at: T0,
    ...overrides,
  };
}

/** An actor; verifier by default since most actions need one. */
export function buildActor(overrides: Partial<Verifier> = {}): Verifier {
  return { memberId: 'v1', sponsorId: 'sv1', role: 'verifier', onShift: false, ...overrides };
}

/** An incident opened by one plain member at T0. */
export function buildIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    state: 'reported',
    ...LAKE_AND_CHICAGO,
    areaId: 'powderhorn',
    firstReportAt: T0,
    lastReportAt: T0,
    lastActivityAt: T0,
    reporters: [{ memberId: 'm1', sponsorId: 's1' }],
    trustedReport: false,
    notSeenCount: 0,
    confirmers: [],
    corroboratedAt: null,
    confirmedAt: null,
    closedAt: null,
    mergedInto: null,
    ...overrides,
  };
}

/** The point `meters` from `from` along `bearing` radians, on H3's sphere. */
export function destination(from: LatLng, bearing: number, meters: number): LatLng {
  return destinationPoint(from.lat, from.lng, bearing, meters);
}
