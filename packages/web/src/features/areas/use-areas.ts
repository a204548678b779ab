import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { endpoints } from '../../lib/api';
import type { Area } from '@tocsin/core/api/membership';

export interface AreasState {
  areas: Area[];
  city: Area | null;
  /** Neighborhoods (and my workplaces), by name. */
  places: Area[];
  error: unknown;
  loading: boolean;
}

const CACHE_KEY = 'areas';

/**
 * The city's areas. The last list seen is kept on the phone, so the report form can still
 * offer the neighborhoods offline.
 */
export function useAreas(): AreasState {
  const { store } = useServices();
  const [areas, setAreas] = useState<Area[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let cancelled = false;
    let fresh = false;
    void store
      .getMeta<Area[]>(CACHE_KEY)
      .then((cached) => {
        if (cached && !cancelled && !fresh) setAreas(cached);
      })
      .catch(() => undefined);
    endpoints
      .areas()
      .then(async (loaded) => {
        fresh = true;
        if (!cancelled) setAreas(loaded);
        await store.setMeta(CACHE_KEY, loaded);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(caught);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [store]);
  const city = areas.find((a) => a.kind === 'city') ?? null;
  const places = areas
    .filter((a) => a.kind !== 'city')
    .sort((a, b) => a.name.localeCompare(b.name));
  return { areas, city, places, error: areas.length ? null : error, loading };
}
