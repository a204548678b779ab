import { describe, expect, it } from 'vitest';
import { ApiClient } from './api-client';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import { OrganizerScreen } from './pages/organizer-screen';
import type { Phone } from './phone';
import { approvedMember, POWDERHORN, roleInvite } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'organizer pages in the browser'
  : 'organizer pages in the browser (skipped: TEST_BROWSER is not set)';

interface AreaMember {
  id: string;
  handle: string;
  status: string;
  roles: string[];
}

suite(title, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let organizer: Phone;
  let screen: OrganizerScreen;
  let newcomer: { id: string; handle: string };

  const powderhornMembers = () =>
    stage.world.admin.ok<AreaMember[]>('GET', `/areas/${stage.world.areas.powderhornId}/members`);

  it('shows the organizer entry only to an active organizer', async () => {
    organizer = await phone('organizer');
    screen = new OrganizerScreen(organizer);
    const code = await roleInvite(stage.world, 'organizer');
    await organizer.join.joinWith(code, 'Powderhorn Park');
    const nav = organizer.page.getByRole('navigation', { name: 'Main' });
    // On probation an organizer cannot act yet (the server refuses), so there is no entry.
    expect(await nav.getByRole('link', { name: 'Organize' }).count()).toBe(0);

    await stage.world.admin.ok('POST', `/members/${(await organizer.me()).id}/approve`);
    await organizer.goto('/');
    await nav.getByRole('button', { name: 'Tools' }).waitFor();
    expect(await organizer.tools()).toContain('Organize');
    await screen.open();
    expect(await screen.area()).toBe('Powderhorn Park');
  });

  it('makes an invite link, lists and withdraws invites', async () => {
    await screen.section('Invites');
    const withdrawn = await screen.createInvite('Member');
    await screen.withdrawFirstOpenInvite();
    const link = await screen.createInvite('Member');
    expect(link).toMatch(new RegExp(`^${stage.world.url}/join#[\\w-]{16,}$`));
    expect(link).not.toBe(withdrawn);
    expect(await screen.inviteStates()).toEqual(['Open', 'Withdrawn']);
    await organizer.expectAccessible('organize: invites');
    await organizer.screenshot('40-organize-invites');

    // Someone opens the link on their own phone and joins: they are on probation in Powderhorn.
    const joiner = await phone('newcomer');
    await joiner.join.joinWith(link.split('#')[1] ?? '', 'Powderhorn Park');
    newcomer = await joiner.me();
    expect(newcomer).toMatchObject({ status: 'probation' });
    // The withdrawn link lets nobody in.
    await expect(
      ApiClient.join(stage.world.server.url, withdrawn.split('#')[1] ?? ''),
    ).rejects.toThrow(/answered 403.*invite_invalid/);
    await joiner.close();

    await organizer.page.reload();
    await organizer.page.getByTestId('invites').locator('li[data-state="used"]').waitFor();
    expect(await screen.inviteStates()).toEqual(['Used', 'Withdrawn']);
  });

  it('approves the member waiting for approval; the server shows them active', async () => {
    await screen.section('Members');
    await screen.waiting(newcomer.handle).waitFor();
    await organizer.expectAccessible('organize: members waiting');
    await organizer.screenshot('41-organize-members');
    await screen.approve(newcomer.handle);
    await organizer.page.getByText('Nobody is waiting for approval.').waitFor();
    const member = (await powderhornMembers()).find((m) => m.id === newcomer.id);
    expect(member).toMatchObject({ status: 'active', roles: ['member'] });
    await screen.member(newcomer.handle).getByText('Active').waitFor();
  });

  it('changes roles, and suspends and reinstates with a confirm step', async () => {
    await screen.openRoles(newcomer.handle);
    await organizer.expectAccessible('organize: roles');
    await organizer.screenshot('42-organize-roles');
    // The organizer invited the newcomer: as their sponsor, they cannot ask for verifier.
    await screen.saveRolesRefused(newcomer.handle, ['Verifier', 'Responder']);
    await screen.member(newcomer.handle).getByText('you can neither ask for').waitFor();
    await screen.saveRoles(newcomer.handle, ['Responder']);
    const member = (await powderhornMembers()).find((m) => m.id === newcomer.id);
    expect(member?.roles).toEqual(['member', 'responder']);
    await screen.member(newcomer.handle).getByText('Responder').waitFor();

    await screen.suspend(newcomer.handle, 'Shared an invite link in a public group');
    expect((await powderhornMembers()).find((m) => m.id === newcomer.id)?.status).toBe('suspended');
    await screen.reinstate(newcomer.handle);
    expect((await powderhornMembers()).find((m) => m.id === newcomer.id)?.status).toBe('active');
  });

  it('countersigns a role the admin asked for a member the organizer did not invite', async () => {
    const { powderhornId } = stage.world.areas;
    const other = await approvedMember(stage.world, stage.world.sponsors[0]);
    const { id, handle } = await other.ok<{ id: string; handle: string }>('GET', '/me');
    const asked = await stage.world.admin.ok<{ roles: string[]; pending: unknown[] }>(
      'PUT',
      `/areas/${powderhornId}/members/${id}/roles`,
      { roles: ['member', 'verifier'] },
    );
    expect(asked).toMatchObject({ roles: ['member'], pending: [{ role: 'verifier' }] });

    await organizer.page.reload();
    await screen.section('Members');
    const pending = organizer.page.getByTestId('pending-grants');
    await pending.locator('strong', { hasText: `Verifier for ${handle}` }).waitFor();
    await organizer.expectAccessible('organize: roles waiting for a second person');
    await organizer.screenshot('42b-organize-pending-roles');
    await pending.getByRole('button', { name: `Countersign Verifier for ${handle}` }).click();
    await screen.done(`Countersigned: Verifier for ${handle}.`);
    await pending.getByText('No role is waiting.').waitFor();
    const member = (await powderhornMembers()).find((m) => m.id === id);
    expect(member?.roles).toEqual(['member', 'verifier']);
  });

  it('joins a working group, sees who is in it, adds a group', async () => {
    await screen.section('Working groups');
    await screen.group('Rapid response').waitFor();
    expect(await screen.groupCount('Mutual aid')).toBe('0 members');
    await screen.joinGroup('Mutual aid');
    expect(await screen.groupCount('Mutual aid')).toBe('1 member · you are in it');
    const organizerHandle = (await organizer.me()).handle;
    expect(await screen.groupMembers('Mutual aid')).toEqual([organizerHandle]);
    await screen.addGroup('Legal observers');
    await organizer.expectAccessible('organize: groups');
    await organizer.screenshot('43-organize-groups');

    const groups = await stage.world.admin.ok<{ id: string; name: string; memberCount: number }[]>(
      'GET',
      `/areas/${stage.world.areas.powderhornId}/groups`,
    );
    expect(groups.find((g) => g.name === 'Mutual aid')?.memberCount).toBe(1);
    expect(groups.map((g) => g.name)).toContain('Legal observers');
  });

  it("shows the area's statistics as a table", async () => {
    await stage.world.sponsors[0].ok('POST', '/reports', {
      id: crypto.randomUUID(),
      salute: {
        activity: 'Agents at the bus stop',
        location: { lat: POWDERHORN.latitude, lng: POWDERHORN.longitude },
      },
    });
    await screen.section('Statistics');
    const stats = await screen.stats();
    expect(stats).toMatchObject({
      Incidents: '1',
      'False alarms': '0%',
      'Median time to confirmation': 'No data yet',
    });
    await organizer.page.getByLabel('Period').selectOption({ label: 'Last 7 days' });
    await organizer.page.getByRole('heading', { name: 'Statistics for Powderhorn Park' }).waitFor();
    expect((await screen.stats()).Incidents).toBe('1');
    // The charts: drawn by uPlot (its own chunk), each with a table of the same numbers; one
    // incident today is "fewer than 5", never drawn or written as 1.
    const perDay = organizer.page.getByTestId('chart-per-day');
    await perDay.locator('canvas').first().waitFor();
    const table = await perDay.locator('table.visually-hidden').textContent();
    expect(table).toContain('Powderhorn Park');
    expect(table).toContain('fewer than 5');
    expect(
      await organizer.page
        .getByTestId('chart-false-alarms')
        .locator('table.visually-hidden td')
        .allTextContents(),
    ).toEqual(['fewer than 5', 'fewer than 5']);
    await organizer.expectAccessible('organize: statistics');
    await organizer.screenshot('44-organize-stats');
  });

  it('lays the member list out in rows on a laptop screen', async () => {
    await organizer.page.setViewportSize({ width: 1366, height: 900 });
    await screen.section('Members');
    await screen.member(newcomer.handle).waitFor();
    const row = await screen.member(newcomer.handle).boundingBox();
    const actions = await screen.member(newcomer.handle).locator('.actions').boundingBox();
    // The buttons sit beside the member, not under them.
    expect(actions && row && actions.y < row.y + row.height / 2).toBe(true);
    await organizer.expectAccessible('organize: members on a laptop');
    await organizer.screenshot('45-organize-members-laptop');
  });
});
