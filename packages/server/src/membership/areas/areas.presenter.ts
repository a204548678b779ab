import type { AreaOutlines, OutlineGeometry, Role } from '@tocsin/core';
import type { AreaKind } from '../../platform';
import type { AreaRecord } from './area-directory';

export interface AreaView {
  id: string;
  slug: string;
  name: string;
  kind: AreaKind;
  parentId: string | null;
}

export interface AreaDetailsView extends AreaView {
  sector?: string | null;
  headcount?: number | null;
  /** The caller's roles held in exactly this area (what leaving it removes). */
  myRoles: Role[];
}

const KIND_ORDER: Record<AreaKind, number> = { city: 0, neighborhood: 1, workplace: 2 };

export function presentArea(area: AreaRecord): AreaView {
  return {
    id: area.id,
    slug: area.slug,
    name: area.name,
    kind: area.kind,
    parentId: area.parentId,
  };
}

/** The city first, then neighborhoods, then workplaces, each by name. */
export function presentAreas(areas: AreaRecord[]): AreaView[] {
  return [...areas]
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'en'))
    .map(presentArea);
}

export function presentAreaDetails(area: AreaRecord, myRoles: Role[]): AreaDetailsView {
  return {
    ...presentArea(area),
    ...(area.kind === 'workplace' ? { sector: area.sector, headcount: area.headcount } : {}),
    myRoles: [...new Set(myRoles)].sort(),
  };
}

/** Neighborhood outlines as a GeoJSON FeatureCollection, for the map. */
export function presentOutlines(
  rows: { id: string; name: string; geometry: unknown }[],
): AreaOutlines {
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((row) => ({
      type: 'Feature' as const,
      id: row.id,
      properties: { name: row.name },
      // Stored as the city pack gave it, checked when the pack was loaded (see the schema).
      geometry: row.geometry as OutlineGeometry,
    })),
  };
}
