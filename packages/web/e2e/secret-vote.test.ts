import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { joinApproved } from './world';

// Secret votes on motions (issue 16, ADR 0025): the chair opens a vote with method secret from
// the console; three members vote from their own phones through the token flow (a token with the
// session, the ballot after a random wait with no credentials); the projector counts the ballots
// in, then shows the result at close; each phone finds its receipt in the list.

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'a secret vote on a motion: chair, projector and three phones'
  : 'a secret vote on a motion (skipped: TEST_BROWSER is not set)';

const NARROW = { width: 360, height: 780 };
const LANGUAGES = ['en', 'es', 'so', 'hmn'] as const;
const MOTION = 'We strike on Monday if the landlord does not answer';

/** Calls the API from the page, with the session cookie of the member signed in on it. */
async function pageApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await page.evaluate<{ status: number; text: string }, [string, string, string]>(
    async ([m, p, b]) => {
      const response = await fetch(`/api/v1${p}`, {
        method: m,
        headers: b ? { 'content-type': 'application/json' } : {},
        body: b || null,
      });
      return { status: response.status, text: await response.text() };
    },
    [method, path, body === undefined ? '' : JSON.stringify(body)],
  );
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return (answer.text ? JSON.parse(answer.text) : null) as T;
}

const write = <T>(page: Page, method: string, path: string, body: object = {}) =>
  pageApi<T>(page, method, path, { requestId: crypto.randomUUID(), ...body });

suite(title, { timeout: 180_000 }, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let chair: Phone;
  let projector: Page;
  let meetingId = '';
  const members: Phone[] = [];
  const receipts: string[] = [];

  it('a meeting is open, three members checked in, a motion moved and seconded', async () => {
    chair = await phone('chair');
    await chair.page.setViewportSize({ width: 1366, height: 900 });
    await joinApproved(stage.world, chair, 'organizer');
    for (const name of ['dia', 'eli', 'fay']) {
      const p = await phone(name);
      await joinApproved(stage.world, p, 'member');
      members.push(p);
    }
    const me = await chair.me();
    const bodies = await pageApi<{ id: string; name: string }[]>(chair.page, 'GET', '/bodies');
    const bodyId = bodies.find((b) => b.name === 'Powderhorn Park')?.id ?? '';
    await write(chair.page, 'PUT', `/bodies/${bodyId}/officers`, { chair: me.id });
    const { meeting } = await write<{ meeting: { id: string } }>(
      chair.page,
      'POST',
      `/bodies/${bodyId}/meetings`,
      {
        title: 'Tenants assembly',
        startsAt: '2026-12-12T18:00:00Z',
        remote: true,
        quorum: { members: 3 },
        agenda: [],
      },
    );
    meetingId = meeting.id;
    await write(chair.page, 'POST', `/meetings/${meetingId}/open`);
    for (const p of members) await write(p.page, 'POST', `/meetings/${meetingId}/check-in`);
    const motion = await write<{ id: string }>(
      members[0]!.page,
      'POST',
      `/meetings/${meetingId}/motions`,
      { text: MOTION },
    );
    await write(members[1]!.page, 'POST', `/motions/${motion.id}/second`);
  });

  it('the chair opens a secret vote; three phones vote; the projector counts ballots, not choices', async () => {
    await chair.goto(`/meetings/${meetingId}/console`);
    const onConsole = chair.page.getByTestId('motion').filter({ hasText: MOTION });
    await onConsole.getByLabel('Method').selectOption('secret');
    await onConsole.getByRole('button', { name: 'Open the vote' }).click();
    projector = await chair.context.newPage();
    projector.on('pageerror', (error) => chair.problems.push(`projector: ${error.message}`));
    await projector.goto(`${chair.url}/meetings/${meetingId}/screen`);
    const onScreen = projector.getByTestId('motion').filter({ hasText: MOTION });
    await onScreen.getByTestId('motion-state').filter({ hasText: 'Vote open' }).waitFor();
    await onScreen.getByTestId('tally').filter({ hasText: '0 voted' }).waitFor();

    // Each phone taps its choice; the ballots leave after their own random waits, in parallel.
    const choices = ['Yes', 'Yes', 'No'] as const;
    for (const [i, p] of members.entries()) {
      await p.goto(`/meetings/${meetingId}`);
      const vote = p.page.getByTestId('motion').filter({ hasText: MOTION });
      await vote.getByTestId('secret-vote').waitFor();
      if (i === 0) {
        await p.page.setViewportSize(NARROW);
        expect(await seriousViolations(p.page)).toEqual([]);
      }
      await vote.getByRole('button', { name: choices[i] }).click();
    }
    // The box answered each with a receipt; no cookie or session went with the ballot.
    for (const p of members) {
      const mine = p.page.getByTestId('my-receipt');
      await mine.waitFor({ timeout: 60_000 });
      receipts.push((await mine.innerText()).trim());
    }
    expect(new Set(receipts).size).toBe(3);
    await onScreen.getByTestId('tally').filter({ hasText: '3 voted' }).waitFor();
    expect(await onScreen.getByTestId('tally').innerText()).not.toContain('Yes');
    await members[0]!.expectAccessible('meeting: secret ballot cast');
  });

  it('the chair closes it: the result on the projector, every receipt listed on the phones', async () => {
    const onConsole = chair.page.getByTestId('motion').filter({ hasText: MOTION });
    await onConsole.getByRole('button', { name: 'Close the vote' }).click();
    const onScreen = projector.getByTestId('motion').filter({ hasText: MOTION });
    await onScreen.getByTestId('motion-state').filter({ hasText: 'Carried' }).waitFor();
    expect(await onScreen.getByTestId('tally').innerText()).toContain('Yes 2 · No 1 · Abstain 0');
    expect(await seriousViolations(projector)).toEqual([]);

    const [dia] = members as [Phone];
    const list = dia.page.getByTestId('receipt-list');
    await list.waitFor();
    await expect.poll(() => list.locator('li').count()).toBe(3);
    const text = await list.innerText();
    for (const receipt of receipts) expect(text).toContain(receipt);
    await list.locator('.receipt-list__mine').filter({ hasText: receipts[0]! }).waitFor();
    for (const lang of LANGUAGES) {
      await dia.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
      await dia.goto(`/meetings/${meetingId}`);
      await dia.page.getByTestId('receipt-list').waitFor();
      expect(await dia.page.evaluate<string>('document.documentElement.lang')).toBe(lang);
      const wide = await dia.page.evaluate<boolean>(
        'document.documentElement.scrollWidth > document.documentElement.clientWidth',
      );
      expect(wide, `meeting (${lang}) overflows at 360 px`).toBe(false);
      await dia.expectAccessible(`meeting: receipts (${lang})`);
    }
    await dia.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
  });
});
