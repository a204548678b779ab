import { useCallback, useState } from 'react';
import { takesOver } from '@tocsin/core/incidents/nearby';
import { currentPosition, positionGranted } from '../../lib/geolocation';
import type { AlertMessage } from '../../lib/stream';

/** A confirmed alert close to the member, and how far (meters) from where they were. */
export interface Takeover {
  alert: AlertMessage;
  position: { lat: number; lng: number };
}

/**
 * Decides, for each live alert, whether it takes the screen (core's `takesOver`: confirmed and
 * within 500 m of the member's position now). The position is read only where the member has
 * already allowed it, never asked for here, and kept in memory only.
 */
export function useTakeover(): {
  takeover: Takeover | null;
  consider: (alert: AlertMessage) => void;
  dismissTakeover: () => void;
} {
  const [takeover, setTakeover] = useState<Takeover | null>(null);
  const consider = useCallback((alert: AlertMessage) => {
    if (alert.kind !== 'confirmed' || alert.incident.state !== 'confirmed') return;
    // Someone already on the incident's page (a responder who just confirmed it) sees it there.
    if (window.location.pathname === `/incidents/${alert.incident.id}`) return;
    void (async () => {
      if (!(await positionGranted())) return;
      const fix = await currentPosition(10_000).catch(() => null);
      const position = fix ? { lat: fix.lat, lng: fix.lng } : null;
      if (position && takesOver(alert.incident, position)) setTakeover({ alert, position });
    })();
  }, []);
  const dismissTakeover = useCallback(() => setTakeover(null), []);
  return { takeover, consider, dismissTakeover };
}
