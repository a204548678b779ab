import { useCallback, useEffect, useRef, useState } from 'react';
import { endpoints } from '../../lib/api';
import type { Me } from '@tocsin/core/api/membership';
import type { ConsoleMessage } from '@tocsin/core/api/stream';
import type { IncidentSummaryView as IncidentSummary } from '@tocsin/core/api/views';
import { dispatcherAreas } from '@tocsin/core/incidents/dispatch-desk';
import { CONSOLE_EVENT } from '../../lib/stream-events';
import { ALL, useAlerts } from '../alerts/alerts-provider';

const OPEN = new Set(['reported', 'corroborated', 'confirmed']);
const STAFF_ROLES = new Set(['dispatcher', 'verifier']);

/**
 * The areas the console follows: every area where I dispatch (core's rule, ADR 0023), and those
 * where I verify.
 */
export function staffAreas(me: Me): string[] {
  return [
    ...new Set([
      ...dispatcherAreas(me),
      ...me.roles.filter((r) => STAFF_ROLES.has(r.role)).map((r) => r.areaId),
    ]),
  ];
}

/**
 * Open incidents of the areas I verify or dispatch for, newest first. Live: reloaded on every
 * console message (every incident move in an area where I dispatch, whatever my alert areas)
 * and every alert; `onNew` hears of each incident the queue did not hold before.
 */
export function useQueue(me: Me, onNew?: (incident: IncidentSummary) => void) {
  const { watch, status } = useAlerts();
  const [queue, setQueue] = useState<IncidentSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  const areaKey = staffAreas(me).join(',');
  const known = useRef<Set<string> | null>(null);
  const notify = useRef(onNew);
  notify.current = onNew;

  const reload = useCallback(async () => {
    try {
      const lists = await Promise.all(
        areaKey
          .split(',')
          .filter(Boolean)
          .map((id) => endpoints.incidentsInArea(id)),
      );
      const byId = new Map<string, IncidentSummary>();
      for (const incident of lists.flat()) {
        if (OPEN.has(incident.state)) byId.set(incident.id, incident);
      }
      const next = [...byId.values()].sort((a, b) => b.lastReportAt.localeCompare(a.lastReportAt));
      // The first load is what was there already; after it, an id not seen before is new.
      if (known.current) {
        for (const incident of next)
          if (!known.current.has(incident.id)) notify.current?.(incident);
      }
      known.current = new Set([...(known.current ?? []), ...next.map((i) => i.id)]);
      setQueue(next);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [areaKey]);

  useEffect(() => {
    void reload();
    const onConsole = (event: Event) => {
      const message = (event as CustomEvent<ConsoleMessage>).detail;
      if (message?.type === 'console') void reload();
    };
    window.addEventListener(CONSOLE_EVENT, onConsole);
    const unwatch = watch(ALL, () => void reload());
    return () => {
      window.removeEventListener(CONSOLE_EVENT, onConsole);
      unwatch();
    };
  }, [reload, watch]);

  // Console messages are not replayed: when the socket is live again, the queue is read anew.
  useEffect(() => {
    if (status === 'live') void reload();
  }, [status, reload]);

  return { queue, error, reload };
}
