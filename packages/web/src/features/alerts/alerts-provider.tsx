import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { endpoints } from '../../lib/api';
import type { DispatchState } from '@tocsin/core/api/rapid-response';
import type {
  AlertPreferencesView as AlertPreferences,
  IncidentSummaryView as IncidentSummary,
} from '@tocsin/core/api/views';
import { showNotification } from '../../lib/notify';
import {
  AlertStream,
  type AlertMessage,
  type DispatchMessage,
  type StreamStatus,
} from '../../lib/stream';
import { upsertDispatch, type DispatchItem } from '../respond/dispatches';
import { memberMarker } from '../session/member-marker';
import { useSession } from '../session/session-provider';
import { feedItemFromAlert, feedItemFromIncident, mergeFeed, type FeedItem } from './feed';

interface AlertsApi {
  /** Incidents that concern me, newest first. */
  feed: FeedItem[];
  /** Alerts that arrived while the app was open, newest first, until dismissed. */
  banners: AlertMessage[];
  status: StreamStatus;
  preferences: AlertPreferences | null;
  loading: boolean;
  loadError: unknown;
  /** Dispatches offered to me as a responder while the app was open, newest first. */
  dispatches: DispatchItem[];
  /** Records my answer to a dispatch. */
  updateDispatch: (id: string, state: DispatchState) => void;
  dismiss: (alertId: string) => void;
  reload: () => Promise<void>;
  /** Called with every alert for one incident, or for all with `ALL` (pages refresh themselves). */
  watch: (incidentId: string, listener: (alert: AlertMessage) => void) => () => void;
}

/** `watch(ALL, …)`: every alert, whatever its incident. */
export const ALL = '*';

const AlertsContext = createContext<AlertsApi | null>(null);

interface FeedLoad {
  prefs: AlertPreferences;
  incidents: IncidentSummary[];
}

/** My alert settings and the incidents in the areas and around the places they name. */
async function loadFeed(): Promise<FeedLoad> {
  const { preferences, incidents } = await endpoints.homeFeed();
  return { prefs: preferences, incidents };
}

/** The live side of the app for a signed-in member: the stream, the feed and the banners. */
export function AlertsProvider({ children }: { children: ReactNode }) {
  const { store, outbox } = useServices();
  const { session, reauthenticate } = useSession();
  const { t } = useTranslation();
  const member = session.status === 'member';
  const [items, setItems] = useState<Map<string, FeedItem>>(new Map());
  const [banners, setBanners] = useState<AlertMessage[]>([]);
  const [dispatches, setDispatches] = useState<DispatchItem[]>([]);
  const [status, setStatus] = useState<StreamStatus>('stopped');
  const [preferences, setPreferences] = useState<AlertPreferences | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const watchers = useRef(new Map<string, Set<(alert: AlertMessage) => void>>());
  const early = useRef<Promise<FeedLoad | null> | null>(null);
  const tRef = useRef(t);
  tRef.current = t;

  // A member coming back needs their alert settings and the incidents they cover: asked for
  // while /me is still on its way (preloaded by public/early-requests.js),
  // round trips less on a slow network (bench/web-interactive.ts). /me checks the session.
  useEffect(() => {
    if (memberMarker() !== 'signed_in') return;
    early.current = loadFeed().catch(() => null);
  }, []);
  useEffect(() => {
    // Not the member it was fetched for after all: someone who signs in next loads their own.
    if (session.status === 'anonymous') early.current = null;
  }, [session.status]);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const prefetched = early.current;
      early.current = null;
      const { prefs, incidents } = (await prefetched) ?? (await loadFeed());
      setPreferences(prefs);
      setItems((current) => mergeFeed(current, incidents.map(feedItemFromIncident)));
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoading(false);
    }
  }, []);

  const onAlert = useCallback((alert: AlertMessage) => {
    setItems((current) => mergeFeed(current, [feedItemFromAlert(alert)]));
    setBanners((current) => [alert, ...current].slice(0, 5));
    for (const key of [alert.incident.id, ALL]) {
      for (const listener of watchers.current.get(key) ?? []) listener(alert);
    }
    const tr = tRef.current;
    void showNotification(
      tr('notification.title', { state: tr(`state.${alert.incident.state}`) }),
      {
        body: tr('notification.body', { place: alert.incident.area?.name ?? tr('home.noPlace') }),
        tag: alert.incident.id,
        url: `/incidents/${alert.incident.id}`,
      },
    ).catch(() => undefined);
  }, []);

  const onDispatch = useCallback((message: DispatchMessage) => {
    setDispatches((current) => upsertDispatch(current, message, Date.now()));
    if (message.state !== 'offered') return;
    const tr = tRef.current;
    void showNotification(tr('respond.notification'), {
      body: message.incident?.area?.name ?? tr('home.noPlace'),
      tag: `dispatch-${message.id}`,
      url: '/respond',
    }).catch(() => undefined);
  }, []);

  const updateDispatch = useCallback((id: string, state: DispatchState) => {
    setDispatches((current) => upsertDispatch(current, { id, state }, Date.now()));
  }, []);

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

  // My own reports: their incidents belong in my feed even outside my alert areas.
  useEffect(() => {
    if (!member) return;
    const fetched = new Set<string>();
    return outbox.subscribe((outboxItems) => {
      for (const item of outboxItems) {
        const id = item.incident?.id;
        if (item.status !== 'sent' || !id || fetched.has(id)) continue;
        fetched.add(id);
        endpoints
          .incident(id)
          .then((incident) =>
            setItems((current) => mergeFeed(current, [feedItemFromIncident(incident)])),
          )
          .catch(() => fetched.delete(id));
      }
    });
  }, [member, outbox]);

  const dismiss = useCallback(
    (alertId: string) => setBanners((current) => current.filter((a) => a.id !== alertId)),
    [],
  );

  const watch = useCallback((incidentId: string, listener: (alert: AlertMessage) => void) => {
    const map = watchers.current;
    let set = map.get(incidentId);
    if (!set) map.set(incidentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) map.delete(incidentId);
    };
  }, []);

  const feed = useMemo(
    () => [...items.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [items],
  );

  const value = useMemo<AlertsApi>(
    () => ({
      feed,
      banners,
      status,
      preferences,
      loading,
      loadError,
      dispatches,
      updateDispatch,
      dismiss,
      reload,
      watch,
    }),
    [
      feed,
      banners,
      status,
      preferences,
      loading,
      loadError,
      dispatches,
      updateDispatch,
      dismiss,
      reload,
      watch,
    ],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

export function useAlerts(): AlertsApi {
  const api = useContext(AlertsContext);
  if (!api) throw new Error('useAlerts outside AlertsProvider');
  return api;
}
