import { DB_NAME } from './local-store';

/**
 * Erases every trace the app left in this browser profile for this site: local and session
 * storage, every IndexedDB database, every Cache Storage cache and the service worker. The
 * session cookie is HttpOnly, so the server's logout (tried first, briefly) removes it.
 */
export async function wipeEverything(logout: () => Promise<void>): Promise<void> {
  await Promise.race([logout().catch(() => undefined), delay(1_500)]);
  const steps: Promise<unknown>[] = [];
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage disabled: nothing stored there.
  }
  steps.push(deleteDatabases());
  if ('caches' in window) {
    steps.push(caches.keys().then((keys) => Promise.all(keys.map((key) => caches.delete(key)))));
  }
  if ('serviceWorker' in navigator) {
    steps.push(
      navigator.serviceWorker
        .getRegistrations()
        .then((registrations) => Promise.all(registrations.map((r) => r.unregister()))),
    );
  }
  await Promise.allSettled(steps);
}

async function deleteDatabases(): Promise<void> {
  const names = new Set([DB_NAME]);
  try {
    for (const info of await indexedDB.databases()) if (info.name) names.add(info.name);
  } catch {
    // Older browsers cannot list databases; ours is known by name.
  }
  await Promise.all(
    [...names].map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => resolve();
          request.onblocked = () => resolve();
        }),
    ),
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}
