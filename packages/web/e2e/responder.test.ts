import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client';
import { launchBrowser, TEST_BROWSER } from './browser';
import { Phone } from './phone';
import { confirmedByAnother, POWDERHORN, startWorld, type World } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'responder mode in the browser'
  : 'responder mode in the browser (skipped: TEST_BROWSER is not set)';

suite(title, () => {
  let world: World;
  let browser: Browser;
  let responder: Phone;

  beforeAll(async () => {
    world = await startWorld();
    browser = await launchBrowser();
    responder = await Phone.open(browser, world.url, 'responder', { geolocation: POWDERHORN });
  });
  afterAll(async () => {
    expect(responder?.problems).toEqual([]);
    await browser?.close();
    await world?.close();
  });

  it('goes on shift, is offered a new incident, accepts, is on scene, verifies, clears', async () => {
    const code = await world.admin.invite({ areaId: world.areas.powderhornId, role: 'responder' });
    await responder.join.joinWith(code, 'Powderhorn Park');
    const me = await responder.page.evaluate<{ id: string }>(
      `fetch('/api/v1/me').then((r) => r.json())`,
    );
    await world.admin.ok('POST', `/members/${me.id}/approve`);
    await responder.goto('/');
    await responder.respond.open();
    expect(await responder.respond.shift()).toBe('You are off shift.');
    await responder.respond.goOnShift();
    await responder.expectAccessible('respond');

    // A neighbor reports nearby (from their own phone, through the API).
    const { client: neighbor } = await ApiClient.join(
      world.server.url,
      await world.sponsors[0].invite(),
    );
    const reported = await neighbor.ok<{ incident: { id: string } }>('POST', '/reports', {
      id: crypto.randomUUID(),
      salute: {
        activity: 'Agents at the bus stop',
        location: { lat: POWDERHORN.latitude, lng: POWDERHORN.longitude },
      },
    });

    await expect.poll(() => responder.respond.dispatchState()).toBe('offered');
    await responder.page.getByText('Agents at the bus stop').first().waitFor();
    await responder.screenshot('20-respond-offered');
    await responder.respond.answer('Accept: I am going');
    await expect.poll(() => responder.respond.dispatchState()).toBe('accepted');
    await responder.respond.answer('I am on the scene');
    await expect.poll(() => responder.respond.dispatchState()).toBe('on_scene');
    await responder.expectAccessible('respond (on scene)');
    await responder.screenshot('21-respond-on-scene');

    // On the scene, the responder may confirm what they see.
    await responder.respond.dispatch().getByRole('link', { name: 'See the incident' }).click();
    await responder.page.getByTestId('incident-state').waitFor();
    // A verifier confirmed first; the responder on the scene is the second, independent one.
    await confirmedByAnother(world, reported.incident.id);
    await responder.incident.act('Confirm: it is happening');
    await expect.poll(() => responder.incident.state()).toBe('CONFIRMED');
    const incident = await neighbor.ok<{ state: string }>(
      'GET',
      `/incidents/${reported.incident.id}`,
    );
    expect(incident.state).toBe('confirmed');

    await responder.respond.open();
    await responder.respond.answer('Clear: I am done');
    await expect.poll(() => responder.respond.dispatchState()).toBe('clear');
  });
});
