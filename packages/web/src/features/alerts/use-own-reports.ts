import { useEffect } from 'react';
import { useServices } from '../../app/services';
import { endpoints } from '../../lib/api';
import { isReport } from '../../lib/outbox';
import type { IncidentSummaryView as IncidentSummary } from '@tocsin/core/api/views';

/** My own reports: their incidents belong in my feed even outside my alert areas. */
export function useOwnReports(member: boolean, add: (incident: IncidentSummary) => void): void {
  const { outbox } = useServices();
  useEffect(() => {
    if (!member) return;
    const fetched = new Set<string>();
    return outbox.subscribe((outboxItems) => {
      for (const item of outboxItems) {
        const id = isReport(item) ? item.incident?.id : undefined;
        if (item.status !== 'sent' || !id || fetched.has(id)) continue;
        fetched.add(id);
        endpoints
          .incident(id)
          .then(add)
          .catch(() => fetched.delete(id));
      }
    });
  }, [member, outbox, add]);
}
