import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './api-client';
import { launchBrowser, TEST_BROWSER } from './browser';
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
});
