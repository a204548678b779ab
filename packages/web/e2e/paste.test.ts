import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { approve } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'paste that understands (issue 20)'
  : 'paste that understands (skipped: TEST_BROWSER is not set)';

suite(title, () => {
  const stage = browserWorld();
  let ana: Phone;

  it('reads every field, the time and the place of an unlabeled Spanish message, and asks when the phone is far from it', async () => {
    // Ana is at Powderhorn (the default position); her cousin's message is about 38th & Chicago.
    ana = await stage.phone('ana');
    await ana.join.joinWith(await stage.world.sponsors[0].invite(), 'Powderhorn Park');
    await approve(stage.world, ana);
    await ana.report.open();
    await ana.report.waitForLocation();
    await ana.report.paste(
      'Migra en la 38 y Chicago hace 10 min, 5 agentes con chalecos, 2 camionetas negras placa MN-KVX-381',
    );
    await ana.page.getByText('The form was filled in. Check every field before sending.').waitFor();
    await ana.report.openDetails();
    expect(await ana.report.field('How many agents or vehicles?')).toBe('5 agentes');
    expect(await ana.report.field('Uniforms or markings')).toBe('chalecos');
    expect(await ana.report.field('Vehicles and equipment')).toBe('2 camionetas negras');
    expect(await ana.report.field('When?')).toBe('hace 10 min');
    expect(await ana.report.field('Licence plates')).toBe('MN KVX381');
    expect(await ana.report.field('Street, corner or landmark')).toBe('la 38 y Chicago');

    // More than 300 m apart: both on the map, and no place is chosen until she picks one.
    const choice = ana.page.getByTestId('place-choice');
    await choice.waitFor();
    expect(await choice.textContent()).toMatch(
      /The message names 38th St & Chicago Ave, \d+ m from where you are\. Which place is right\?/,
    );
    await choice
      .getByRole('region', { name: 'Map: the place in the message and your position' })
      .waitFor();
    expect(await ana.page.getByTestId('location-found').count()).toBe(0);
    await ana.expectAccessible('report: text and phone disagree');
    await ana.screenshot('paste-01-disagree');

    // She picks the message's place; she can switch back to where she is, and again.
    await choice.getByRole('button', { name: 'Place in the message' }).click();
    await ana.page.getByTestId('location-found').waitFor();
    expect(await ana.page.getByTestId('location-found').textContent()).toBe(
      'Place from the message: 38th St & Chicago Ave.',
    );
    await choice.getByRole('button', { name: 'Where I am' }).click();
    await expect
      .poll(() => ana.page.getByTestId('location-found').textContent())
      .toMatch(/^Location found/);
    await choice.getByRole('button', { name: 'Place in the message' }).click();
    expect(
      await choice
        .getByRole('button', { name: 'Place in the message' })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await ana.report.quick('Agents detaining someone');
    await ana.expectAccessible('report: place from the message');
    const sent = await ana.report.send();
    await expect.poll(() => ana.report.statusOf(sent)).toBe('sent');
  });

  it('uses the place in an English message at once when the phone is near it, and says so', async () => {
    await ana.goto('/report');
    await ana.page.getByRole('heading', { name: 'Report a sighting' }).waitFor();
    await ana.report.waitForLocation();
    // Ana's position (44.9475, -93.2555) is about 120 m from Lake St & Bloomington Ave.
    await ana.report.paste('3 vans 2 agents in vests at Lake and Bloomington 10 min ago');
    await expect
      .poll(() => ana.page.getByTestId('location-found').textContent())
      .toBe('Place from the message: E Lake St & Bloomington Ave.');
    await ana.report.openDetails();
    expect(await ana.report.field('How many agents or vehicles?')).toBe('2 agents');
    expect(await ana.report.field('Uniforms or markings')).toBe('vests');
    expect(await ana.report.field('Vehicles and equipment')).toBe('3 vans');
    expect(await ana.report.field('When?')).toBe('10 min ago');
    await ana.expectAccessible('report: place from the message, near');
  });

  it('selects the quick choice a Spanish message names, and none when the message says it is not so', async () => {
    const pressed = (label: string) =>
      ana.page.getByRole('button', { name: label, exact: true }).getAttribute('aria-pressed');
    await ana.goto('/report');
    await ana.page.getByRole('heading', { name: 'Report a sighting' }).waitFor();
    await ana.report.waitForLocation();
    await ana.report.paste('ya no hay retén en la Lake, todo tranquilo');
    await ana.page.getByText(/^The form was filled in|^Nothing could be read/).waitFor();
    for (const label of ['Agents detaining someone', 'Checkpoint', 'Agents knocking on doors']) {
      expect(await pressed(label)).toBe('false');
    }

    // A fresh form: what a first paste filled in stays (the member's words win over a paste).
    await ana.goto('/report');
    await ana.page.getByRole('heading', { name: 'Report a sighting' }).waitFor();
    await ana.report.waitForLocation();
    await ana.report.paste('están tokando puertas en la 35 y Cedar, 4 agentes con chalecos');
    await expect.poll(() => pressed('Agents knocking on doors')).toBe('true');
    expect(await pressed('Checkpoint')).toBe('false');
    expect(await ana.report.field('What is happening?')).toBe(
      'están tokando puertas en la 35 y Cedar, 4 agentes con chalecos',
    );
    await ana.expectAccessible('report: quick choice from a Spanish message');
    await ana.screenshot('paste-03-quick-choice');
    // About 1 km from Ana: she takes the message's place, and the report goes with the code.
    await ana.page
      .getByTestId('place-choice')
      .getByRole('button', { name: 'Place in the message' })
      .click();
    const sent = await ana.report.send();
    await expect.poll(() => ana.report.statusOf(sent)).toBe('sent');
    const stored = await stage.world.server.ctx.db
      .selectFrom('reports')
      .select('salute')
      .where('id', '=', sent)
      .executeTakeFirstOrThrow();
    expect(stored.salute).toMatchObject({ activityCode: 'doors' });
  });
});
