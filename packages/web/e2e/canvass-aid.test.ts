import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runOrganizingSweep } from '../../server/src/organizing';
import type { Clock } from '../../server/src/platform/clock';
import type { ApiClient } from './api-client';
import { TEST_BROWSER } from './browser';
import { browserWorld } from './browser-world';
import type { Phone } from './phone';
import { approve, approvedMember } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'canvassing and mutual aid in the browser'
  : 'canvassing and mutual aid in the browser (skipped: TEST_BROWSER is not set)';

const NARROW = { width: 360, height: 780 };
const DAY = 86_400_000;

// Issue 19, "Done means": a canvasser records 12 doors offline, reconnects, and the coverage map
// shows them; wants_to_join gives a QR invite a second browser joins with; a mutual-aid request
// is taken and matched, the two exchange a message, the board never showed the requester, and
// after closing + 7 days (the server's clock moved) the thread is gone. Then every table is read:
// no resident's address and no requester identity is left.
suite(title, () => {
  const stage = browserWorld();
  const { phone } = stage;
  let alice: Phone; // the canvasser, later the volunteer
  let bob: ApiClient; // alice's canvassing partner
  let carol: ApiClient; // asks for aid
  let carolId = '';
  let carolHandle = '';
  let turfId = '';
  let matchId = '';

  const inPage = <T>(p: Phone, method: string, path: string) =>
    p.page.evaluate<T, { method: string; path: string }>(
      async ({ method, path }) => {
        const r = await fetch(`/api/v1${path}`, { method, credentials: 'same-origin' });
        return (await r.json()) as T;
      },
      { method, path },
    );

  async function canvassingGroup(): Promise<string> {
    const groups = await stage.world.admin.ok<{ id: string; slug: string }[]>(
      'GET',
      `/areas/${stage.world.areas.powderhornId}/groups`,
    );
    return groups.find((g) => g.slug === 'canvassing')!.id;
  }

  it('the group assigns a turf of Powderhorn Park to a pair', async () => {
    const { world } = stage;
    alice = await phone('alice');
    await alice.page.setViewportSize(NARROW);
    await alice.join.joinWith(await world.sponsors[0].invite(), 'Powderhorn Park');
    await approve(world, alice);
    bob = await approvedMember(world, world.sponsors[1]);
    const bobId = (await bob.ok<{ id: string }>('GET', '/me')).id;
    await bob.ok('POST', `/areas/${world.areas.powderhornId}/join`);
    const group = await canvassingGroup();
    await inPage(alice, 'POST', `/areas/${world.areas.powderhornId}/join`);
    await inPage(alice, 'POST', `/groups/${group}/join`);
    await bob.ok('POST', `/groups/${group}/join`);
    const aliceId = (await alice.me()).id;
    const turf = await world.admin.ok<{ id: string; cellCount: number }>('POST', '/turfs', {
      name: 'Powderhorn walk',
      areaId: world.areas.powderhornId,
      assignees: [aliceId, bobId],
      date: new Date().toISOString().slice(0, 10),
    });
    expect(turf.cellCount).toBeGreaterThan(10);
    turfId = turf.id;
  });

  it('a canvasser draws a turf on the map, block by block, at 360 px', async () => {
    await alice.goto('/canvass');
    const form = alice.page.locator('section', {
      has: alice.page.getByRole('heading', { name: 'New turf' }),
    });
    await form.getByLabel('Name of the turf').fill('Lake Street blocks');
    await form.getByRole('radio', { name: 'Blocks I choose on the map' }).check();
    const map = form.getByRole('region', { name: /tap a block to add it/ });
    await map.waitFor();
    // The area's outline is drawn and the map has fitted it before the first tap.
    await map.locator('.leaflet-overlay-pane path').first().waitFor({ state: 'attached' });
    const box = (await map.boundingBox())!;
    const at = (dx: number, dy: number) =>
      alice.page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
    await at(0, 0);
    await at(70, 0);
    await at(0, 60);
    const picked = form.getByTestId('turf-picked');
    await expect.poll(() => picked.textContent()).toBe('3 blocks chosen');
    // A second tap on a chosen block takes it out; a third puts it back.
    await at(70, 0);
    await expect.poll(() => picked.textContent()).toBe('2 blocks chosen');
    await at(70, 0);
    await expect.poll(() => picked.textContent()).toBe('3 blocks chosen');
    for (const box of await form
      .getByRole('group', { name: /The pair/ })
      .getByRole('checkbox')
      .all())
      await box.check();
    await alice.expectAccessible('drawing a turf');
    await form.getByRole('button', { name: 'Assign the turf' }).click();
    await form.getByRole('status').filter({ hasText: 'Turf assigned.' }).waitFor();
    await expect.poll(() => alice.page.getByText('Lake Street blocks').count()).toBeGreaterThan(0);
    const turfs = await inPage<{ name: string; cellCount: number }[]>(
      alice,
      'GET',
      `/turfs?areaId=${stage.world.areas.powderhornId}`,
    );
    expect(turfs.find((t) => t.name === 'Lake Street blocks')?.cellCount).toBe(3);
  });

  it('records 12 doors offline, sends them on reconnecting, and the map shows them', async () => {
    await alice.goto(`/canvass/turfs/${turfId}`);
    await alice.page.getByRole('heading', { name: 'Powderhorn walk' }).waitFor();
    await alice.expectAccessible('turf');
    await alice.context.setOffline(true);
    const blocks = alice.page.getByLabel('Block', { exact: true });
    for (let i = 0; i < 12; i++) {
      await blocks.selectOption({ index: i % 4 });
      await alice.page.getByRole('radio', { name: i % 3 ? 'Not home' : 'Talked' }).check();
      await alice.page.getByRole('button', { name: 'Record this door' }).click();
    }
    await expect
      .poll(() => alice.page.getByTestId('doors-waiting').textContent())
      .toContain('12 doors waiting');
    await alice.context.setOffline(false);
    await alice.page.getByTestId('doors-waiting').waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => alice.page.getByTestId('turf-doors').textContent()).toBe('12');
    await alice.goto(`/canvass/map?areaId=${stage.world.areas.powderhornId}`);
    await alice.page.getByTestId('coverage-map').waitFor();
    await expect.poll(() => alice.page.getByTestId('coverage-total').textContent()).toBe('12');
    expect(await alice.page.locator('.coverage-map path').count()).toBe(4);
    await alice.expectAccessible('coverage map');
  });

  it('refuses an address in a note and keeps nothing of it', async () => {
    await alice.goto(`/canvass/turfs/${turfId}`);
    await alice.page.getByRole('radio', { name: 'Talked' }).check();
    await alice.page
      .getByLabel('Short note for the group (optional, no names or addresses)')
      .fill('Lives at 7781 Zinnia Court');
    await alice.page.getByRole('button', { name: 'Record this door' }).click();
    const refused = await stage.world.server.ctx.db
      .selectFrom('canvass_notes')
      .select('note')
      .execute();
    expect(refused.map((n) => n.note).join(' ')).not.toContain('Zinnia');
  });

  it('wants_to_join shows a single-use QR invite that a second browser joins with', async () => {
    await alice.goto(`/canvass/turfs/${turfId}`);
    await alice.page.getByRole('radio', { name: 'Wants to join' }).check();
    await alice.page.getByRole('button', { name: 'Record this door' }).click();
    await alice.page.getByRole('img', { name: 'QR code of a single-use invite' }).waitFor();
    await alice.expectAccessible('door invite');
    const url = (await alice.page.getByTestId('door-invite-url').textContent()) ?? '';
    const code = url.split('#')[1] ?? '';
    expect(code.length).toBeGreaterThan(10);
    const neighbor = await phone('neighbor');
    await neighbor.join.joinWith(code, 'Powderhorn Park');
    expect((await neighbor.me()).status).toBe('probation');
    // Single use: nobody else joins with it.
    const again = await stage.world.admin.call('POST', '/auth/device/register', {
      invite: code,
      publicKey: 'A'.repeat(43),
    });
    expect(again.status).toBeGreaterThanOrEqual(400);
  });

  it('offline at a door, wants_to_join shows at once the invite held on the phone', async () => {
    const heldCode = () =>
      alice.page.evaluate<string | null>(`new Promise((resolve) => {
        const open = indexedDB.open('tocsin');
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('door-invite');
          get.onsuccess = () => {
            resolve(get.result ? get.result.code : null);
            open.result.close();
          };
        };
      })`);
    const invitesOfAlice = () => inPage<{ id: string }[]>(alice, 'GET', '/invites');
    await alice.goto(`/canvass/turfs/${turfId}`);
    // Online, one of the pair keeps one invite on the phone for a door without network.
    await expect.poll(heldCode).not.toBeNull();
    const before = (await invitesOfAlice()).length;
    // The turf and its door form are on screen before the network goes (on a loaded machine
    // the held invite can be in before the turf is; CI failed here once, the rest cascading).
    await alice.page.getByRole('radio', { name: 'Wants to join' }).waitFor();
    await alice.context.setOffline(true);
    await alice.page.getByRole('radio', { name: 'Wants to join' }).check();
    await alice.page.getByRole('button', { name: 'Record this door' }).click();
    await alice.page.getByRole('img', { name: 'QR code of a single-use invite' }).waitFor();
    const url = (await alice.page.getByTestId('door-invite-url').textContent()) ?? '';
    const code = url.split('#')[1] ?? '';
    expect(code.length).toBeGreaterThan(10);
    // Given at the door, it is gone from the phone.
    expect(await heldCode()).toBeNull();
    await alice.context.setOffline(false);
    await alice.page.getByTestId('doors-waiting').waitFor({ state: 'detached', timeout: 20_000 });
    const neighbor = await phone('neighbor-offline');
    await neighbor.join.joinWith(code, 'Powderhorn Park');
    expect((await neighbor.me()).status).toBe('probation');
    // The door, sent later, made no second invite; the phone holds a fresh one for the next door.
    await expect.poll(heldCode).not.toBeNull();
    expect(await heldCode()).not.toBe(code);
    expect((await invitesOfAlice()).length).toBe(before + 1);
  });

  it('a request is taken and matched; the two write; the board never shows who asked', async () => {
    const { world } = stage;
    carol = await approvedMember(world, world.sponsors[0]);
    const me = await carol.ok<{ id: string; handle: string }>('GET', '/me');
    carolId = me.id;
    carolHandle = me.handle;
    const request = await carol.ok<{ id: string }>('POST', '/aid/requests', {
      requestId: crypto.randomUUID(),
      category: 'groceries',
      areaId: world.areas.powderhornId,
      urgency: 'today',
      description: 'Groceries for two days',
    });
    const boardSeen: string[] = [];
    alice.page.on('response', (response) => {
      if (response.url().includes('/api/v1/aid/board')) {
        void response.text().then((text) => boardSeen.push(text));
      }
    });
    await alice.goto('/aid');
    await alice.page.getByTestId('board-item').first().waitFor();
    await alice.expectAccessible('aid board');
    const board = alice.page.getByTestId('aid-board');
    expect(await board.textContent()).not.toContain(carolHandle);
    await board.getByRole('button', { name: 'I can help' }).first().click();
    await alice.page.getByText('Thank you. A coordinator will pair you').waitFor();

    const queue = await world.admin.ok<
      { id: string; requesterHandle: string; takers: { takeId: string }[] }[]
    >('GET', `/aid/queue?areaId=${world.areas.powderhornId}`);
    const item = queue.find((q) => q.id === request.id)!;
    expect(item.requesterHandle).toBe(carolHandle);
    matchId = (
      await world.admin.ok<{ matchId: string }>('POST', `/aid/requests/${request.id}/match`, {
        requestId: crypto.randomUUID(),
        takeId: item.takers[0]!.takeId,
      })
    ).matchId;

    await alice.goto('/aid');
    await alice.page
      .getByTestId('aid-mine')
      .getByRole('link', { name: 'Open the conversation' })
      .click();
    await alice.page.getByRole('heading', { name: 'Conversation' }).waitFor();
    await alice.page.getByText(`With ${carolHandle}`).waitFor();
    await alice.page.getByLabel('Message').fill('I can bring them tonight');
    await alice.page.getByRole('button', { name: 'Send' }).click();
    await alice.page.getByTestId('thread').getByText('I can bring them tonight').waitFor();
    const seen = await carol.ok<{ messages: { body: string }[] }>('GET', `/aid/matches/${matchId}`);
    expect(seen.messages.map((m) => m.body)).toEqual(['I can bring them tonight']);
    await carol.ok('POST', `/aid/matches/${matchId}/messages`, {
      requestId: crypto.randomUUID(),
      body: 'Thank you!',
    });
    await alice.page.reload();
    await alice.page.getByTestId('thread').getByText('Thank you!').waitFor();
    await alice.expectAccessible('aid thread');
    for (const text of boardSeen) {
      expect(text).not.toContain(carolHandle);
      expect(text).not.toContain(carolId);
    }
  });

  it('after closing + 7 days the thread is gone, and no table holds the requester or an address', async () => {
    const { world } = stage;
    const ctx = world.server.ctx;
    const request = (await carol.ok<{ requests: { id: string }[] }>('GET', '/aid/mine'))
      .requests[0]!;
    await carol.ok('POST', `/aid/requests/${request.id}/close`, {
      requestId: crypto.randomUUID(),
      outcome: 'fulfilled',
    });
    const real = ctx.clock;
    const later: Clock = { now: () => new Date(real.now().getTime() + 7 * DAY + 60_000) };
    (ctx as { clock: Clock }).clock = later;
    try {
      const sweep = await runOrganizingSweep(ctx);
      expect(sweep.mutualAid.deletedMessages).toBe(2);
    } finally {
      (ctx as { clock: Clock }).clock = real;
    }
    expect((await carol.call('GET', `/aid/matches/${matchId}`)).status).toBe(404);

    // Every table of the database, every row: no resident address anywhere, and carol (the
    // requester) only where a member's own account lives, never in canvassing, aid or events.
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(ctx.db);
    const account = new Set([
      'members',
      'sessions',
      'device_keys',
      'area_roles',
      'invites',
      'audit_log',
      'recovery_codes',
      'working_group_members',
      'vouches',
      'alert_preferences',
      'auth_challenges',
      'passkeys',
      'role_grants',
      'aid_receipts', // the request id of her own writes, deleted after a day
      'calendar_keys', // her own calendar feed's key: GET /me makes it (issue 18), no event in it
    ]);
    expect(tables.rows.length).toBeGreaterThan(30);
    for (const { table_name } of tables.rows) {
      const rows = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(table_name)}`.execute(ctx.db);
      // The outbox carries membership events about her account (joined, activated); the events
      // of canvassing and aid must not name her.
      const kept =
        table_name === 'outbox'
          ? rows.rows.filter((r) => /^(aid_request|turf)\./.test(String(r.name)))
          : rows.rows;
      const text = JSON.stringify(kept);
      expect(text, table_name).not.toContain('Zinnia');
      if (!account.has(table_name)) {
        expect(text, table_name).not.toContain(carolId);
        expect(text, table_name).not.toContain(carolHandle);
      }
    }
  });
});
