import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TEST_BROWSER } from './browser';
import { brokenTabLabels } from './layout';
import { Phone } from './phone';
import { approve, roleInvite, startWorld, type World } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'live member state in the browser'
  : 'live member state in the browser (skipped: TEST_BROWSER is not set)';

const NARROW = { width: 360, height: 780 };
/** The Tools menu's button and the responder screen's link in the other three languages. */
const RESPOND = {
  es: ['Herramientas', 'Responder'],
  so: ['Qalab', 'Jawaab'],
  hmn: ['Cuab yeej', 'Teb'],
} as const;

// Issue 20: role grants, approvals and suspension reach the open app at once (a `member.updated`
// stream message, ADR 0023); nothing here reloads the page until the language check.
suite(title, () => {
  let world: World;
  let browser: Browser;
  let phone: Phone;

  beforeAll(async () => {
    world = await startWorld();
    browser = await launchBrowser();
    phone = await Phone.open(browser, world.url, 'member phone');
    await phone.page.setViewportSize(NARROW);
  });
  afterAll(async () => {
    expect(phone?.problems).toEqual([]);
    await browser?.close();
    await world?.close();
  });

  it('shows an approval, a role taken and a role granted without a reload', async () => {
    // A responder's invite: the role is held, but on probation it is not used (no tab).
    await phone.join.joinWith(await roleInvite(world, 'responder'), 'Powderhorn Park');
    const { id } = await phone.me();
    const nav = phone.page.getByRole('navigation', { name: 'Main' });
    // The responder screen is behind the Tools menu, which only someone with a role has.
    const tools = nav.getByRole('button', { name: 'Tools' });
    await phone.page.getByTestId('connection-status').getByText('Live').waitFor();
    expect(await tools.count()).toBe(0);
    // Anything the page holds in memory would be gone after a reload.
    await phone.page.evaluate(`window.__sameDocument = true`);

    await approve(world, phone);
    await tools.waitFor();
    expect(await phone.tools()).toEqual(['Plates', 'Respond']);

    const roles = `/areas/${world.areas.powderhornId}/members/${id}/roles`;
    await world.admin.ok('PUT', roles, { roles: ['member'] });
    await tools.waitFor({ state: 'detached' });
    await nav.getByRole('link', { name: 'Plates', exact: true }).waitFor();

    await world.admin.ok('PUT', roles, { roles: ['member', 'responder'] });
    await tools.waitFor();
    expect(await phone.tools()).toEqual(['Plates', 'Respond']);
    expect(await phone.page.evaluate('window.__sameDocument === true')).toBe(true);
    await phone.expectAccessible('home after a live role grant (360 px)');
    await phone.screenshot('96-live-role-grant');
  });

  it('shows the granted screen in the Tools menu at 360 px in every language, five tabs unbroken', async () => {
    for (const [lang, [menu, label]] of Object.entries(RESPOND)) {
      await phone.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
      await phone.goto('/');
      // (The bar's own name is in the page's language too.)
      const nav = phone.page.locator('nav.bottom-nav');
      await nav.getByRole('button', { name: menu }).click();
      await nav.getByRole('link', { name: label, exact: true }).waitFor();
      expect(await nav.locator(':scope > a, :scope > button').count(), lang).toBe(5);
      expect(await brokenTabLabels(phone.page), lang).toEqual([]);
      await phone.expectAccessible(`home with the Tools menu open (${lang}, 360 px)`);
      await phone.page.keyboard.press('Escape');
      await nav.getByRole('link', { name: label, exact: true }).waitFor({ state: 'detached' });
    }
    await phone.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
  });

  it('leaves the app of a suspended member at once, without a reload', async () => {
    await phone.goto('/');
    await phone.page.getByTestId('connection-status').getByText('Live').waitFor();
    await phone.page.evaluate(`window.__sameDocument = true`);
    const { id } = await phone.me();
    await world.admin.ok('POST', `/members/${id}/suspend`, { reason: 'Test of a suspension' });
    // The server closes the member's sockets; the app cannot sign in again and says so.
    await phone.page.getByRole('heading', { name: 'Welcome to Tocsin' }).waitFor();
    expect(await phone.page.evaluate('window.__sameDocument === true')).toBe(true);
    await phone.expectAccessible('welcome after a suspension (360 px)');
  });
});
