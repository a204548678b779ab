import { useEffect, useState } from 'react';
import type { PlaceHint, PlaceIndex, ResolvedPlace } from '@tocsin/core/places/resolve-place';
import type { Gazetteer } from '@tocsin/core/places/gazetteer-schema';
import { useServices } from '../../app/services';
import { endpoints } from '../../lib/api';

const CACHE_KEY = 'cityPlaces';

/**
 * The city's street gazetteer, prepared for matching; the last one fetched is kept on the phone
 * so that a message pasted offline still finds its corner. Null while none is known (a city
 * without a gazetteer, or first use offline): the form then asks for the place.
 */
export interface CityPlaces {
  index: PlaceIndex;
  resolve: (text: string, hint: PlaceHint) => ResolvedPlace | undefined;
}

export function useCityPlaces(): CityPlaces | null {
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
  // The resolver is loaded with the gazetteer, out of the report screen's first load.
  const [places, setPlaces] = useState<CityPlaces | null>(null);
  useEffect(() => {
    if (!gazetteer) return;
    let cancelled = false;
    void import('@tocsin/core/places/resolve-place').then(({ buildPlaceIndex, resolvePlace }) => {
      if (cancelled) return;
      const index = buildPlaceIndex(gazetteer);
      setPlaces({ index, resolve: (text, hint) => resolvePlace(text, index, hint) });
    });
    return () => {
      cancelled = true;
    };
  }, [gazetteer]);
  return places;
}
