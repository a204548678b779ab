import type { AreaSnapshot } from '../../membership';
import type { PlateLink } from './plates.repository';

/** All a lookup ever says: never who reported it, never an owner, never "reported, not listed". */
export interface PlateLookupView {
  listed: boolean;
  confirmedIncidents: number;
  lastSeenDay: string | null;
  areas: string[];
}

export interface PlateApprovalView {
  listed: boolean;
  approvals: number;
}

/** The answer for a plate that is not listed, whether or not anyone ever reported it. */
export function presentUnlisted(): PlateLookupView {
  return { listed: false, confirmedIncidents: 0, lastSeenDay: null, areas: [] };
}

/** A listed plate: its confirmed incidents, the last day one saw it, and their areas by name. */
export function presentListed(confirmed: readonly PlateLink[], areas: AreaSnapshot) {
  const names = new Set<string>();
  for (const link of confirmed) {
    const name = link.areaId ? areas.byId.get(link.areaId)?.name : areas.city?.name;
    if (name) names.add(name);
  }
  const days = confirmed.map((link) => link.seenDay).sort();
  const view: PlateLookupView = {
    listed: true,
    confirmedIncidents: new Set(confirmed.map((link) => link.incidentId)).size,
    lastSeenDay: days[days.length - 1] ?? null,
    areas: [...names].sort((a, b) => a.localeCompare(b, 'en')),
  };
  return view;
}

export function presentApproval(listed: boolean, approvals: number): PlateApprovalView {
  return { listed, approvals };
}
