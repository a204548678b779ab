import { useCallback, useEffect, useState } from 'react';
import { endpoints } from '../../lib/api';
import type { Me } from '@tocsin/core/api/membership';
import type { IncidentSummaryView as IncidentSummary } from '@tocsin/core/api/views';
import { ALL, useAlerts } from '../alerts/alerts-provider';

const OPEN = new Set(['reported', 'corroborated', 'confirmed']);
const STAFF_ROLES = new Set(['dispatcher', 'verifier']);

/** The areas where I verify or dispatch. */
export function staffAreas(me: Me): string[] {
  return [...new Set(me.roles.filter((r) => STAFF_ROLES.has(r.role)).map((r) => r.areaId))];
}

/**
 * Open incidents of the areas I verify or dispatch for, newest first, refreshed whenever an
 * alert arrives (staff get every new report of their areas over the stream).
 */
export function useQueue(me: Me) {
  const { watch } = useAlerts();
  const [queue, setQueue] = useState<IncidentSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  const areaKey = staffAreas(me).join(',');

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
      setQueue([...byId.values()].sort((a, b) => b.lastReportAt.localeCompare(a.lastReportAt)));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [areaKey]);

  useEffect(() => {
    void reload();
    return watch(ALL, () => void reload());
  }, [reload, watch]);

  return { queue, error, reload };
}
