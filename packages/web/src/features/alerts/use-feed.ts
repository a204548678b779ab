import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cardFate } from '@tocsin/core/incidents/nearby';
import { useServices } from '../../app/services';
import { endpoints } from '../../lib/api';
import type {
  AlertPreferencesView as AlertPreferences,
  IncidentSummaryView as IncidentSummary,
} from '@tocsin/core/api/views';
import type { AlertMessage } from '../../lib/stream';
import { loadHome, saveHome } from '../home/home-cache';
import { memberMarker } from '../session/member-marker';
import type { Session } from '../session/session-provider';
import { feedItemFromAlert, feedItemFromIncident, mergeFeed, type FeedItem } from './feed';

interface FeedLoad {
  prefs: AlertPreferences;
  incidents: IncidentSummary[];
}

/** My alert settings and the incidents in the areas and around the places they name. */
async function loadFeed(): Promise<FeedLoad> {
  const { preferences, incidents } = await endpoints.homeFeed();
  return { prefs: preferences, incidents };
}

/** What `useFeed` gives the provider: the feed, its load state and ways to add to it. */
export interface FeedState {
  /** Incidents that concern me, newest first. */
  feed: FeedItem[];
  preferences: AlertPreferences | null;
  loading: boolean;
  loadError: unknown;
  /** My saved places (coarse), from the server or, until it answers, from the phone. */
  places: { lat: number; lng: number }[];
  /** When the server last told the app what it shows (ms); null when it never has here. */
  savedAt: number | null;
  /** True once the server answered in this run; until then the feed is the phone's copy. */
  fresh: boolean;
  reload: () => Promise<void>;
  /** Loads the feed again if the last load failed (the stream is live again after a cold start
   * without a network: the first ready is no reconnection, yet the feed was never loaded). */
  retry: () => Promise<void>;
  /** Puts the incident of a live alert in the feed. */
  addAlert: (alert: AlertMessage) => void;
  /** Puts an incident fetched on its own (one of my reports) in the feed. */
  addIncident: (incident: IncidentSummary) => void;
}

/** The home feed: loaded (early when a member comes back), reloaded, merged with live alerts. */
export function useFeed(sessionStatus: Session['status']): FeedState {
  const [items, setItems] = useState<Map<string, FeedItem>>(new Map());
  const [preferences, setPreferences] = useState<AlertPreferences | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>(null);
  const early = useRef<Promise<FeedLoad | null> | null>(null);
  const failed = useRef(false);
  const { store } = useServices();
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [fresh, setFresh] = useState(false);
  const [cachedPlaces, setCachedPlaces] = useState<{ lat: number; lng: number }[]>([]);

  // What the home screen last knew, shown at once (and all there is on a cold start offline)
  // until the server answers; anything newer that already arrived wins (mergeFeed).
  useEffect(() => {
    if (sessionStatus !== 'member') return;
    let current = true;
    void loadHome(store).then((snapshot) => {
      if (!current || !snapshot) return;
      const kept = new Map(snapshot.items.map((item) => [item.id, item]));
      setItems((known) => mergeFeed(kept, [...known.values()]));
      setSavedAt((known) => known ?? snapshot.savedAt);
      setCachedPlaces(snapshot.places);
    });
    return () => {
      current = false;
    };
  }, [sessionStatus, store]);

  // A member coming back needs their alert settings and the incidents they cover: asked for
  // while /me is still on its way (preloaded by public/early-requests.js),
  // round trips less on a slow network (bench/web-interactive.ts). /me checks the session.
  useEffect(() => {
    if (memberMarker() !== 'signed_in') return;
    early.current = loadFeed().catch(() => null);
  }, []);
  useEffect(() => {
    // Not the member it was fetched for after all: someone who signs in next loads their own.
    if (sessionStatus === 'anonymous') early.current = null;
  }, [sessionStatus]);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const prefetched = early.current;
      early.current = null;
      const { prefs, incidents } = (await prefetched) ?? (await loadFeed());
      setPreferences(prefs);
      setItems((current) => mergeFeed(current, incidents.map(feedItemFromIncident)));
      setSavedAt(Date.now());
      setFresh(true);
      setLoadError(null);
      failed.current = false;
    } catch (error) {
      failed.current = true;
      setLoadError(error);
    } finally {
      setLoading(false);
    }
  }, []);

  const retry = useCallback(() => (failed.current ? reload() : Promise.resolve()), [reload]);

  const addAlert = useCallback((alert: AlertMessage) => {
    setItems((current) => mergeFeed(current, [feedItemFromAlert(alert)]));
    setSavedAt(Date.now());
  }, []);

  const addIncident = useCallback((incident: IncidentSummary) => {
    setItems((current) => mergeFeed(current, [feedItemFromIncident(incident)]));
  }, []);

  const feed = useMemo(
    () => [...items.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [items],
  );

  const places = preferences?.places ?? cachedPlaces;

  // Kept on the phone after each answer of the server, without the cards already gone.
  useEffect(() => {
    if (!fresh || savedAt === null) return;
    const kept = feed.filter(
      (item) => cardFate(item.state, Date.parse(item.updatedAt), savedAt) !== 'gone',
    );
    void saveHome(store, {
      savedAt,
      items: kept,
      places: places.map(({ lat, lng }) => ({ lat, lng })),
    });
  }, [fresh, savedAt, feed, places, store]);

  return {
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
  };
}
