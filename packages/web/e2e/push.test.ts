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

// A browser not asked yet ("default"); asking is answered yes, as a member would, and counted.
const NOT_ASKED_YET = `
  let permission = 'default';
  window.__asked = 0;
  Object.defineProperty(Notification, 'permission', { get: () => permission, configurable: true });
  Notification.requestPermission = async () => { window.__asked++; permission = 'granted'; return permission; };
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
  const others: Phone[] = [];
  afterAll(async () => {
    expect(phone?.problems).toEqual([]);
    for (const p of others) expect(p.problems, p.name).toEqual([]);
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

  /** A fresh phone with the push stub, through joining up to the notifications offer. */
  async function joinUpToOffer(
    name: string,
    notificationsAllowed = true,
    sponsor: 0 | 1 = 0,
  ): Promise<Phone> {
    const joiner = await Phone.open(browser, world.url, name);
    others.push(joiner);
    await joiner.context.addInitScript({ content: STUB_PUSH_MANAGER });
    if (!notificationsAllowed) await joiner.context.addInitScript({ content: NOT_ASKED_YET });
    await joiner.page.setViewportSize({ width: 360, height: 780 });
    await joiner.join.open(await world.sponsors[sponsor].invite());
    await joiner.join.createAccount();
    await joiner.join.confirmSaved();
    await joiner.join.chooseArea('Powderhorn Park');
    return joiner;
  }

  it('offers notifications right after joining; accepting subscribes this phone at the server', async () => {
    const before = (await subscriptions()).length;
    const joiner = await joinUpToOffer('offer accepted');
    await joiner.join.save();
    const offer = joiner.join.offer();
    expect(await offer.isVisible()).toBe(true);
    await offer.getByRole('heading', { name: 'Alerts when Tocsin is closed' }).waitFor();
    await offer.getByRole('button', { name: 'Not now' }).waitFor();
    expect(await joiner.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    await joiner.expectAccessible('join: notifications offer (en, 360 px)');
    await joiner.screenshot('push-01-join-offer');

    await joiner.join.acceptNotifications();
    const endpoint = await joiner.page.evaluate<string>('window.__push.endpoint');
    const rows = await subscriptions();
    expect(rows).toHaveLength(before + 1);
    expect(rows.map((r) => r.endpoint)).toContain(endpoint);
    await joiner.settings.open();
    await joiner.page.getByTestId('push').getByText('On for this phone.').waitFor();
  });

  it('"not now" goes home without a subscription, and the home prompt still turns notifications on later', async () => {
    const before = await subscriptions();
    const joiner = await joinUpToOffer('offer put off', false);
    await joiner.join.save();
    await joiner.join.notNow();
    expect(await joiner.join.offer().count()).toBe(0);
    expect(await subscriptions()).toEqual(before);

    // Later, from home: the general prompt asks, and the member says yes to the browser.
    const ask = joiner.page.getByText('Get a notification on this phone when an alert comes in?');
    await ask.waitFor();
    expect(await joiner.page.evaluate('window.__asked')).toBe(0);
    await joiner.expectAccessible('home: notifications prompt after "not now"');
    await joiner.page.getByRole('button', { name: 'Turn on notifications' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await joiner.page.evaluate('window.__asked')).toBe(1);
    expect(await joiner.page.evaluate('Notification.permission')).toBe('granted');
    // Offered once: the answer is kept on this phone.
    expect(await joiner.page.evaluate("localStorage.getItem('tocsin.notifyOffered')")).toBe('1');
  });

  it.each([
    ['es', 'Español', 'Guardar y empezar', 'Alertas con Tocsin cerrado', 'Ahora no'],
    ['so', 'Soomaali', 'Kaydi oo bilow', 'Digniinaha marka Tocsin xiran tahay', 'Hadda maya'],
    ['hmn', 'Hmoob', 'Khaws thiab pib', 'Kev ceeb toom thaum Tocsin kaw', 'Tsis yog tam sim no'],
  ])(
    'the offer reads in %s at 360 px with no axe violation',
    async (lang, language, save, title, notNow) => {
      const joiner = await joinUpToOffer(`offer ${lang}`, true, 1);
      await joiner.page.getByRole('radio', { name: language }).click();
      await joiner.page.getByRole('button', { name: save }).click();
      const offer = joiner.join.offer();
      await offer.getByRole('heading', { name: title }).waitFor();
      expect(
        await joiner.page.evaluate('document.documentElement.scrollWidth'),
        `offer (${lang}) fits 360 px`,
      ).toBeLessThanOrEqual(360);
      await joiner.expectAccessible(`join: notifications offer (${lang}, 360 px)`);
      await joiner.screenshot(`push-02-join-offer-${lang}`);
      await offer.getByRole('button', { name: notNow }).click();
      await offer.waitFor({ state: 'detached' });
      expect(new URL(joiner.page.url()).pathname).toBe('/');
    },
  );
});
