import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services';
import {
  AlertStream,
  type AlertMessage,
  type DispatchMessage,
  type MeetingMessage,
  type StreamStatus,
} from '../../lib/stream';
import { useSession } from '../session/session-provider';

/** What the stream connection hands on; each callback should keep its identity across renders. */
export interface StreamHandlers {
  onAlert: (alert: AlertMessage) => void;
  onDispatch: (message: DispatchMessage) => void;
  /** Loads the feed: once when the stream starts, again after each reconnection. */
  reload: () => Promise<void>;
  /** Loads the feed if its last load failed: on the first ready of a stream (no reconnection). */
  retry: () => Promise<void>;
}

/** A meeting page's part in the stream: the meeting's state as it changes. */
export type MeetingListener = (state: MeetingMessage['state']) => void;

/** The meeting the app follows and the pages listening to it. */
interface Followed {
  meetingId: string;
  listeners: Set<MeetingListener>;
}

export interface LiveStream {
  status: StreamStatus;
  /**
   * Follows a meeting's live state on the app's one stream until the returned function is
   * called; following another meeting leaves the first.
   */
  followMeeting: (meetingId: string, listener: MeetingListener) => () => void;
}

/**
 * The live connection while a member is signed in: started and stopped with the session, signed
 * in again when the server says the session ended, the feed reloaded after a reconnection. It
 * also carries the meeting a page has open.
 */
export function useAlertStream(
  member: boolean,
  { onAlert, onDispatch, reload, retry }: StreamHandlers,
): LiveStream {
  const { store } = useServices();
  const { reauthenticate } = useSession();
  const [status, setStatus] = useState<StreamStatus>('stopped');
  const streamRef = useRef<AlertStream | null>(null);
  const followed = useRef<Followed | null>(null);

  useEffect(() => {
    if (!member) return;
    void reload();
    const stream = new AlertStream(store, {
      onAlert,
      onDispatch,
      onMeeting: (message) => {
        const current = followed.current;
        if (current?.meetingId !== message.meetingId) return;
        for (const listener of current.listeners) listener(message.state);
      },
      onStatus: (next) => {
        setStatus(next);
        if (next === 'unauthorized') {
          void reauthenticate().then((ok) => ok && stream.resume());
        }
      },
      onReady: (reconnected) => {
        void (reconnected ? reload() : retry());
      },
    });
    stream.follow(followed.current?.meetingId ?? null);
    streamRef.current = stream;
    void stream.start().catch(() => setStatus('offline'));
    return () => {
      stream.stop();
      if (streamRef.current === stream) streamRef.current = null;
    };
  }, [member, store, onAlert, onDispatch, reload, retry, reauthenticate]);

  const followMeeting = useCallback((meetingId: string, listener: MeetingListener) => {
    if (followed.current?.meetingId !== meetingId) {
      followed.current = { meetingId, listeners: new Set() };
      streamRef.current?.follow(meetingId);
    }
    const current = followed.current;
    current.listeners.add(listener);
    return () => {
      current.listeners.delete(listener);
      if (followed.current === current && current.listeners.size === 0) {
        followed.current = null;
        streamRef.current?.follow(null);
      }
    };
  }, []);

  return { status, followMeeting };
}
