import { ApiError, api } from './api';

/** Whether this browser can receive web pushes at all. */
export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const timeout = new Promise<never>((_, reject) =>
    window.setTimeout(() => reject(new Error('no service worker')), 10_000),
  );
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/** This browser's push subscription, if it has one. */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.getRegistration();
  return (await reg?.pushManager.getSubscription()) ?? null;
}

/**
 * Subscribes this browser with the server's VAPID key and registers it with the server. Pushes
 * carry no incident data: the service worker shows "new alert" and the app fetches the rest.
 * Throws ApiError `push_disabled` when the server has no push set up.
 */
export async function enablePush(): Promise<void> {
  if ((await Notification.requestPermission()) !== 'granted') {
    throw new ApiError(403, 'notifications_blocked', 'notifications are not allowed');
  }
  const { publicKey } = await api.get<{ publicKey: string }>('/push/key');
  const reg = await registration();
  const subscription = await reg.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: fromBase64Url(publicKey),
  });
  await api.post('/me/push-subscriptions', subscription.toJSON());
}

/** Stops pushes to this browser, at the server and in the browser. */
export async function disablePush(): Promise<void> {
  const subscription = await currentPushSubscription();
  if (!subscription) return;
  await api.delete('/me/push-subscriptions', { endpoint: subscription.endpoint });
  await subscription.unsubscribe();
}
