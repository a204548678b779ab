/**
 * Registers the service worker from this bundled module: the CSP forbids inline scripts, so
 * vite-plugin-pwa injects none (injectRegister: false). `onUpdate` is told when a new version
 * waits; calling the returned function activates it and reloads.
 */
export async function registerServiceWorker(onUpdate: () => void): Promise<() => Promise<void>> {
  if (!('serviceWorker' in navigator)) return async () => undefined;
  const { registerSW } = await import('virtual:pwa-register');
  return registerSW({ onNeedRefresh: onUpdate });
}
