import { useCallback, useEffect, useState } from 'react';
import { endpoints } from '../../lib/api';
import type { IncidentDetailView as IncidentDetail } from '@tocsin/core/api/views';
import { useAlerts } from '../alerts/alerts-provider';

export interface IncidentState {
  incident: IncidentDetail | null;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/** One incident with its timeline, fetched again whenever an alert about it arrives. */
export function useIncident(id: string): IncidentState {
  const { watch } = useAlerts();
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    try {
      setIncident(await endpoints.incident(id));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setLoading(true);
    setIncident(null);
    void reload();
    return watch(id, () => void reload());
  }, [id, reload, watch]);

  return { incident, error, loading, reload };
}
