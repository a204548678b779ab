import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingView } from '@tocsin/core/api/organizing';
import { useServices } from '../../app/services';
import type { MeetingAction, MeetingItem, OutboxItem } from '../../lib/outbox';
import type { StreamStatus } from '../../lib/stream';
import { useAlerts } from '../alerts/alerts-provider';
import { assembliesApi } from '../../lib/api/organizing/assemblies';

export interface LiveMeeting {
  view: MeetingView | null;
  error: unknown;
  /** The app's stream: `live` while the meeting's changes arrive as they happen. */
  status: StreamStatus;
  /** Reads the whole view again (my part and the officers' part are not on the stream). */
  reload: () => Promise<void>;
}

/**
 * A meeting as the caller sees it: GET once, then the `meeting` messages of the app's one stream
 * (which follows this meeting while the page is open) merged in as they come. The parts the stream does not carry (`me`, `officer`) are read again, at most once a
 * second, when the state around them moved.
 */
export function useMeeting(id: string): LiveMeeting {
  const [view, setView] = useState<MeetingView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { status, followMeeting } = useAlerts();
  const timer = useRef<number | null>(null);
  const reload = useCallback(async () => {
    try {
      const fresh = await assembliesApi.meeting(id);
      setView(fresh);
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [id]);

  useEffect(() => {
    void reload();
    const later = () => {
      if (timer.current !== null) return;
      timer.current = window.setTimeout(() => {
        timer.current = null;
        void reload();
      }, 1_000);
    };
    const unfollow = followMeeting(id, (state) =>
      setView((previous) => {
        if (!previous) return previous;
        const openVotes = new Set(
          state.motions.filter((m) => m.state === 'voting').map((m) => m.id),
        );
        const stale =
          previous.attendance !== state.attendance ||
          previous.state !== state.state ||
          previous.me.ballots.some((b) => !openVotes.has(b.motionId));
        if (stale) later();
        return { ...previous, ...state };
      }),
    );
    return () => {
      unfollow();
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    };
  }, [id, reload, followMeeting]);

  return { view, error, status, reload };
}

/** This meeting's actions still on the phone (waiting for the hall's Wi-Fi). */
export function usePendingActions(meetingId: string): MeetingItem[] {
  const { outbox } = useServices();
  const [items, setItems] = useState<MeetingItem[]>([]);
  useEffect(
    () =>
      outbox.subscribe((all: OutboxItem[]) =>
        setItems(
          all.filter(
            (item): item is MeetingItem =>
              item.kind === 'meeting' && item.action.meetingId === meetingId,
          ),
        ),
      ),
    [outbox, meetingId],
  );
  return items;
}

/** Queues a meeting action in the outbox; it is sent at once when the network allows. */
export function useQueueAction(): (action: MeetingAction) => Promise<void> {
  const { outbox } = useServices();
  return useCallback(
    async (action: MeetingAction) => {
      await outbox.addMeeting(action);
    },
    [outbox],
  );
}
