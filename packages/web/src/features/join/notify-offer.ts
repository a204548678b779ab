import { currentPushSubscription, pushSupported } from '../../lib/push';

// Set once the offer was answered either way: joining offers notifications once per phone.
const OFFERED_KEY = 'tocsin.notifyOffered';

/** Keeps on this phone that the offer was answered (yes or not now). */
export function rememberNotifyOffer(): void {
  try {
    localStorage.setItem(OFFERED_KEY, '1');
  } catch {
    // Private mode without storage: the offer may come again, nothing worse.
  }
}

/**
 * Whether to offer notifications at the end of joining: not answered on this phone before, not
 * blocked, and not already on (a push subscription, or where push is missing, the permission).
 */
export async function shouldOfferNotifications(): Promise<boolean> {
  try {
    if (localStorage.getItem(OFFERED_KEY)) return false;
  } catch {
    // No storage: offer.
  }
  if (!('Notification' in window) || Notification.permission === 'denied') return false;
  if (pushSupported()) return (await currentPushSubscription().catch(() => null)) === null;
  return Notification.permission === 'default';
}
