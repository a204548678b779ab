import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TEST_BROWSER } from './browser';
import { Phone } from './phone';
import { startWorld, type World } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'web push subscription from the settings screen'
  : 'web push subscription from the settings screen (skipped: TEST_BROWSER is not set)';

// Headless Chromium has no push service to subscribe with: PushManager is stubbed with a
// subscription at FCM's address and well-formed keys, recording the key the app passed.
const STUB_PUSH_MANAGER = `
  const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const random = (n, first) => { const a = crypto.getRandomValues(new Uint8Array(n)); if (first !== undefined) a[0] = first; return a; };
  PushManager.prototype.subscribe = async function (options) {
    const json = {
      endpoint: 'https://fcm.googleapis.com/fcm/send/e2e-' + Math.random().toString(36).slice(2),
      expirationTime: null,
      keys: { p256dh: b64(random(65, 4)), auth: b64(random(16)) },
    };
    window.__push = {
      endpoint: json.endpoint,
      serverKeyLength: new Uint8Array(options.applicationServerKey).length,
      toJSON: () => json,
      unsubscribe: async () => { window.__push = null; return true; },
    };
    return window.__push;
  };
  PushManager.prototype.getSubscription = async function () { return window.__push || null; };
`;

suite(title, () => {
  let world: World;
  let browser: Browser;
  let phone: Phone;

  beforeAll(async () => {
    world = await startWorld({ push: true });
    browser = await launchBrowser();
    phone = await Phone.open(browser, world.url, 'push phone');
    await phone.context.addInitScript({ content: STUB_PUSH_MANAGER });
  });
  afterAll(async () => {
    expect(phone?.problems).toEqual([]);
    await browser?.close();
    await world?.close();
  });

  const subscriptions = () =>
    world.server.ctx.db.selectFrom('push_subscriptions').select('endpoint').execute();

  it('subscribes with the server key, unsubscribes, and the panic wipe unsubscribes too', async () => {
    await phone.join.joinWith(await world.sponsors[0].invite(), 'Powderhorn Park');
    await phone.settings.open();
    const push = phone.page.getByTestId('push');
    await push.getByText('Off for this phone.').waitFor();
    await push.getByRole('button', { name: 'Turn on' }).click();
    await push.getByText('On for this phone.').waitFor();
    const stub = await phone.page.evaluate<{ endpoint: string; serverKeyLength: number }>(
      '({ endpoint: window.__push.endpoint, serverKeyLength: window.__push.serverKeyLength })',
    );
    expect(stub.serverKeyLength).toBe(65);
    expect(await subscriptions()).toEqual([{ endpoint: stub.endpoint }]);
    await phone.expectAccessible('settings (push on)');

    await push.getByRole('button', { name: 'Turn off' }).click();
    await push.getByText('Off for this phone.').waitFor();
    expect(await subscriptions()).toEqual([]);

    await push.getByRole('button', { name: 'Turn on' }).click();
    await push.getByText('On for this phone.').waitFor();
    expect(await subscriptions()).toHaveLength(1);
    await phone.settings.wipe();
    expect(await subscriptions()).toEqual([]);
  });
});
