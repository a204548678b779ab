export type NotifyPermission = NotificationPermission | 'unsupported';

export function notificationPermission(): NotifyPermission {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

export async function requestNotifications(): Promise<NotifyPermission> {
  if (!('Notification' in window)) return 'unsupported';
  return Notification.requestPermission();
}

/**
 * Shows a system notification when allowed. Through the service worker where there is one
 * (Android refuses `new Notification`); the text stays short since lock screens show it.
 */
export async function showNotification(
  title: string,
  options: { body: string; tag: string; url: string },
): Promise<void> {
  if (notificationPermission() !== 'granted') return;
  const init: NotificationOptions = {
    body: options.body,
    tag: options.tag,
    icon: '/icon-192.png',
    data: { url: options.url },
  };
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (registration) {
    await registration.showNotification(title, init);
    return;
  }
  try {
    const notification = new Notification(title, init);
    notification.onclick = () => {
      window.focus();
      window.location.assign(options.url);
    };
  } catch {
    // Some browsers only allow notifications from a service worker.
  }
}
