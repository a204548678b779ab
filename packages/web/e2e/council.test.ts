import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildMember } from '../../server/test/helpers/factories';
import { ApiClient } from './api-client';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { POWDERHORN } from './world';

// Issue 17 in the browser: two neighborhood committees and one workplace committee each appoint
// a delegate by a carried motion (seeded through the API: ten active members each, the default
// seat minimum); the council meets; Powderhorn's secretary records a `for` mandate on the
// council screen's agenda item in the browser, its delegate sees it on the council screen and
// votes yes on the meeting page, and the committee's report-back shows the vote. The council's
// chair requires ratification of the decision on the council screen, and a committee ratifies it.
// Both council screens fit 360 px and pass axe in en, es, so and hmn.

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'the citywide council in the browser'
  : 'the citywide council in the browser (skipped: TEST_BROWSER is not set)';
const NARROW = { width: 360, height: 780 };
const LANGUAGES = ['en', 'es', 'so', 'hmn'] as const;
const ITEM = 'Support the Lake Street rent strike';
/** features/session/member-marker.ts: where the app notes that this phone has signed in. */
const MEMBER_MARKER = 'tocsin.member';
const rid = () => crypto.randomUUID();

/** What sticks out sideways past the screen's width (nothing, on a screen that fits). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const wide = (e) => e.getBoundingClientRect().right > width + 0.5;
    return [...document.querySelectorAll('main *')]
      .filter((e) => wide(e) && ![...e.children].some(wide))
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40));
  })()`);
}

interface Committee {
  bodyId: string;
  chair: ApiClient;
  delegate: ApiClient & { id: string };
  members: ApiClient[];
  chairToken: string;
  delegateToken: string;
}

suite(title, { timeout: 150_000 }, () => {
  const stage = browserWorld({ rateLimitPerMinute: 100_000 });
  const { phone } = stage;
  const committees: Committee[] = [];
  let councilMeetingId = '';
  let councilBodyId = '';
  let secretary: Phone;
  let delegatePhone: Phone;
  let chairPhone: Phone;

  async function signedIn(name: string, token: string): Promise<Phone> {
    const p = await phone(name);
    await p.page.setViewportSize(NARROW);
    await p.context.addCookies([
      {
        name: '__Host-tocsin',
        value: token,
        url: stage.world.url.replace('http:', 'https:'),
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    await p.context.addInitScript({
      content: `localStorage.setItem('${MEMBER_MARKER}', 'signed_in');`,
    });
    return p;
  }

  /** Carries a motion in a committee through the API (remote meeting, all vote yes). */
  async function carry(c: Committee, text: string): Promise<string> {
    const { meeting } = await c.chair.ok<{ meeting: { id: string } }>(
      'POST',
      `/bodies/${c.bodyId}/meetings`,
      {
        requestId: rid(),
        title: text,
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        remote: true,
        agenda: [{ title: text }],
      },
    );
    await c.chair.ok('POST', `/meetings/${meeting.id}/open`, { requestId: rid() });
    const voters = [c.chair, c.delegate, ...c.members.slice(0, 3)];
    for (const v of voters) {
      await v.ok('POST', `/meetings/${meeting.id}/check-in`, { requestId: rid() });
    }
    const motion = await c.chair.ok<{ id: string }>('POST', `/meetings/${meeting.id}/motions`, {
      requestId: rid(),
      text,
    });
    await c.delegate.ok('POST', `/motions/${motion.id}/second`, { requestId: rid() });
    await c.chair.ok('POST', `/motions/${motion.id}/vote`, {
      requestId: rid(),
      method: 'open',
      majority: 'simple',
    });
    for (const v of voters) {
      await v.ok('POST', `/motions/${motion.id}/ballots`, { requestId: rid(), choice: 'yes' });
    }
    await c.chair.ok('POST', `/motions/${motion.id}/close-vote`, { requestId: rid() });
    await c.chair.ok('POST', `/meetings/${meeting.id}/close`, { requestId: rid() });
    return motion.id;
  }

  it('two neighborhood committees and a workplace committee each seat a delegate', async () => {
    const { world } = stage;
    const ctx = world.server.ctx;
    const areas = await world.admin.ok<{ id: string; slug: string; kind: string }[]>(
      'GET',
      '/areas',
    );
    const other = areas.find((a) => a.kind === 'neighborhood' && a.id !== world.areas.powderhornId);
    const shop = await world.admin.ok<{ id: string }>('POST', '/workplaces', {
      name: 'Midtown Laundry',
      parentId: world.areas.powderhornId,
      employer: 'Midtown Linen',
      sector: 'services',
      location: { lat: POWDERHORN.latitude, lng: POWDERHORN.longitude },
      headcount: { estimate: 40 },
    });
    for (const areaId of [world.areas.powderhornId, other!.id, shop.id]) {
      const chair = await buildMember(ctx, { roles: [{ areaId, role: 'organizer' }] });
      const delegate = await buildMember(ctx, { roles: [{ areaId, role: 'member' }] });
      const members = [];
      for (let i = 0; i < 8; i += 1) {
        members.push(await buildMember(ctx, { roles: [{ areaId, role: 'member' }] }));
      }
      const body = await ctx.db
        .selectFrom('bodies')
        .select('id')
        .where('area_id', '=', areaId)
        .executeTakeFirstOrThrow();
      const client = (token: string) => new ApiClient(world.server.url, token);
      committees.push({
        bodyId: body.id,
        chair: client(chair.token),
        delegate: Object.assign(client(delegate.token), { id: delegate.id }),
        members: members.map((m) => client(m.token)),
        chairToken: chair.token,
        delegateToken: delegate.token,
      });
    }
    for (const c of committees) {
      const motionId = await carry(c, 'Appoint our delegate to the council');
      await c.chair.ok('POST', `/bodies/${c.bodyId}/delegates`, {
        requestId: rid(),
        memberId: c.delegate.id,
        motionId,
        termMonths: 6,
      });
    }
    const council = await world.admin.ok<{
      bodyId: string;
      committees: { bodyId: string; delegates: { member: { id: string } }[] }[];
    }>('GET', '/council');
    councilBodyId = council.bodyId;
    for (const c of committees) {
      expect(
        council.committees.find((x) => x.bodyId === c.bodyId)?.delegates.map((d) => d.member.id),
      ).toEqual([c.delegate.id]);
    }
    // The council's chair is the workplace's delegate; it schedules the council's meeting.
    const [, , shopCommittee] = committees as [Committee, Committee, Committee];
    await world.admin.ok('PUT', `/bodies/${councilBodyId}/officers`, {
      requestId: rid(),
      chair: shopCommittee.delegate.id,
    });
    const { meeting } = await shopCommittee.delegate.ok<{ meeting: { id: string } }>(
      'POST',
      `/bodies/${councilBodyId}/meetings`,
      {
        requestId: rid(),
        title: 'Council, first session',
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        remote: true,
        agenda: [{ title: ITEM }, { title: 'Next steps' }],
      },
    );
    councilMeetingId = meeting.id;
  });

  it('a committee mandates `for` on the published agenda; its delegate sees it', async () => {
    const [powderhorn] = committees as [Committee];
    await carry(powderhorn, 'Our delegate votes for supporting the rent strike');
    // The delegate has the council screen open: the mandate arrives over the stream.
    delegatePhone = await signedIn('delegate', powderhorn.delegateToken);
    await delegatePhone.goto('/council');
    await delegatePhone.page.getByTestId('my-mandates').waitFor();
    expect(await delegatePhone.page.getByTestId('my-mandate').count()).toBe(0);
    await expect
      .poll(() => delegatePhone.page.getByTestId('connection-status').textContent())
      .toContain('Live');
    secretary = await signedIn('secretary', powderhorn.chairToken);
    await secretary.goto(`/bodies/${powderhorn.bodyId}/mandates`);
    const item = secretary.page.getByTestId('mandate-item').filter({ hasText: ITEM });
    await item.waitFor();
    await item.getByLabel('Mandate').selectOption('for');
    await item.getByLabel('Carried motion').selectOption({
      label: 'Our delegate votes for supporting the rent strike',
    });
    await item.getByLabel('Note (optional)').fill('Carried unanimously');
    await item.getByRole('button', { name: 'Save mandate' }).click();
    await item.getByTestId('mandate-position').filter({ hasText: 'For' }).waitFor();

    // No reload: the `mandate` stream message made the open screen read its mandates again.
    await delegatePhone.page
      .getByTestId('my-mandate')
      .filter({ hasText: `${ITEM}: For` })
      .waitFor();
    expect(await delegatePhone.page.getByTestId('council-delegate').count()).toBe(3);
    // Another committee's delegate does not see Powderhorn's mandate.
    const [, second] = committees as [Committee, Committee];
    const theirs = await second.delegate.ok<{ me: { mandates: unknown[] } }>('GET', '/council');
    expect(theirs.me.mandates).toEqual([]);
  });

  it('the council meets, the delegate votes, and the report-back shows the vote', async () => {
    const [powderhorn, second, shop] = committees as [Committee, Committee, Committee];
    const chair = shop.delegate;
    await chair.ok('POST', `/meetings/${councilMeetingId}/open`, { requestId: rid() });
    for (const c of committees) {
      await c.delegate.ok('POST', `/meetings/${councilMeetingId}/check-in`, { requestId: rid() });
    }
    const motion = await chair.ok<{ id: string }>('POST', `/meetings/${councilMeetingId}/motions`, {
      requestId: rid(),
      text: 'The council supports the Lake Street rent strike',
    });
    await second.delegate.ok('POST', `/motions/${motion.id}/second`, { requestId: rid() });
    await chair.ok('POST', `/motions/${motion.id}/vote`, {
      requestId: rid(),
      method: 'roll_call',
      majority: 'simple',
    });
    await delegatePhone.goto(`/meetings/${councilMeetingId}`);
    const main = delegatePhone.page.getByTestId('motion').filter({ hasText: 'rent strike' });
    await main.getByRole('button', { name: 'Yes' }).click();
    await main.getByTestId('my-vote').filter({ hasText: 'Your vote: Yes' }).waitFor();
    await second.delegate.ok('POST', `/motions/${motion.id}/ballots`, {
      requestId: rid(),
      choice: 'no',
    });
    await chair.ok('POST', `/motions/${motion.id}/ballots`, { requestId: rid(), choice: 'yes' });
    await chair.ok('POST', `/motions/${motion.id}/close-vote`, { requestId: rid() });
    await chair.ok('POST', `/meetings/${councilMeetingId}/close`, { requestId: rid() });

    await secretary.goto(`/bodies/${powderhorn.bodyId}/mandates`);
    const report = secretary.page.getByTestId('report-back');
    await report.getByTestId('report-vote').filter({ hasText: 'voted yes' }).waitFor();
    expect(await report.locator('.against-mandate').count()).toBe(0);
    await secretary.screenshot('council-report-back-360px');
  });

  it('a committee sends a motion to the council and ratifies a council decision in the browser', async () => {
    const [powderhorn, , shop] = committees as [Committee, Committee, Committee];
    const chair = shop.delegate;
    // The council's next session, and the carried decision put to the committees.
    await chair.ok('POST', `/bodies/${councilBodyId}/meetings`, {
      requestId: rid(),
      title: 'Council, second session',
      startsAt: new Date(Date.now() + 7_200_000).toISOString(),
      remote: true,
      agenda: [{ title: 'Reports' }],
    });
    // The chair requires ratification on the council screen (a majority: the share left empty).
    chairPhone = await signedIn('council chair', shop.delegateToken);
    await chairPhone.goto('/council');
    const decision = chairPhone.page
      .getByTestId('council-decision')
      .filter({ hasText: 'The council supports the Lake Street rent strike' });
    await decision.waitFor();
    expect(await overflow(chairPhone.page)).toEqual([]);
    await chairPhone.expectAccessible('/council (the chair, en)');
    // A delegate who does not chair the council gets no such form.
    await delegatePhone.goto('/council');
    await delegatePhone.page.getByTestId('ratifications').waitFor();
    expect(await delegatePhone.page.getByTestId('council-decisions').count()).toBe(0);
    await decision.getByRole('button', { name: 'Require ratification' }).click();
    await decision.waitFor({ state: 'detached' });
    await chairPhone.page
      .getByTestId('ratification')
      .filter({ hasText: 'rent strike' })
      .filter({ hasText: 'pending' })
      .waitFor();
    const asked = await chair.ok<{ ratifications: { text: string; needed: number }[] }>(
      'GET',
      '/council/ratifications',
    );
    expect(asked.ratifications.find((r) => r.text.includes('rent strike'))?.needed).toBe(2);
    await chairPhone.screenshot('council-require-ratification-360px');
    await carry(powderhorn, 'Ask the council to fund the tenant hotline');
    await carry(powderhorn, 'We ratify the council on the rent strike');

    await secretary.goto(`/bodies/${powderhorn.bodyId}/mandates`);
    const send = secretary.page.getByTestId('to-council');
    await send
      .getByLabel('Carried motion')
      .selectOption({ label: 'Ask the council to fund the tenant hotline' });
    await send.getByRole('button', { name: 'Send to the next council meeting' }).click();
    await send
      .getByRole('status')
      .filter({ hasText: 'On the council agenda: Ask the council to fund the tenant hotline' })
      .waitFor();

    const toRatify = secretary.page.getByTestId('ratify-item').filter({ hasText: 'rent strike' });
    await toRatify
      .getByLabel('Carried motion')
      .selectOption({ label: 'We ratify the council on the rent strike' });
    await toRatify.getByRole('button', { name: 'Ratify' }).click();
    await toRatify.waitFor({ state: 'detached' });

    const council = await chair.ok<{ nextMeeting: { agenda: { title: string }[] } | null }>(
      'GET',
      '/council',
    );
    expect(council.nextMeeting?.agenda.map((i) => i.title)).toContain(
      'Ask the council to fund the tenant hotline',
    );
    await delegatePhone.goto('/council');
    await delegatePhone.page
      .getByTestId('ratification')
      .filter({ hasText: 'Ratified: 1' })
      .waitFor();
  });

  it('the council screens fit 360 px and pass axe in en, es, so and hmn', async () => {
    const [powderhorn] = committees as [Committee];
    const screens: [Phone, string][] = [
      [delegatePhone, '/council'],
      [chairPhone, '/council'],
      [secretary, `/bodies/${powderhorn.bodyId}/mandates`],
    ];
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
  });
});
