import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { joinApproved, POWDERHORN } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'a strike pledge campaign in the browser'
  : 'a strike pledge campaign in the browser (skipped: TEST_BROWSER is not set)';

const NARROW = { width: 360, height: 780 };

/** The campaign page's heading ("Strike pledge campaigns") in the other three languages. */
const CAMPAIGNS = {
  es: 'Campañas de compromiso de huelga',
  so: 'Ololaha ballanqaadka shaqo-joojinta',
  hmn: 'Kev cog lus tsis ua hauj lwm (strike)',
};

suite(title, () => {
  // Five phones load pages from one address: more than the default per-minute budget.
  const stage = browserWorld({ rateLimitPerMinute: 100_000 });
  const { phone } = stage;
  const workers: Phone[] = [];
  let organizer: Phone;
  let workplaceId = '';
  let campaignId = '';

  it('three coworkers declare their workplace by its link and an organizer confirms them', async () => {
    const { world } = stage;
    organizer = await phone('organizer');
    await joinApproved(world, organizer, 'organizer');
    await organizer.page.setViewportSize(NARROW);
    const made = await world.admin.ok<{ id: string }>('POST', '/workplaces', {
      name: 'Lake Street Bakery',
      parentId: world.areas.powderhornId,
      employer: 'Lake Street Foods',
      sector: 'food',
      location: { lat: POWDERHORN.latitude, lng: POWDERHORN.longitude },
      headcount: { estimate: 12 },
      units: [{ kind: 'shift', name: 'Early', headcount: 6 }],
    });
    workplaceId = made.id;
    for (const name of ['worker-1', 'worker-2', 'worker-3']) {
      const w = await phone(name);
      await joinApproved(world, w, 'member');
      await w.page.setViewportSize(NARROW);
      await w.goto(`/workplaces/${workplaceId}/join`);
      await w.page.getByRole('button', { name: 'I work here' }).click();
      await w.page.getByText('Sent. An organizer will confirm it.').waitFor();
      workers.push(w);
    }
    await workers[0]!.expectAccessible('join a workplace');

    await organizer.goto(`/workplaces/${workplaceId}`);
    await organizer.page.getByRole('heading', { name: 'Lake Street Bakery' }).waitFor();
    await organizer.page.getByTestId('structure-chart').waitFor();
    for (let i = 0; i < 3; i += 1) {
      await organizer.page
        .getByTestId('pending-worker')
        .first()
        .getByRole('button', { name: 'Confirm' })
        .click();
      await expect.poll(() => organizer.page.getByTestId('pending-worker').count()).toBe(2 - i);
    }
    // Three confirmed: a count under 5 is never shown as a number.
    await expect
      .poll(() => organizer.page.getByTestId('structure-chart').textContent())
      .toContain('fewer than 5');
    await organizer.expectAccessible('workplace with structure chart');
    await organizer.screenshot('90-workplace-structure');
  });

  it('triggers at the third pledge; every pledger gets the notice; counts stay "fewer than 5"', async () => {
    const { world } = stage;
    const created = await world.admin.ok<{ id: string }>('POST', '/campaigns', {
      title: 'Bakery walkout',
      action: 'Walk out at 10:00 on the day the council sets',
      workplace: { count: 3 },
      city: { workplaces: 1 },
    });
    campaignId = created.id;
    for (const w of workers) await w.goto(`/campaigns/${campaignId}`);
    const [a, b, c] = workers as [Phone, Phone, Phone];
    await a.page.getByTestId('campaign-totals').waitFor();
    expect(await a.page.getByTestId('campaign-totals').textContent()).toContain('fewer than 5');
    expect(await a.page.getByTestId('campaign-workplace').textContent()).toContain('fewer than 5');
    await a.expectAccessible('campaign (open)');
    await a.screenshot('91-campaign-open');

    for (const w of [a, b]) {
      await w.page.getByRole('button', { name: 'Pledge', exact: true }).click();
      await w.page.getByText('You pledged. Only you can see this.').waitFor();
    }
    expect(await a.page.getByTestId('campaign-state').textContent()).toBe('Collecting pledges');
    await c.page.getByRole('button', { name: 'Pledge', exact: true }).click();
    // Every pledger: the two whose pages were open hear it on the stream, the third in its answer.
    for (const w of [a, b, c]) {
      await w.page
        .getByTestId('campaign-on')
        .getByText('Walk out at 10:00 on the day the council sets')
        .waitFor({ timeout: 15_000 });
    }
    await c.page.reload();
    await c.page.getByTestId('campaign-state').getByText('On').waitFor();
    expect(await c.page.getByTestId('campaign-workplace').textContent()).toContain('Triggered');
    expect(await c.page.getByTestId('campaign-workplace').textContent()).toContain('fewer than 5');
    await c.expectAccessible('campaign (on)');
    await c.screenshot('92-campaign-on');
  });

  it('shows the triggered workplace on the campaign map as a count, in every language', async () => {
    await organizer.goto(`/campaigns/${campaignId}`);
    const map = organizer.page.getByTestId('campaign-map');
    await map.waitFor();
    await map.getByText('Lake Street Bakery: fewer than 5').waitFor();
    await organizer.expectAccessible('campaign map');
    await organizer.screenshot('93-campaign-map');
    for (const [lang, heading] of Object.entries(CAMPAIGNS)) {
      await organizer.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
      await organizer.goto('/campaigns');
      await organizer.page.getByRole('heading', { name: heading }).waitFor();
      await organizer.expectAccessible(`campaigns (${lang})`);
    }
    await organizer.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
  });
});
