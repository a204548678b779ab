import { useCallback, useMemo, useState } from 'react';
import type { Area } from '@tocsin/core/api/membership';
import { endpoints } from '../../lib/api';
import { useLoad } from '../organizer/use-load';
import { useMe } from '../session/session-provider';

/**
 * The areas a member acts in here (neighborhoods and the city they hold a role in), and the one
 * chosen, remembered for the visit. The first neighborhood is chosen first.
 */
export function useMyAreas(): {
  areas: Area[] | null;
  areaId: string | null;
  setAreaId: (id: string) => void;
  error: unknown;
} {
  const me = useMe();
  const load = useCallback(() => endpoints.areas(), []);
  const all = useLoad(load);
  const [chosen, setChosen] = useState<string | null>(null);
  const areas = useMemo(() => {
    if (!all.data) return null;
    const mine = new Set(me.roles.map((r) => r.areaId));
    return all.data
      .filter((a) => mine.has(a.id) && a.kind !== 'workplace')
      .sort((a, b) =>
        a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'city' ? 1 : -1,
      );
  }, [all.data, me.roles]);
  const areaId = chosen ?? areas?.[0]?.id ?? null;
  return { areas, areaId, setAreaId: setChosen, error: all.error };
}

/** A count as shown: null is "fewer than 5". */
export function shown(count: number | null, fewer: string): string {
  return count === null ? fewer : String(count);
}
