import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberNotifyOffer, shouldOfferNotifications } from './notify-offer';

/** A phone: its notification permission, whether it has push, a subscription, its storage. */
function phone(options: {
  permission: NotificationPermission;
  push: boolean;
  subscribed?: boolean;
  notification?: boolean;
}) {
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => stored.get(k) ?? null,
    setItem: (k: string, v: string) => stored.set(k, v),
  });
  const Notification = { permission: options.permission };
  vi.stubGlobal(
    'window',
    options.notification === false
      ? {}
      : { Notification, ...(options.push ? { PushManager: {} } : {}) },
  );
  vi.stubGlobal('Notification', Notification);
  const registration = {
    pushManager: { getSubscription: async () => (options.subscribed ? {} : null) },
  };
  vi.stubGlobal(
    'navigator',
    options.push ? { serviceWorker: { getRegistration: async () => registration } } : {},
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the notifications offer at the end of joining', () => {
  it('is made where push can be had and this phone has no subscription yet', async () => {
    phone({ permission: 'granted', push: true });
    expect(await shouldOfferNotifications()).toBe(true);
    phone({ permission: 'default', push: true });
    expect(await shouldOfferNotifications()).toBe(true);
  });

  it('is not made when already on, blocked, or impossible', async () => {
    phone({ permission: 'granted', push: true, subscribed: true });
    expect(await shouldOfferNotifications()).toBe(false);
    phone({ permission: 'denied', push: true });
    expect(await shouldOfferNotifications()).toBe(false);
    phone({ permission: 'default', push: false, notification: false });
    expect(await shouldOfferNotifications()).toBe(false);
  });

  it('without push, asks only a browser that was never asked', async () => {
    phone({ permission: 'default', push: false });
    expect(await shouldOfferNotifications()).toBe(true);
    phone({ permission: 'granted', push: false });
    expect(await shouldOfferNotifications()).toBe(false);
  });

  it('is made once: an answer (yes or not now) is kept on the phone', async () => {
    phone({ permission: 'default', push: true });
    rememberNotifyOffer();
    expect(await shouldOfferNotifications()).toBe(false);
  });
});
