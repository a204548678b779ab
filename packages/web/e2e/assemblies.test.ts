import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client';
import { seriousViolations } from './axe';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { joinApproved, roleInvite } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'a mass meeting in the browser: chair, projector and phones'
  : 'a mass meeting in the browser (skipped: TEST_BROWSER is not set)';

const NARROW = { width: 360, height: 780 };
const LANGUAGES = ['en', 'es', 'so', 'hmn'] as const;
const MOTION = 'The committee asks the city to close the ICE office on Lake Street';
const AMENDED = 'The committee asks the city to close the ICE office on Lake Street by June';
const ACTION = 'Deliver the letter to the city council';
const GROUP_ACTION = 'Print two hundred copies of the letter';
const GROUP = 'Print shop crew';

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

/** What sticks out sideways past the screen's width (nothing, on a screen that fits). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const wide = (e) => e.getBoundingClientRect().right > width + 0.5;
    // The innermost: what is wide itself, not only because what holds it is.
    return [...document.querySelectorAll('main *')]
      .filter((e) => wide(e) && ![...e.children].some(wide))
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40));
  })()`);
}

/** Waits until `text` is in the element's text (the projector and phones follow the stream). */
async function shows(page: Page, testId: string, text: string | RegExp): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor();
}

// Four browsers and a projector on a shared machine: each step gets three minutes.
suite(title, { timeout: 180_000 }, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let chair: Phone;
  let projector: Page;
  let bodyId = '';
  let areaId = '';
  let meetingId = '';
  let code = '';
  const members: { phone: Phone; handle: string }[] = [];
  const apiMembers: ApiClient[] = [];

  it('an organizer appoints themselves chair; members join Powderhorn Park', async () => {
    chair = await phone('chair');
    await chair.page.setViewportSize({ width: 1366, height: 900 });
    await joinApproved(stage.world, chair, 'organizer');
    for (const name of ['ana', 'bea', 'cruz']) {
      const p = await phone(name);
      await joinApproved(stage.world, p, 'member');
      members.push({ phone: p, handle: (await p.me()).handle });
    }
    for (let i = 0; i < 2; i += 1) {
      const joined = await ApiClient.join(
        stage.world.server.url,
        await roleInvite(stage.world, 'member'),
      );
      await stage.world.admin.ok('POST', `/members/${joined.id}/approve`);
      apiMembers.push(joined.client);
    }
    // The organizer names the officers on the meetings page, from the roll.
    await chair.goto('/meetings');
    const body = chair.page.getByTestId('body').filter({ hasText: 'Powderhorn Park' });
    await body.getByText('Chair and secretary').click();
    const me = await chair.me();
    await body.getByLabel('Chair', { exact: true }).selectOption({ label: me.handle });
    await body.getByLabel('Secretary', { exact: true }).selectOption({ label: me.handle });
    await body.getByRole('button', { name: 'Save the officers' }).click();
    await body.getByRole('status').filter({ hasText: 'Officers saved.' }).waitFor();
    await shows(chair.page, 'officers', `Chair: ${me.handle} · Secretary: ${me.handle}`);
    await chair.expectAccessible('meetings: officers');
    const bodies = await pageApi<{ id: string; name: string; roles: string[] }[]>(
      chair.page,
      'GET',
      '/bodies',
    );
    const mine = bodies.find((b) => b.name === 'Powderhorn Park');
    expect(mine?.roles).toEqual(['member', 'chair', 'secretary']);
    bodyId = mine?.id ?? '';
    areaId = (mine as { areaId?: string } | undefined)?.areaId ?? '';
  });

  it('the chair schedules a meeting with three agenda items and a quorum of four', async () => {
    const body = chair.page.getByTestId('body').filter({ hasText: 'Powderhorn Park' });
    await body.getByText('Schedule a meeting').click();
    await body.getByLabel('Title').fill('Powderhorn assembly');
    await body.getByLabel('Starts at').fill('2026-12-10T18:30');
    await body.getByLabel('Place (optional)').fill('Church hall');
    await body.getByLabel('Quorum (members present)').fill('4');
    await body
      .getByLabel('Agenda: one item per line')
      .fill('Welcome | 5\nThe ICE office on Lake Street | 30\nNext steps');
    await body.getByRole('button', { name: 'Schedule' }).click();
    await body.getByRole('status').filter({ hasText: 'Meeting scheduled.' }).waitFor();
    await chair.expectAccessible('meetings: scheduled');
    await chair.screenshot('80-meetings-schedule');
    await body.getByRole('link', { name: 'Powderhorn assembly' }).click();
    await chair.page.getByRole('heading', { name: 'Powderhorn assembly', level: 1 }).waitFor();
    meetingId = new URL(chair.page.url()).pathname.split('/')[2] ?? '';
    expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await chair.page.getByTestId('agenda').locator('li').count()).toBe(3);
  });

  it('the chair opens it from the console; the projector shows the check-in code and QR', async () => {
    await chair.page.getByRole('link', { name: "Chair's console" }).click();
    await chair.page.getByRole('button', { name: 'Open the meeting' }).click();
    await chair.page.getByTestId('check-in-code').waitFor();
    code = /(\d{6})/.exec(await chair.page.getByTestId('check-in-code').innerText())?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await chair.expectAccessible('console: open');
    await chair.screenshot('81-console-open');

    projector = await chair.context.newPage();
    projector.on('pageerror', (error) => chair.problems.push(`projector: ${error.message}`));
    await projector.goto(`${chair.url}/meetings/${meetingId}/screen`);
    await shows(projector, 'screen-code', code);
    await projector
      .getByRole('img', { name: 'QR code to check in to Powderhorn assembly' })
      .waitFor();
    await shows(projector, 'screen-item', 'Welcome');
    await shows(projector, 'screen-attendance', 'Present: 0 of');
    expect(await seriousViolations(projector)).toEqual([]);
  });

  it('five members check in; the projector counts them and shows the quorum met', async () => {
    // The meeting rides on the app's one stream: a page load opens one socket, not two.
    const sockets: string[] = [];
    members[0]!.phone.page.on('websocket', (ws) => sockets.push(ws.url()));
    for (const { phone: p } of members) {
      await p.goto(`/meetings/${meetingId}?code=${code}`);
      await p.page.getByRole('heading', { name: 'Check in' }).waitFor();
      expect(await p.page.getByLabel('The six digits on the screen').inputValue()).toBe(code);
      await p.page.getByRole('button', { name: 'Check in' }).click();
      await p.page.getByTestId('checked-in').waitFor();
    }
    await shows(projector, 'screen-attendance', /Present: 3 of \d+ · Not quorate/);
    for (const api of apiMembers) {
      await api.ok('POST', `/meetings/${meetingId}/check-in`, {
        requestId: crypto.randomUUID(),
        code,
      });
    }
    await shows(projector, 'screen-attendance', /Present: 5 of \d+ · Quorate/);
    await shows(members[0]!.phone.page, 'attendance', /Present: 5 of \d+ · Quorate/);
    expect(sockets.filter((url) => url.endsWith('/api/v1/stream'))).toHaveLength(1);
    await members[0]!.phone.expectAccessible('meeting: checked in');
    await members[0]!.phone.screenshot('82-meeting-checked-in');
    await chair.page.getByText('Present', { exact: true }).click();
    const present = chair.page.locator('.attendees li');
    await expect.poll(() => present.count()).toBe(5);
  });

  it('three ask to speak and the queue follows the progressive stack', async () => {
    const [ana, bea, cruz] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    await chair.page.getByRole('button', { name: 'Next agenda item' }).click();
    await shows(projector, 'screen-item', 'The ICE office on Lake Street');

    // Ana speaks first, then asks again: she has spoken, so those who have not go before her.
    await ana.phone.page.getByRole('button', { name: 'Ask to speak' }).click();
    await shows(ana.phone.page, 'my-place', 'Your place in the queue: 1');
    await chair.page.getByRole('button', { name: 'Next speaker' }).click();
    await shows(projector, 'current-speaker', ana.handle);
    await projector.getByTestId('speaker-timer').waitFor();
    await shows(ana.phone.page, 'my-place', 'You have the floor.');

    await ana.phone.page.getByRole('button', { name: 'Ask to speak' }).click();
    await shows(ana.phone.page, 'my-place', 'Your place in the queue: 1');
    await bea.phone.page.getByRole('button', { name: 'Ask to speak' }).click();
    await shows(projector, 'queue', bea.handle);
    await cruz.phone.page.getByLabel('What kind of request').selectOption('point_of_order');
    await cruz.phone.page.getByRole('button', { name: 'Ask to speak' }).click();
    await shows(projector, 'queue', cruz.handle);
    const order = () => projector.getByTestId('queue').locator('.queue__name').allInnerTexts();
    await expect.poll(order).toEqual([cruz.handle, bea.handle, ana.handle]);
    await shows(ana.phone.page, 'my-place', 'Your place in the queue: 3');
    await shows(cruz.phone.page, 'my-place', 'Your place in the queue: 1');
    await ana.phone.expectAccessible('meeting: in the queue');
    await ana.phone.screenshot('83-meeting-queue');

    // The chair calls the next speaker with the keyboard: the point of order.
    await chair.page.locator('body').press('n');
    await shows(projector, 'current-speaker', cruz.handle);
    await expect.poll(order).toEqual([bea.handle, ana.handle]);
    await chair.expectAccessible('console: speakers');
    await chair.screenshot('84-console-speakers');
  });

  it('a motion is moved, seconded and amended, and the amendment carries', async () => {
    const [ana, bea, cruz] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    await bea.phone.page.getByLabel('Text of the motion').fill(MOTION);
    await bea.phone.page.getByRole('button', { name: 'Move', exact: true }).click();
    await shows(projector, 'motion', MOTION);
    const onCruz = cruz.phone.page.getByTestId('motion').filter({ hasText: MOTION });
    await onCruz.getByRole('button', { name: 'Second' }).click();
    await shows(projector, 'motion-state', 'Seconded');

    const onAna = ana.phone.page.getByTestId('motion').filter({ hasText: MOTION });
    await onAna.getByRole('button', { name: 'Amend' }).click();
    await onAna.getByLabel('Amended text').fill(AMENDED);
    await onAna.getByRole('button', { name: 'Move the amendment' }).click();
    const amendment = projector.getByTestId('motion').filter({ hasText: 'Amendment to:' });
    await amendment.locator('ins', { hasText: 'by June' }).waitFor();
    await ana.phone.expectAccessible('meeting: amendment moved');
    const amendOnBea = bea.phone.page.getByTestId('motion').filter({ hasText: 'Amendment to:' });
    await amendOnBea.getByRole('button', { name: 'Second' }).click();
    await amendment.getByTestId('motion-state').filter({ hasText: 'Seconded' }).waitFor();

    const onConsole = chair.page.getByTestId('motion').filter({ hasText: 'Amendment to:' });
    await onConsole.getByRole('button', { name: 'Open the vote' }).click();
    await amendment.getByTestId('motion-state').filter({ hasText: 'Vote open' }).waitFor();
    for (const m of members) {
      const motion = m.phone.page.getByTestId('motion').filter({ hasText: 'Amendment to:' });
      await motion.getByRole('button', { name: 'Yes' }).click();
      await motion.getByTestId('my-vote').filter({ hasText: 'Your vote: Yes' }).waitFor();
    }
    const amendmentId = (
      await pageApi<{ motions: { id: string; amends: string | null }[] }>(
        chair.page,
        'GET',
        `/meetings/${meetingId}`,
      )
    ).motions.find((m) => m.amends)?.id;
    for (const api of apiMembers) {
      await api.ok('POST', `/motions/${amendmentId}/ballots`, {
        requestId: crypto.randomUUID(),
        choice: 'yes',
      });
    }
    await amendment.getByTestId('tally').filter({ hasText: '5 voted' }).waitFor();
    await chair.page.locator('body').press('v');
    await amendment.getByTestId('motion-state').filter({ hasText: 'Carried' }).waitFor();
    // The motion now reads as amended, everywhere.
    await projector
      .getByTestId('motion')
      .filter({ hasNotText: 'Amendment to:' })
      .filter({ hasText: AMENDED })
      .waitFor();
  });

  it('the vote on the amended motion ends 3–1–1 and carries, live on the projector', async () => {
    const [ana, bea, cruz] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    const main = (page: Page) =>
      page
        .getByTestId('motion')
        .filter({ hasNotText: 'Amendment to:' })
        .filter({ hasText: AMENDED });
    await main(chair.page).getByLabel('Majority').selectOption('simple');
    await main(chair.page).getByRole('button', { name: 'Open the vote' }).click();
    await main(projector).getByTestId('motion-state').filter({ hasText: 'Vote open' }).waitFor();
    const vote = async (p: Phone, choice: 'Yes' | 'No' | 'Abstain') => {
      await main(p.page).getByRole('button', { name: choice }).click();
      await main(p.page)
        .getByTestId('my-vote')
        .filter({ hasText: `Your vote: ${choice}` })
        .waitFor();
    };
    // Cruz changes his mind: a second ballot replaces the first.
    await vote(cruz.phone, 'Yes');
    await vote(cruz.phone, 'No');
    await vote(ana.phone, 'Yes');
    await vote(bea.phone, 'Yes');
    const motionId = (
      await pageApi<{ motions: { id: string; amends: string | null; state: string }[] }>(
        chair.page,
        'GET',
        `/meetings/${meetingId}`,
      )
    ).motions.find((m) => !m.amends && m.state === 'voting')?.id;
    await apiMembers[0]!.ok('POST', `/motions/${motionId}/ballots`, {
      requestId: crypto.randomUUID(),
      choice: 'abstain',
    });
    await apiMembers[1]!.ok('POST', `/motions/${motionId}/ballots`, {
      requestId: crypto.randomUUID(),
      choice: 'yes',
    });
    await main(projector).getByTestId('tally').filter({ hasText: '5 voted' }).waitFor();
    await ana.phone.expectAccessible('meeting: voting');
    await ana.phone.screenshot('85-meeting-vote');
    await chair.page.setViewportSize({ width: 1366, height: 900 });
    await main(chair.page).getByRole('button', { name: 'Close the vote' }).click();
    await main(projector).getByTestId('motion-state').filter({ hasText: 'Carried' }).waitFor();
    expect(await main(projector).getByTestId('tally').innerText()).toContain(
      'Yes 3 · No 1 · Abstain 1',
    );
    await projector.screenshot({ path: 'test-results/screenshots/86-projector-result.png' });
    await main(ana.phone.page).getByTestId('motion-state').filter({ hasText: 'Carried' }).waitFor();
  });

  it('the decision is in the register, with an action item; the meeting closes', async () => {
    await chair.goto(`/bodies/${bodyId}/decisions`);
    const decision = chair.page.getByTestId('decision').filter({ hasText: AMENDED });
    await decision.waitFor();
    await decision.getByLabel('What is to be done').fill(ACTION);
    await decision.getByLabel('Due date (optional)').fill('2026-12-20');
    await decision.getByLabel('Who does it (optional)').selectOption({ label: members[1]!.handle });
    await decision.getByRole('button', { name: 'Add', exact: true }).click();
    await decision
      .getByTestId('action-item')
      .filter({ hasText: ACTION })
      .filter({ hasText: `Owner: ${members[1]!.handle}` })
      .waitFor();
    // The owner picker offers the area's working groups too, not only the roll by name.
    await pageApi(chair.page, 'POST', `/areas/${areaId}/groups`, { name: GROUP });
    await chair.page.reload();
    await decision.waitFor();
    await decision.getByLabel('What is to be done').fill(GROUP_ACTION);
    const owners = decision.getByLabel('Who does it (optional)');
    const groups = owners.locator('optgroup[label="Working groups"] option');
    expect(await groups.allInnerTexts()).toContain(GROUP);
    await owners.selectOption({ label: GROUP });
    await decision.getByRole('button', { name: 'Add', exact: true }).click();
    await decision
      .getByTestId('action-item')
      .filter({ hasText: GROUP_ACTION })
      .filter({ hasText: `Owner: ${GROUP}` })
      .waitFor();
    await chair.expectAccessible('decisions: action item');
    await chair.screenshot('87-decisions');
    // Search finds it, and only it.
    await chair.page.getByLabel('Search decisions').first().fill('Lake Street');
    await chair.page.getByRole('button', { name: 'Search decisions' }).click();
    await decision.waitFor();

    await chair.goto(`/meetings/${meetingId}/console`);
    await chair.page.getByRole('button', { name: 'Close the meeting' }).click();
    await chair.page.getByRole('button', { name: 'Close the meeting' }).last().click();
    await chair.page.locator('.meeting-state--closed').waitFor();
    await projector.locator('.projector__check-in').waitFor({ state: 'detached' });
  });

  it('the minutes hold the attendance, the amendment, the result and the action item', async () => {
    const [ana] = members as [(typeof members)[0]];
    // The secretary adds a line to the generated minutes of the closed meeting.
    await chair.goto(`/meetings/${meetingId}/minutes`);
    await chair.page.getByText('Edit the minutes').click();
    const field = chair.page.getByLabel('Minutes (Markdown)');
    await field.fill(`${await field.inputValue()}\nThanks to the church for the hall.\n`);
    await chair.page.getByRole('button', { name: 'Save the minutes' }).click();
    await chair.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    await ana.phone.goto(`/meetings/${meetingId}/minutes`);
    const minutes = ana.phone.page.getByTestId('minutes');
    await minutes.waitFor();
    const text = await minutes.innerText();
    expect(text).toMatch(/Attendance: 5 of \d+ on the roll/);
    expect(text).toContain('Amendment 1.1');
    expect(text).toContain('by June');
    expect(text).toMatch(/3 yes, 1 no, 1 abstain/);
    expect(text).toContain(`${ACTION} — ${members[1]!.handle}, due 2026-12-20`);
    expect(text).toContain(`${GROUP_ACTION} — ${GROUP}`);
    expect(text).toContain('Thanks to the church for the hall.');
    await ana.phone.expectAccessible('minutes');
    await ana.phone.screenshot('88-minutes');
    // A member who is not an officer cannot edit them.
    expect(await ana.phone.page.getByText('Edit the minutes').count()).toBe(0);

    const decisions = await ana.phone.page.evaluate<unknown[]>(
      `fetch('/api/v1/bodies/${bodyId}/decisions').then((r) => r.json())`,
    );
    expect(decisions).toHaveLength(1);
  });

  it('every meeting screen fits 360 px and passes axe in en, es, so and hmn', async () => {
    const [ana] = members as [(typeof members)[0]];
    const screens: [Phone, string][] = [
      [ana.phone, '/meetings'],
      [ana.phone, `/meetings/${meetingId}`],
      [ana.phone, `/meetings/${meetingId}/minutes`],
      [ana.phone, `/bodies/${bodyId}/decisions`],
      [chair, `/meetings/${meetingId}/console`],
      [chair, `/meetings/${meetingId}/screen`],
    ];
    await ana.phone.page.setViewportSize(NARROW);
    await chair.page.setViewportSize(NARROW);
    for (const lang of LANGUAGES) {
      for (const [p, path] of screens) {
        await p.page.evaluate(`localStorage.setItem('tocsin.lang', '${lang}')`);
        await p.goto(path);
        await p.page.locator('h1').first().waitFor();
        await p.page.locator('.loading').waitFor({ state: 'detached' });
        expect(await p.page.evaluate<string>('document.documentElement.lang')).toBe(lang);
        expect(await overflow(p.page), `${path} (${lang}) overflows`).toEqual([]);
        await p.expectAccessible(`${path} (${lang})`);
      }
    }
    for (const p of [ana.phone, chair]) {
      await p.page.evaluate(`localStorage.setItem('tocsin.lang', 'en')`);
    }
    // Six screens in four languages, each through axe: longer than one step of the meeting.
  }, 400_000);
});
