import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TEST_BROWSER } from './browser';
import { Phone } from './phone';
import { startWorld, type World } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'joining with a passkey, and getting back in'
  : 'joining with a passkey, and getting back in (skipped: TEST_BROWSER is not set)';

suite(title, () => {
  let world: World;
  let browser: Browser;
  let phone: Phone;

  beforeAll(async () => {
    world = await startWorld();
    browser = await launchBrowser();
    phone = await Phone.open(browser, world.url, 'passkey phone', { authenticator: true });
  });
  afterAll(async () => {
    expect(phone?.problems).toEqual([]);
    await browser?.close();
    await world?.close();
  });

  it('makes the account with a passkey where the phone has one, and logs in with it', async () => {
    await phone.join.open(await world.sponsors[0].invite());
    await phone.page
      .getByText('Your phone will ask for your fingerprint, face or screen lock')
      .waitFor();
    await phone.join.createAccount();
    const codes = await phone.join.recoveryCodes();
    expect(codes).toHaveLength(10);
    await phone.join.confirmSaved();
    await phone.join.chooseArea('East Phillips');
    await phone.join.finish();
    const me = await phone.page.evaluate<{ handle: string }>(
      `fetch('/api/v1/me').then((r) => r.json())`,
    );
    // No device key was made: the passkey is the credential.
    const keys = await phone.page.evaluate<number>(`new Promise((resolve) => {
      const open = indexedDB.open('tocsin');
      open.onsuccess = () => {
        const count = open.result.transaction('keys').objectStore('keys').count();
        count.onsuccess = () => { resolve(count.result); open.result.close(); };
      };
    })`);
    expect(keys).toBe(0);

    // The session ends (cookie gone): the welcome screen offers the passkey.
    await phone.context.clearCookies();
    await phone.goto('/');
    await phone.page.getByRole('heading', { name: 'Welcome to Tocsin' }).waitFor();
    await phone.page.getByRole('button', { name: 'Log in with a passkey' }).click();
    await phone.page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
    await phone.settings.open();
    await phone.page.getByText(`Nickname: ${me.handle}`).waitFor();

    // Lost phone: a recovery code on a new phone restores the account with a new device key.
    const replacement = await Phone.open(browser, world.url, 'replacement phone');
    await replacement.goto('/');
    await replacement.page.getByLabel('Your nickname').fill(me.handle);
    await replacement.page.getByLabel('Recovery code').fill(codes[3]?.toLowerCase() ?? '');
    await replacement.page.getByRole('button', { name: 'Use this recovery code' }).click();
    await replacement.page.getByRole('heading', { name: 'Alerts', exact: true }).waitFor();
    const recovered = await replacement.page.evaluate<{ handle: string }>(
      `fetch('/api/v1/me').then((r) => r.json())`,
    );
    expect(recovered.handle).toBe(me.handle);
    // Every other session and credential of the account ended.
    expect(await phone.page.evaluate<number>(`fetch('/api/v1/me').then((r) => r.status)`)).toBe(
      401,
    );
    expect(replacement.problems).toEqual([]);
    await replacement.close();
  });
});
