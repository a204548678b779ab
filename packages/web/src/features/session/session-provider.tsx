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
import i18next from 'i18next';
import { useServices } from '../../app/services';
import { ApiError, endpoints } from '../../lib/api';
import type { City, Me } from '@tocsin/core/api/membership';
import { loginWithDeviceKey } from '../../lib/auth';
import { loadDeviceKey } from '../../lib/keys';
import { HOME_KEY } from '../home/home-cache';
import { memberMarker, setMemberMarker } from './member-marker';
import { isLanguage, setLanguage, storedLanguage } from '../../lib/i18n';
import { disablePush } from '../../lib/push';
import { MEMBER_EVENT } from '../../lib/stream-events';
import { wipeEverything } from '../../lib/wipe';

export type Session =
  | { status: 'loading' }
  | { status: 'anonymous'; offline: boolean }
  | { status: 'member'; me: Me; offline: boolean }
  | { status: 'wiped'; done: boolean };

interface SessionApi {
  session: Session;
  city: City | null;
  /** After a join, login or recovery: the session cookie is set, load who we are. */
  signedIn: () => Promise<void>;
  /** Reload /me (roles or status may have changed). */
  refresh: () => Promise<void>;
  /** The server said 401: log in again with this device's key if it has one. */
  reauthenticate: () => Promise<boolean>;
  logout: () => Promise<void>;
  logoutEverywhere: () => Promise<void>;
  /** Panic wipe: every local trace goes, then a blank screen. */
  wipe: () => Promise<void>;
}

const CITY_KEY = 'tocsin.city';
const ME_KEY = 'me';

function cachedCity(): City | null {
  try {
    const raw = localStorage.getItem(CITY_KEY);
    return raw ? (JSON.parse(raw) as City) : null;
  } catch {
    return null;
  }
}

const SessionContext = createContext<SessionApi | null>(null);

/** Who is using the app, and the city it serves; logs in silently with the device key. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { store, outbox } = useServices();
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [city, setCity] = useState<City | null>(cachedCity);
  const wiped = useRef(false);

  const becomeMember = useCallback(
    async (me: Me) => {
      if (wiped.current) return;
      setMemberMarker('signed_in');
      setSession({ status: 'member', me, offline: false });
      await store.setMeta(ME_KEY, me).catch(() => undefined);
      // A language chosen on the account follows the member to a new phone.
      if (!storedLanguage() && isLanguage(me.language)) await setLanguage(me.language);
      outbox.retryAll();
    },
    [store, outbox],
  );

  const loadMe = useCallback(async () => {
    const marker = memberMarker();
    const neverHere = marker === 'never' && !(await loadDeviceKey(store).catch(() => null));
    if (neverHere || marker === 'logged_out') {
      setSession({ status: 'anonymous', offline: !navigator.onLine });
      return;
    }
    try {
      await becomeMember(await endpoints.me());
      return;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.isNetwork) {
        const me = await store.getMeta<Me>(ME_KEY).catch(() => undefined);
        if (wiped.current) return;
        setSession(
          me ? { status: 'member', me, offline: true } : { status: 'anonymous', offline: true },
        );
        return;
      }
      if (error.status !== 401) throw error;
    }
    if (await loginWithDeviceKey(store).catch(() => false)) {
      await becomeMember(await endpoints.me());
      return;
    }
    await store.deleteMeta(ME_KEY).catch(() => undefined);
    setMemberMarker('never');
    if (!wiped.current) setSession({ status: 'anonymous', offline: false });
  }, [becomeMember, store]);

  useEffect(() => {
    void endpoints
      .city()
      .then((loaded) => {
        if (wiped.current) return;
        setCity(loaded);
        localStorage.setItem(CITY_KEY, JSON.stringify(loaded));
      })
      .catch(() => undefined);
    loadMe().catch(() => {
      if (!wiped.current) setSession({ status: 'anonymous', offline: !navigator.onLine });
    });
    void outbox.start();
    // The service worker words push notifications in the member's language.
    const saveLanguage = (language: string) => void store.setMeta('lang', language).catch(() => {});
    saveLanguage(i18next.language);
    i18next.on('languageChanged', saveLanguage);
    return () => {
      outbox.stop();
      i18next.off('languageChanged', saveLanguage);
    };
  }, [loadMe, outbox, store]);

  const signedIn = useCallback(async () => becomeMember(await endpoints.me()), [becomeMember]);

  // A role granted or taken, an approval or a vouch (a `member.updated` stream message): who I am
  // is loaded again and every screen follows without a reload (ADR 0023).
  useEffect(() => {
    const onUpdated = () => {
      if (wiped.current) return;
      void endpoints
        .me()
        .then(becomeMember)
        .catch(() => undefined);
    };
    window.addEventListener(MEMBER_EVENT, onUpdated);
    return () => window.removeEventListener(MEMBER_EVENT, onUpdated);
  }, [becomeMember]);

  const reauthenticate = useCallback(async () => {
    const ok = await loginWithDeviceKey(store).catch(() => false);
    if (ok) await signedIn();
    else if (!wiped.current) setSession({ status: 'anonymous', offline: false });
    return ok;
  }, [signedIn, store]);

  const signedOut = useCallback(async () => {
    // Logged out on purpose: the device key stays, but only a tap uses it again.
    setMemberMarker('logged_out');
    await store.deleteMeta(ME_KEY).catch(() => undefined);
    await store.deleteMeta(HOME_KEY).catch(() => undefined);
    setSession({ status: 'anonymous', offline: false });
  }, [store]);

  const logout = useCallback(async () => {
    await endpoints.logout();
    await signedOut();
  }, [signedOut]);

  const logoutEverywhere = useCallback(async () => {
    await endpoints.endAllSessions();
    await signedOut();
  }, [signedOut]);

  const wipe = useCallback(async () => {
    wiped.current = true;
    // Unmounting every screen first stops the stream and timers that would write again.
    setSession({ status: 'wiped', done: false });
    setCity(null);
    document.title = '';
    outbox.stop();
    await store.close();
    // The server forgets this browser's push subscription and session; then the phone forgets all.
    await wipeEverything(async () => {
      await disablePush().catch(() => undefined);
      await endpoints.logout();
    });
    setSession({ status: 'wiped', done: true });
  }, [outbox, store]);

  const value = useMemo<SessionApi>(
    () => ({
      session,
      city,
      signedIn,
      refresh: loadMe,
      reauthenticate,
      logout,
      logoutEverywhere,
      wipe,
    }),
    [session, city, signedIn, loadMe, reauthenticate, logout, logoutEverywhere, wipe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside SessionProvider');
  return api;
}

/** The signed-in member; only for screens behind RequireMember. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== 'member') throw new Error('useMe without a member');
  return session.me;
}
