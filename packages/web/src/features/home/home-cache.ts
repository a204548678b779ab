import type { LocalStore } from '../../lib/local-store';
import type { FeedItem } from '../alerts/feed';

/** The meta key of the home snapshot; a logout deletes it, the panic wipe deletes the database. */
export const HOME_KEY = 'home';

/**
 * What the home screen last knew, kept on the phone so that a cold start without a network shows
 * it with its time instead of an error. Never the member's own position: only the incidents the
 * server sent and the saved places as the server keeps them (centers of coarse cells).
 */
export interface HomeSnapshot {
  /** When the server last answered (ms since epoch): the time the home screen shows. */
  savedAt: number;
  items: FeedItem[];
  places: { lat: number; lng: number }[];
}

export async function loadHome(store: LocalStore): Promise<HomeSnapshot | null> {
  const snapshot = await store.getMeta<HomeSnapshot>(HOME_KEY).catch(() => undefined);
  return snapshot && Array.isArray(snapshot.items) ? snapshot : null;
}

export async function saveHome(store: LocalStore, snapshot: HomeSnapshot): Promise<void> {
  await store.setMeta(HOME_KEY, snapshot).catch(() => undefined);
}
