import { useEffect, useState } from 'react';
import { currentPosition, positionGranted } from '../../lib/geolocation';

/**
 * Where the phone is, if the member already allowed the app to know (never asked for here), read
 * when the home screen opens; null until then or without leave. Kept in memory only.
 */
export function usePosition(): { lat: number; lng: number } | null {
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null);
  useEffect(() => {
    let current = true;
    void (async () => {
      if (!(await positionGranted())) return;
      const fix = await currentPosition(10_000).catch(() => null);
      if (current && fix) setPosition({ lat: fix.lat, lng: fix.lng });
    })();
    return () => {
      current = false;
    };
  }, []);
  return position;
}
