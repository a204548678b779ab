import type { Area, Me } from '@tocsin/core/api/membership';

const ORGANIZING = new Set(['organizer', 'admin']);

/** Whether the member organizes anywhere (or is an admin): who sees the organizer pages. */
export function isOrganizer(me: Me): boolean {
  return me.status === 'active' && me.roles.some((r) => ORGANIZING.has(r.role));
}

export function isAdmin(me: Me): boolean {
  return me.roles.some((r) => r.role === 'admin');
}

/**
 * The areas I may organize: those where I hold the organizer role and every area under them
 * (a city organizer organizes every neighborhood), or all of them for an admin. The city first,
 * then by name.
 */
export function organizedAreas(me: Me, areas: readonly Area[]): Area[] {
  const held = new Set(me.roles.filter((r) => ORGANIZING.has(r.role)).map((r) => r.areaId));
  const byId = new Map(areas.map((a) => [a.id, a]));
  const organizes = (area: Area): boolean => {
    if (isAdmin(me)) return true;
    for (
      let at: Area | undefined = area;
      at;
      at = at.parentId ? byId.get(at.parentId) : undefined
    ) {
      if (held.has(at.id)) return true;
    }
    return false;
  };
  const order = { city: 0, neighborhood: 1, workplace: 2 } as const;
  return areas
    .filter(organizes)
    .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
}
