import { useEffect, useMemo, useState } from 'react';
import { buildPlaceIndex, type PlaceIndex } from '@tocsin/core/places/resolve-place';
import type { Gazetteer } from '@tocsin/core/places/gazetteer-schema';
import { useServices } from '../../app/services';
import { endpoints } from '../../lib/api';

const CACHE_KEY = 'cityPlaces';

/**
 * The city's street gazetteer, prepared for matching; the last one fetched is kept on the phone
 * so that a message pasted offline still finds its corner. Null while none is known (a city
 * without a gazetteer, or first use offline): the form then asks for the place.
 */
export function useCityPlaces(): PlaceIndex | null {
  const { store } = useServices();
  const [gazetteer, setGazetteer] = useState<Gazetteer | null>(null);
  useEffect(() => {
    let cancelled = false;
    let fresh = false;
    void store
      .getMeta<Gazetteer>(CACHE_KEY)
      .then((cached) => {
        if (cached && !cancelled && !fresh) setGazetteer(cached);
      })
      .catch(() => undefined);
    endpoints
      .cityPlaces()
      .then(async (loaded) => {
        fresh = true;
        if (!cancelled) setGazetteer(loaded);
        await store.setMeta(CACHE_KEY, loaded);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [store]);
  return useMemo(() => (gazetteer ? buildPlaceIndex(gazetteer) : null), [gazetteer]);
}
