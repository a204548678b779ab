import { useCallback, useEffect, useState } from 'react';
import { endpoints } from '../../lib/api';
import type { DispatchBoard } from '@tocsin/core/api/rapid-response';
import type { Me } from '@tocsin/core/api/membership';
import { dispatcherAreas } from '@tocsin/core/incidents/dispatch-desk';
import { CONSOLE_EVENT } from '../../lib/stream-events';

export type BoardResponder = DispatchBoard['responders'][number];

/**
 * The on-shift responders of every area where I dispatch, each a coarse cell (never a position),
 * with the dispatches they are on; reloaded with the console's live messages and after an action.
 */
export function useBoard(me: Me) {
  const [responders, setResponders] = useState<BoardResponder[]>([]);
  const [error, setError] = useState<unknown>(null);
  const areaKey = dispatcherAreas(me).join(',');

  const reload = useCallback(async () => {
    const areas = areaKey.split(',').filter(Boolean);
    try {
      const boards = await Promise.all(areas.map((id) => endpoints.dispatchBoard(id)));
      const byMember = new Map<string, BoardResponder>();
      for (const r of boards.flatMap((b) => b.responders)) byMember.set(r.memberId, r);
      setResponders([...byMember.values()].sort((a, b) => a.handle.localeCompare(b.handle)));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [areaKey]);

  useEffect(() => {
    void reload();
    const onConsole = () => void reload();
    window.addEventListener(CONSOLE_EVENT, onConsole);
    return () => window.removeEventListener(CONSOLE_EVENT, onConsole);
  }, [reload]);

  return { responders, error, reload };
}
