import { useCallback, useRef } from 'react';
import type { AlertMessage } from '../../lib/stream';

/** `watch(ALL, …)`: every alert, whatever its incident. */
export const ALL = '*';

type Listener = (alert: AlertMessage) => void;

/** Pages that listen for the alerts of one incident (or of all), told of each as it arrives. */
export function useWatchers(): {
  watch: (incidentId: string, listener: Listener) => () => void;
  tell: (alert: AlertMessage) => void;
} {
  const watchers = useRef(new Map<string, Set<Listener>>());
  const watch = useCallback((incidentId: string, listener: Listener) => {
    const map = watchers.current;
    let set = map.get(incidentId);
    if (!set) map.set(incidentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) map.delete(incidentId);
    };
  }, []);
  const tell = useCallback((alert: AlertMessage) => {
    for (const key of [alert.incident.id, ALL]) {
      for (const listener of watchers.current.get(key) ?? []) listener(alert);
    }
  }, []);
  return { watch, tell };
}
