import { useCallback, useState } from 'react';
import type { DispatchState } from '@tocsin/core/api/rapid-response';
import type { DispatchMessage } from '../../lib/stream';
import { upsertDispatch, type DispatchItem } from '../respond/dispatches';

/** Dispatches offered to me as a responder while the app was open, newest first. */
export function useDispatches(): {
  dispatches: DispatchItem[];
  receive: (message: DispatchMessage) => void;
  updateDispatch: (id: string, state: DispatchState) => void;
} {
  const [dispatches, setDispatches] = useState<DispatchItem[]>([]);
  const receive = useCallback((message: DispatchMessage) => {
    setDispatches((current) => upsertDispatch(current, message, Date.now()));
  }, []);
  const updateDispatch = useCallback((id: string, state: DispatchState) => {
    setDispatches((current) => upsertDispatch(current, { id, state }, Date.now()));
  }, []);
  return { dispatches, receive, updateDispatch };
}
