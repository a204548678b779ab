import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/loading';
import type { CityMapProps } from './city-map';

// Leaflet is loaded only when a map is shown: it stays out of the first load.
const CityMap = lazy(() => import('./city-map').then((m) => ({ default: m.CityMap })));

/** The city map, fetched on first use. */
export function LazyMap(props: CityMapProps) {
  return (
    <Suspense fallback={<Loading />}>
      <CityMap {...props} />
    </Suspense>
  );
}
