import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { DispatchState } from '@tocsin/core/api/rapid-response';
import type { AlertPreferencesView as AlertPreferences } from '@tocsin/core/api/views';
import type { AlertMessage, DispatchMessage, StreamStatus } from '../../lib/stream';
import type { DispatchItem } from '../respond/dispatches';
import { useSession } from '../session/session-provider';
import type { FeedItem } from './feed';
import { useAlertStream, type LiveStream } from './use-alert-stream';
import { useBanners } from './use-banners';
import { useDispatches } from './use-dispatches';
import { useFeed } from './use-feed';
import { useLiveNotifications } from './use-live-notifications';
import { useOwnReports } from './use-own-reports';
import { useTakeover, type Takeover } from './use-takeover';
import { useWatchers } from './use-watchers';

export { ALL } from './use-watchers';

interface AlertsApi {
  /** Incidents that concern me, newest first. */
  feed: FeedItem[];
  /** Alerts that arrived while the app was open, newest first, until dismissed. */
  banners: AlertMessage[];
  status: StreamStatus;
  preferences: AlertPreferences | null;
  loading: boolean;
  loadError: unknown;
  /** My saved places (coarse), to measure from. */
  places: { lat: number; lng: number }[];
  /** When the server last told the app what it shows (ms), null if never on this phone. */
  savedAt: number | null;
  /** False while the feed is the phone's copy from an earlier run (offline, or still loading). */
  fresh: boolean;
  /** A confirmed alert within 500 m of me: it takes the screen until dismissed. */
  takeover: Takeover | null;
  dismissTakeover: () => void;
  /** Dispatches offered to me as a responder while the app was open, newest first. */
  dispatches: DispatchItem[];
  /** Records my answer to a dispatch. */
  updateDispatch: (id: string, state: DispatchState) => void;
  dismiss: (alertId: string) => void;
  reload: () => Promise<void>;
  /** Called with every alert for one incident, or for all with `ALL` (pages refresh themselves). */
  watch: (incidentId: string, listener: (alert: AlertMessage) => void) => () => void;
  /** Follows a meeting's live state on the same stream until the returned function is called. */
  followMeeting: LiveStream['followMeeting'];
}

const AlertsContext = createContext<AlertsApi | null>(null);

/**
 * The live side of the app for a signed-in member. Each job is its own hook: the feed
 * (use-feed), the banners, the responder's dispatches, the pages watching an incident, system
 * notifications, the stream connection and my own reports; this provider only joins them.
 */
export function AlertsProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const member = session.status === 'member';
  const {
    feed,
    preferences,
    loading,
    loadError,
    places,
    savedAt,
    fresh,
    reload,
    retry,
    addAlert,
    addIncident,
  } = useFeed(session.status);
  const { takeover, consider, dismissTakeover } = useTakeover();
  const { banners, show, dismiss } = useBanners();
  const { dispatches, receive, updateDispatch } = useDispatches();
  const { watch, tell } = useWatchers();
  const { notifyAlert, notifyDispatch } = useLiveNotifications();

  const onAlert = useCallback(
    (alert: AlertMessage) => {
      addAlert(alert);
      show(alert);
      tell(alert);
      notifyAlert(alert);
      consider(alert);
    },
    [addAlert, show, tell, notifyAlert, consider],
  );

  const onDispatch = useCallback(
    (message: DispatchMessage) => {
      receive(message);
      notifyDispatch(message);
    },
    [receive, notifyDispatch],
  );

  const { status, followMeeting } = useAlertStream(member, {
    onAlert,
    onDispatch,
    reload,
    retry,
  });
  useOwnReports(member, addIncident);

  const value = useMemo<AlertsApi>(
    () => ({
      feed,
      banners,
      status,
      preferences,
      loading,
      loadError,
      places,
      savedAt,
      fresh,
      takeover,
      dismissTakeover,
      dispatches,
      updateDispatch,
      dismiss,
      reload,
      watch,
      followMeeting,
    }),
    [
      feed,
      banners,
      status,
      preferences,
      loading,
      loadError,
      places,
      savedAt,
      fresh,
      takeover,
      dismissTakeover,
      dispatches,
      updateDispatch,
      dismiss,
      reload,
      watch,
      followMeeting,
    ],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

/** The live feed, banners, dispatches and stream status (inside `AlertsProvider`). */
export function useAlerts(): AlertsApi {
  const api = useContext(AlertsContext);
  if (!api) throw new Error('useAlerts outside AlertsProvider');
  return api;
}
