import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import {
  AlertStream,
  type AlertMessage,
  type DispatchMessage,
  type StreamStatus,
} from '../../lib/stream';
import { useSession } from '../session/session-provider';

/** What the stream connection hands on; each callback should keep its identity across renders. */
export interface StreamHandlers {
  onAlert: (alert: AlertMessage) => void;
  onDispatch: (message: DispatchMessage) => void;
  /** Loads the feed: once when the stream starts, again after each reconnection. */
  reload: () => Promise<void>;
}

/**
 * The live connection while a member is signed in: started and stopped with the session, signed
 * in again when the server says the session ended, the feed reloaded after a reconnection.
 */
export function useAlertStream(
  member: boolean,
  { onAlert, onDispatch, reload }: StreamHandlers,
): StreamStatus {
  const { store } = useServices();
  const { reauthenticate } = useSession();
  const [status, setStatus] = useState<StreamStatus>('stopped');

  useEffect(() => {
    if (!member) return;
    void reload();
    const stream = new AlertStream(store, {
      onAlert,
      onDispatch,
      onStatus: (next) => {
        setStatus(next);
        if (next === 'unauthorized') {
          void reauthenticate().then((ok) => ok && stream.resume());
        }
      },
      onReady: (reconnected) => {
        if (reconnected) void reload();
      },
    });
    void stream.start().catch(() => setStatus('offline'));
    return () => stream.stop();
  }, [member, store, onAlert, onDispatch, reload, reauthenticate]);

  return status;
}
