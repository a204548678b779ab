import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client';
import { launchBrowser, TEST_BROWSER } from './browser';
import { brokenTabLabels, overflow } from './layout';
import { Phone } from './phone';
import {
  approvedMember,
  confirmedByAnother,
  POWDERHORN,
  roleInvite,
  startWorld,
  type World,
} from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'dispatcher console in the browser'
  : 'dispatcher console in the browser (skipped: TEST_BROWSER is not set)';

/** Downtown, about 4 km north of Powderhorn Park. */
const DOWNTOWN = { lat: 44.9778, lng: -93.265 };

/** About 600 m south of POWDERHORN, still in Powderhorn Park: too far to merge by itself. */
const POWDERHORN_SOUTH = { lat: 44.9421, lng: -93.2555 };

suite(title, () => {
  let world: World;
  let browser: Browser;
  let laptop: Phone;

  beforeAll(async () => {
    world = await startWorld();
    browser = await launchBrowser();
    laptop = await Phone.open(browser, world.url, 'dispatcher laptop', { laptop: true });
  });
  afterAll(async () => {
    expect(laptop?.problems).toEqual([]);
    await browser?.close();
    await world?.close();
  });

  const report = async (sponsor: ApiClient, activity: string, at: { lat: number; lng: number }) => {
    const client = await approvedMember(world, sponsor);
    const answer = await client.ok<{ incident: { id: string } }>('POST', '/reports', {
      id: crypto.randomUUID(),
      salute: { activity, location: at },
    });
    return answer.incident.id;
  };

  const approvedResponder = async () => {
    const joined = await ApiClient.join(world.server.url, await roleInvite(world, 'responder'));
    await world.admin.ok('POST', `/members/${joined.id}/approve`);
    const me = await joined.client.ok<{ handle: string }>('GET', '/me');
    return { client: joined.client, id: joined.id, handle: me.handle };
  };

  it('shows the live queue of my areas; merges a duplicate, confirms, ends', async () => {
    const code = await roleInvite(world, 'dispatcher');
    await laptop.join.joinWith(code, 'Powderhorn Park');
    const me = await laptop.page.evaluate<{ id: string }>(
      `fetch('/api/v1/me').then((r) => r.json())`,
    );
    await world.admin.ok('POST', `/members/${me.id}/approve`);
    await laptop.goto('/dispatch');
    await laptop.page.getByRole('heading', { name: 'Dispatch console' }).waitFor();
    await laptop.page.getByText('No open incident in your areas.').waitFor();

    const north = await report(world.sponsors[0], 'Two agents at the corner store', {
      lat: POWDERHORN.latitude,
      lng: POWDERHORN.longitude,
    });
    const south = await report(world.sponsors[1], 'Agents questioning people', POWDERHORN_SOUTH);
    expect(north).not.toBe(south);
    const queue = laptop.page.getByTestId('queue').locator('li');
    await expect.poll(() => queue.count()).toBe(2);

    await laptop.page.locator(`[data-incident="${north}"] button`).click();
    const desk = laptop.page.getByTestId('desk');
    await desk.getByText('Two agents at the corner store').first().waitFor();
    await desk.getByText('Nobody has accepted yet.').waitFor();
    await laptop.expectAccessible('dispatch console');
    await laptop.screenshot('30-dispatch-console');

    await desk.getByLabel('Merge into').selectOption(south);
    await desk.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => queue.count()).toBe(1);

    await laptop.page.locator(`[data-incident="${south}"] button`).click();
    await desk.getByText('Agents questioning people').first().waitFor();
    // The dispatcher's confirmation alone does not confirm: it waits for a second verifier.
    await desk.getByRole('button', { name: 'Confirm: it is happening' }).click();
    await desk.getByRole('button', { name: 'Yes' }).click();
    await desk.getByText('Your confirmation is recorded.', { exact: false }).waitFor();
    expect(await desk.locator('h2 .badge').textContent()).not.toBe('CONFIRMED');
    await laptop.expectAccessible('dispatch console: one confirmation recorded');
    await confirmedByAnother(world, south);
    await expect.poll(() => desk.locator('h2 .badge').textContent()).toBe('CONFIRMED');
    await desk.getByRole('button', { name: 'All clear: it is over' }).click();
    await desk.getByRole('button', { name: 'Yes' }).click();
    await laptop.page.getByText('No open incident in your areas.').waitFor();

    const ended = await world.admin.ok<{ state: string }>('GET', `/incidents/${south}`);
    expect(ended.state).toBe('ended');
    const merged = await world.admin.ok<{ state: string; mergedInto: string }>(
      'GET',
      `/incidents/${north}`,
    );
    expect(merged).toMatchObject({ state: 'merged', mergedInto: south });
  });

  it('receives a new incident of a dispatcher area live and sends a responder by hand', async () => {
    // The dispatcher follows no area for alerts: the console still follows Powderhorn, where
    // they dispatch (ADR 0023).
    await laptop.page.evaluate(
      `fetch('/api/v1/me/alerts', { method: 'PUT', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ areaIds: [], places: [], radiusMeters: 300, minLevel: 'confirmed' }) })
        .then((r) => { if (!r.ok) throw new Error('alerts ' + r.status); })`,
    );
    // A responder of Powderhorn on shift across town: too far to be asked automatically.
    const responder = await approvedResponder();
    await responder.client.ok('PUT', '/me/shift', { onShift: true, location: DOWNTOWN });

    await laptop.goto('/dispatch');
    await laptop.page.getByText('No open incident in your areas.').waitFor();
    await laptop.page.getByTestId('connection-status').getByText('Live').waitFor();
    await laptop.page.evaluate(`window.__sameDocument = true`);
    const map = laptop.page.getByRole('region', {
      name: 'Map of open incidents (0) and responders on shift (1)',
    });
    await map.waitFor();

    const fresh = await report(world.sponsors[0], 'Unmarked van with agents', POWDERHORN_SOUTH);
    const queue = laptop.page.getByTestId('queue').locator('li');
    await laptop.page.locator(`[data-incident="${fresh}"]`).waitFor();
    expect(await queue.count()).toBe(1);
    await laptop.page
      .getByTestId('announce')
      .getByText('New incident: Unmarked van with agents')
      .waitFor();
    expect(await laptop.page.evaluate('window.__sameDocument === true')).toBe(true);

    // The keyboard: j selects, d goes to the responder choice.
    const desk = laptop.page.getByTestId('desk');
    await desk.getByText('Unmarked van with agents').first().waitFor();
    const panel = desk.getByTestId('responders');
    await panel.getByText('Nobody has been sent yet.').waitFor();
    await laptop.page.locator('body').press('d');
    const pick = panel.getByLabel('Responder on shift');
    expect(
      await laptop.page.evaluate<string | null>(
        `document.activeElement && document.activeElement.getAttribute('data-shortcut')`,
      ),
    ).toBe('dispatch');
    await pick.selectOption({ label: responder.handle });
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    await panel.getByText(`${responder.handle} · Asked to go`).waitFor();
    const offered = await world.server.ctx.db
      .selectFrom('dispatches')
      .select(['state', 'member_id'])
      .where('incident_id', '=', fresh)
      .execute();
    expect(offered).toEqual([{ state: 'offered', member_id: responder.id }]);
    await laptop.expectAccessible('dispatch console: a responder sent');
    await laptop.screenshot('31-dispatch-console-sent');

    await panel.getByRole('button', { name: `Stand down ${responder.handle}` }).click();
    await panel.getByText('Nobody has been sent yet.').waitFor();
    const stood = await world.server.ctx.db
      .selectFrom('dispatches')
      .select('state')
      .where('incident_id', '=', fresh)
      .executeTakeFirst();
    expect(stood?.state).toBe('stood_down');

    // Merge by selecting both: a second report elsewhere in the area, both ticked, m.
    const second = await report(world.sponsors[1], 'Agents at the bus stop', {
      lat: POWDERHORN.latitude,
      lng: POWDERHORN.longitude,
    });
    await laptop.page.locator(`[data-incident="${second}"]`).waitFor();
    await laptop.page.getByLabel('Select for merging: Unmarked van with agents').check();
    await laptop.page.getByLabel('Select for merging: Agents at the bus stop').check();
    await laptop.expectAccessible('dispatch console: two incidents selected');
    await laptop.page.locator('body').press('m');
    await expect.poll(() => queue.count()).toBe(1);
    const merged = await world.admin.ok<{ state: string; mergedInto: string }>(
      'GET',
      `/incidents/${second}`,
    );
    expect(merged).toMatchObject({ state: 'merged', mergedInto: fresh });
  });
  it('fits a phone at 360 px in Somali and Hmong: nothing runs off the side, no tab label breaks', async () => {
    await laptop.page.setViewportSize({ width: 360, height: 780 });
    for (const lang of ['so', 'hmn']) {
      await laptop.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
      await laptop.goto('/dispatch');
      await laptop.page.getByTestId('queue').locator('li').first().waitFor();
      await laptop.page.getByTestId('desk').waitFor();
      expect(await laptop.page.evaluate<string>('document.documentElement.lang')).toBe(lang);
      expect(await overflow(laptop.page), lang).toEqual([]);
      expect(await brokenTabLabels(laptop.page), lang).toEqual([]);
      await laptop.expectAccessible(`dispatch console at 360 px (${lang})`);
      await laptop.screenshot(`32-dispatch-console-360-${lang}`);
    }
    await laptop.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
  });
});
