import { describe, expect, it } from 'vitest';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import { PlatesScreen } from './pages/plates-screen';
import type { Phone } from './phone';
import {
  apiVerifier as verifierOf,
  approvedMember,
  confirmedByAnother,
  joinApproved,
  POWDERHORN,
} from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'plate check in the browser'
  : 'plate check in the browser (skipped: TEST_BROWSER is not set)';

const NOT_LISTED_MEANING =
  'This does not tell you whether the vehicle is safe. Only plates seen at confirmed incidents ' +
  'and approved by two verifiers are on the list, so most vehicles are not.';

suite(title, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let verifier: Phone;
  let plates: PlatesScreen;
  let incidentId = '';

  const at = { lat: POWDERHORN.latitude, lng: POWDERHORN.longitude };

  /** A Powderhorn verifier, active, signed in through the API. */
  const apiVerifier = () => verifierOf(stage.world);

  /** Approvals count once a verifier has held the role 7 days: these two have held it for 14. */
  const seasonVerifiers = () =>
    stage.world.server.ctx.db
      .updateTable('area_roles')
      .set({ granted_at: new Date(Date.now() - 14 * 86_400_000) })
      .where('role', '=', 'verifier')
      .execute();

  it('a verifier approves a plate of a confirmed incident on the incident page', async () => {
    // A member reports a van with its plate; another plate is reported but never approved.
    const reporter = await approvedMember(stage.world, stage.world.sponsors[0]);
    const answer = await reporter.ok<{ incident: { id: string } }>('POST', '/reports', {
      id: crypto.randomUUID(),
      salute: { activity: 'Unmarked van, agents inside', location: at },
      plates: ['MN TOC 123'],
    });
    incidentId = answer.incident.id;
    const neighbor = await approvedMember(stage.world, stage.world.sponsors[0]);
    await neighbor.ok('POST', '/reports', {
      id: crypto.randomUUID(),
      salute: { activity: 'Same van, second look', location: at },
      plates: ['MN SEN 456'],
    });
    const first = await apiVerifier();
    await seasonVerifiers();
    await first.ok('POST', `/incidents/${incidentId}/verification`, { outcome: 'confirmed' });
    // A confirmation takes a second, independent verifier.
    await confirmedByAnother(stage.world, incidentId);
    expect(
      await first.ok('POST', `/plates/${encodeURIComponent('MN TOC 123')}/approvals`, {}),
    ).toEqual({ listed: false, approvals: 1 });

    verifier = await phone('verifier');
    plates = new PlatesScreen(verifier);
    await joinApproved(stage.world, verifier, 'verifier');
    await seasonVerifiers();

    await verifier.incident.open(incidentId);
    const card = verifier.page.getByTestId('plate-approvals');
    await card.getByRole('button', { name: 'Approve MN SEN456' }).waitFor();
    await card.getByRole('button', { name: 'Approve MN TOC123' }).click();
    await card.getByText('Approved. This plate is now on the list.').waitFor();
    await verifier.expectAccessible('incident: plate approvals');
    await verifier.screenshot('50-incident-plate-approval');
  });

  it('shows a listed plate with its four facts', async () => {
    await verifier.goto('/');
    await plates.open();
    await verifier.expectAccessible('plates: form');
    const text = await plates.check('mn toc-123');
    expect(await plates.listed()).toBe('true');
    expect(text).toContain('On the list');
    expect(text).toContain('MN TOC123 was seen at 1 confirmed incident.');
    expect(text).toMatch(/Last seen\s*\w{3} \d{1,2}, \d{4}/);
    expect(text).toMatch(/Where\s*Powderhorn Park/);
    await verifier.expectAccessible('plates: listed');
    await verifier.screenshot('51-plates-listed');
  });

  it('answers a reported-but-unlisted plate exactly like a plate never seen, neutrally', async () => {
    const reported = await plates.check('MN SEN 456');
    expect(await plates.listed()).toBe('false');
    const never = await plates.check('MN ZZZ 999');
    expect(await plates.listed()).toBe('false');
    expect(never).toBe(`Not on the list\nMN ZZZ999 is not on the list.\n${NOT_LISTED_MEANING}`);
    expect(reported.replace('MN SEN456', 'MN ZZZ999')).toBe(never);
    // No reassuring look either: not the warning card, and no "safe" or "all clear" badge.
    expect(await verifier.page.locator('.plate-answer.card--danger, .badge').count()).toBe(0);
    await verifier.expectAccessible('plates: not listed');
    await verifier.screenshot('52-plates-not-listed');

    const invalid = verifier.page.getByText('This does not look like a licence plate.', {
      exact: false,
    });
    await verifier.page.getByLabel('Licence plate').fill('!!');
    await verifier.page.getByRole('button', { name: 'Check', exact: true }).click();
    await invalid.waitFor();
  });

  it('shows the rate limit with the time to try again', async () => {
    // Use up the hour's lookups with this member's own session, then check in the form.
    const statuses = await verifier.page.evaluate<number[]>(`(async () => {
      const out = [];
      for (let i = 0; i < 40; i++) {
        const r = await fetch('/api/v1/plates/' + encodeURIComponent('MN RL ' + (1000 + i)));
        out.push(r.status);
        if (r.status === 429) break;
      }
      return out;
    })()`);
    expect(statuses.at(-1)).toBe(429);
    const text = await plates.check('MN ABC 777');
    expect(await plates.listed()).toBeNull();
    expect(text).toMatch(
      /You have checked many plates in the last hour\. You can check again in about \d+ minutes? \(\d{1,2}:\d{2}\s?[AP]M\)\./,
    );
    await verifier.expectAccessible('plates: rate limited');
    await verifier.screenshot('53-plates-rate-limited');
  });

  it('explains to a member on probation why there is no form', async () => {
    const newcomer = await phone('newcomer');
    const checker = new PlatesScreen(newcomer);
    await newcomer.join.joinWith(await stage.world.sponsors[1].invite(), 'Powderhorn Park');
    await checker.open();
    expect(await checker.formShown()).toBe(false);
    expect(await checker.closedText()).toContain(
      'Plate checks open once another member has vouched for you or an organizer has approved you.',
    );
    // The server refuses them too: the screen does not hide something they could do.
    const refused = await newcomer.page.evaluate<{ status: number; code: string }>(
      `fetch('/api/v1/plates/MN%20ABC%20123').then(async (r) => ({ status: r.status, code: (await r.json()).error.code }))`,
    );
    expect(refused).toEqual({ status: 403, code: 'probation' });
    const nav = newcomer.page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Organize' }).count()).toBe(0);
    await newcomer.expectAccessible('plates: probation');
    await newcomer.screenshot('54-plates-probation');
  });
});
