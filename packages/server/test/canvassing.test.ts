import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type {
  AidMatchView,
  AidMine,
  BoardItem,
  CoverageView,
  DoorAnswer,
  MyAidRequest,
  Role,
  TurfView,
} from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { cellToChildren } from 'h3-js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadCityPack } from '../src/membership/city/city.service';
import { runOrganizingSweep } from '../src/organizing';
import type { ManualClock } from '../src/platform/clock';
import { writeCityPack } from './helpers/city-packs';
import { buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

const DAY = 86_400_000;

describeEachDatabase('canvassing and mutual aid', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let pack: string;
  const area = { city: '', north: '', south: '' };
  const m: Record<string, BuiltMember> = {};
  let northCells: string[] = [];

  type Method = 'GET' | 'POST' | 'DELETE';
  const call = (method: Method, url: string, who: BuiltMember, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.auth,
      ...(payload ? { payload } : {}),
    });
  const ok = async <T>(
    response: Promise<{ statusCode: number; body: string; json: <J>() => J }>,
    status = 200,
  ) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };
  const clock = () => t.ctx.clock as ManualClock;

  async function joinGroup(slug: string, areaId: string, who: BuiltMember) {
    const group = await t.ctx.db
      .selectFrom('working_groups')
      .select('id')
      .where('slug', '=', slug)
      .where('area_id', '=', areaId)
      .executeTakeFirstOrThrow();
    await ok(call('POST', `/groups/${group.id}/join`, who), 200);
  }

  beforeAll(async () => {
    t = await createTestContext({ kind, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    app = await createApp(t.ctx);
    await app.ready();
    pack = await writeCityPack();
    await loadCityPack(t.ctx, pack);
    const snapshot = await t.ctx.areas.get();
    const id = (slug: string) => snapshot.all.find((a) => a.slug === slug)?.id ?? '';
    area.city = id('testville');
    area.north = id('north-side');
    area.south = id('south-side');
    northCells = [...snapshot.index.cellsOf(area.north)].sort();
    const as = (areaId: string, role: Role) => buildMember(t.ctx, { roles: [{ areaId, role }] });
    m.organizer = await as(area.north, 'organizer');
    m.ana = await as(area.north, 'member');
    m.bo = await as(area.north, 'member');
    m.member = await as(area.north, 'member');
    m.volunteer = await as(area.north, 'member');
    m.other = await as(area.north, 'member');
    m.outsider = await as(area.south, 'member');
    m.probation = await buildMember(t.ctx, {
      status: 'probation',
      roles: [{ areaId: area.north, role: 'member' }],
    });
    await joinGroup('canvassing', area.north, m.ana);
    await joinGroup('canvassing', area.north, m.bo);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(pack, { recursive: true, force: true });
  });

  describe('turfs and doors', () => {
    let turf: TurfView;
    const door = (cell: string, outcome: string, extra: object = {}, id = randomUUID()) =>
      call('POST', `/turfs/${turf.id}/doors`, m.ana!, { id, cell, outcome, ...extra });

    it('an organizer draws a turf of block cells and assigns it to a pair', async () => {
      turf = await ok<TurfView>(
        call('POST', '/turfs', m.organizer!, {
          name: 'Around the park',
          cells: northCells.slice(0, 6),
          assignees: [m.ana!.id, m.bo!.id],
          date: '2026-01-17',
        }),
        201,
      );
      expect(turf.areaId).toBe(area.north);
      expect(turf.cells.map((c) => c.cell)).toEqual(northCells.slice(0, 6));
      expect(turf.assignees.map((a) => a.id).sort()).toEqual([m.ana!.id, m.bo!.id].sort());
      const fromArea = await ok<TurfView>(
        call('POST', '/turfs', m.ana!, {
          name: 'All of North',
          areaId: area.north,
          assignees: [m.ana!.id, m.bo!.id],
          date: '2026-01-18',
        }),
        201,
      );
      expect(fromArea.cellCount).toBe(northCells.length);
    });

    it('refuses a turf for one canvasser, a non-canvasser, finer cells, or an address as name', async () => {
      const base = { name: 'T', cells: northCells.slice(0, 2), date: '2026-01-17' };
      const single = await call('POST', '/turfs', m.organizer!, {
        ...base,
        assignees: [m.ana!.id],
      });
      expect(single.statusCode).toBe(400);
      expect(single.body).toContain('assignees');
      const outsider = await call('POST', '/turfs', m.organizer!, {
        ...base,
        assignees: [m.ana!.id, m.member!.id],
      });
      expect(outsider.statusCode).toBe(400);
      expect(outsider.body).toContain('assignees.1');
      const fine = cellToChildren(northCells[0]!, 12)[0]!;
      const tooFine = await call('POST', '/turfs', m.organizer!, {
        ...base,
        cells: [fine],
        assignees: [m.ana!.id, m.bo!.id],
      });
      expect(tooFine.statusCode).toBe(400);
      expect(tooFine.body).toContain('cells.0');
      const named = await call('POST', '/turfs', m.organizer!, {
        ...base,
        name: '3400 Bloomington Ave',
        assignees: [m.ana!.id, m.bo!.id],
      });
      expect(named.statusCode).toBe(400);
      expect(named.body).toContain('name');
      const member = await call('POST', '/turfs', m.member!, {
        ...base,
        assignees: [m.ana!.id, m.bo!.id],
      });
      expect(member.statusCode).toBe(403);
    });

    it('counts each door once per id, per cell and outcome, and keeps nothing else', async () => {
      const repeated = randomUUID();
      for (let i = 0; i < 12; i++) {
        const cell = northCells[i % 3]!;
        await ok<DoorAnswer>(door(cell, i % 2 ? 'talked' : 'not_home'), 201);
      }
      await ok(door(northCells[0]!, 'refused', {}, repeated), 201);
      const again = await ok<DoorAnswer>(door(northCells[0]!, 'refused', {}, repeated), 200);
      expect(again.id).toBe(repeated);
      const view = await ok<TurfView>(call('GET', `/turfs/${turf.id}`, m.bo!));
      expect(view.doors).toBe(13);
      expect(view.outcomes.not_home).toBe(6);
      expect(view.outcomes.talked).toBe(6);
      expect(view.outcomes.refused).toBeNull(); // 1: fewer than 5
      const counts = await t.ctx.db.selectFrom('canvass_counts').selectAll().execute();
      expect(counts.reduce((s, r) => s + r.doors, 0)).toBe(13);
    });

    it('refuses coordinates, a finer cell, a cell outside the turf and long or identifying notes', async () => {
      const cell = northCells[0]!;
      const withLat = await door(cell, 'talked', { lat: 44.95, lng: -93.26 });
      expect(withLat.statusCode).toBe(400);
      expect(withLat.body).toMatch(/lat|lng/);
      const fine = await door(cellToChildren(cell, 13)[0]!, 'talked');
      expect(fine.statusCode).toBe(400);
      expect(fine.body).toContain('cell');
      const outside = await door(northCells[10]!, 'talked');
      expect(outside.statusCode).toBe(400);
      const long = await door(cell, 'talked', { note: 'x'.repeat(281) });
      expect(long.statusCode).toBe(400);
      expect(long.body).toContain('note');
      const address = await door(cell, 'talked', { note: 'lives at 2200 E 35th St' });
      expect(address.statusCode).toBe(400);
      const phone = await door(cell, 'talked', { note: 'call 612 555 0100' });
      expect(phone.statusCode).toBe(400);
      const other = await call('POST', `/turfs/${turf.id}/doors`, m.member!, {
        id: randomUUID(),
        cell,
        outcome: 'talked',
      });
      expect(other.statusCode).toBe(403);
    });

    it('wants_to_join gives a single-use invite; needs_aid opens a request without identity', async () => {
      const join = await ok<DoorAnswer>(door(northCells[1]!, 'wants_to_join'), 201);
      expect(join.invite?.url).toContain('/join#');
      const invite = await t.ctx.db
        .selectFrom('invites')
        .select(['max_uses', 'sponsor_id'])
        .where('sponsor_id', '=', m.ana!.id)
        .executeTakeFirstOrThrow();
      expect(invite.max_uses).toBe(1);
      const aid = await ok<DoorAnswer>(
        door(northCells[2]!, 'needs_aid', {
          aid: {
            category: 'groceries',
            urgency: 'today',
            description: 'Food for a family of four',
          },
        }),
        201,
      );
      expect(aid.aidRequestId).toBeTruthy();
      const request = await t.ctx.db
        .selectFrom('aid_requests')
        .selectAll()
        .where('id', '=', aid.aidRequestId!)
        .executeTakeFirstOrThrow();
      expect(request).toMatchObject({ on_behalf: true, area_id: area.north, state: 'open' });
      expect(request.requester_id).toBe(m.ana!.id);
    });

    it('shows the progress map to the group: per cell, per turf, for the area', async () => {
      const map = await ok<CoverageView>(
        call('GET', `/canvass/coverage?areaId=${area.north}`, m.bo!),
      );
      expect(map.totals.doors).toBe(15);
      const mine = map.turfs.find((x) => x.id === turf.id)!;
      expect(mine.cellsVisited).toBe(3);
      expect(map.cells.map((c) => c.cell).sort()).toEqual(northCells.slice(0, 3));
      for (const c of map.cells) expect(c.doors === null || c.doors >= 5).toBe(true);
      // The organizer of North is not of the city's canvassing group.
      expect(
        (await call('GET', `/canvass/coverage?areaId=${area.city}`, m.organizer!)).statusCode,
      ).toBe(403);
      expect(
        (await call('GET', `/canvass/coverage?areaId=${area.north}`, m.member!)).statusCode,
      ).toBe(403);
    });

    it('keeps notes 30 days, visible only to the group and the pair', async () => {
      await ok(door(northCells[0]!, 'talked', { note: 'Come back on a weekend' }), 201);
      const view = await ok<TurfView>(call('GET', `/turfs/${turf.id}`, m.ana!));
      expect(view.notes.map((n) => n.note)).toContain('Come back on a weekend');
      expect((await call('GET', `/turfs/${turf.id}`, m.member!)).statusCode).toBe(403);
      expect((await call('GET', `/turfs/${turf.id}`, m.outsider!)).statusCode).toBe(403);
      clock().advance(29 * DAY);
      await runOrganizingSweep(t.ctx);
      expect((await ok<TurfView>(call('GET', `/turfs/${turf.id}`, m.ana!))).notes).toHaveLength(1);
      clock().advance(1 * DAY);
      const sweep = await runOrganizingSweep(t.ctx);
      expect(sweep.canvassing.notes).toBe(1);
      expect((await ok<TurfView>(call('GET', `/turfs/${turf.id}`, m.ana!))).notes).toHaveLength(0);
    });

    it('a door recorded offline with an invite held on the phone makes no second invite', async () => {
      const invitesOfAna = async () =>
        (
          await t.ctx.db
            .selectFrom('invites')
            .select('id')
            .where('sponsor_id', '=', m.ana!.id)
            .execute()
        ).length;
      const before = await invitesOfAna();
      const held = await ok<DoorAnswer>(
        door(northCells[1]!, 'wants_to_join', { heldInvite: true }),
        201,
      );
      expect(held.invite).toBeNull();
      expect(await invitesOfAna()).toBe(before);
      // Only a door that wants to join can say so; the field is named.
      const wrong = await door(northCells[1]!, 'talked', { heldInvite: true });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('heldInvite');
    });
  });

  describe('mutual aid', () => {
    let request: MyAidRequest;
    const write = (method: Method, url: string, who: BuiltMember, payload: object = {}) =>
      call(method, url, who, { requestId: randomUUID(), ...payload });

    it('a member asks; the board shows category, area, urgency and age only', async () => {
      request = await ok<MyAidRequest>(
        write('POST', '/aid/requests', m.member!, {
          category: 'rides',
          areaId: area.north,
          urgency: 'this_week',
          description: 'A ride to a court date on Thursday',
        }),
        201,
      );
      const board = await ok<BoardItem[]>(
        call('GET', `/aid/board?areaId=${area.north}`, m.outsider!),
      );
      const item = board.find((b) => b.id === request.id)!;
      expect(Object.keys(item).sort()).toEqual(['ageHours', 'areaId', 'category', 'id', 'urgency']);
      expect(JSON.stringify(board)).not.toContain(m.member!.handle);
      expect(JSON.stringify(board)).not.toContain('court');
    });

    it('a volunteer offers to take it; a coordinator pairs them, seeing the requester as a handle', async () => {
      const take = await ok<{ state: string }>(
        write('POST', `/aid/requests/${request.id}/take`, m.volunteer!),
      );
      expect(take.state).toBe('offered');
      expect((await write('POST', `/aid/requests/${request.id}/take`, m.member!)).statusCode).toBe(
        403,
      );
      expect(
        (await write('POST', `/aid/requests/${request.id}/take`, m.probation!)).statusCode,
      ).toBe(403);
      expect((await call('GET', `/aid/queue?areaId=${area.north}`, m.volunteer!)).statusCode).toBe(
        403,
      );
      const queue = await ok<
        { id: string; requesterHandle: string; takers: { takeId: string; handle: string }[] }[]
      >(call('GET', `/aid/queue?areaId=${area.north}`, m.organizer!));
      const item = queue.find((q) => q.id === request.id)!;
      expect(item.requesterHandle).toBe(m.member!.handle);
      expect(item.takers.map((x) => x.handle)).toEqual([m.volunteer!.handle]);
      const matched = await ok<{ matchId: string }>(
        write('POST', `/aid/requests/${request.id}/match`, m.organizer!, {
          takeId: item.takers[0]!.takeId,
        }),
      );
      const asVolunteer = await ok<AidMatchView>(
        call('GET', `/aid/matches/${matched.matchId}`, m.volunteer!),
      );
      expect(asVolunteer.otherHandle).toBe(m.member!.handle);
      const asRequester = await ok<AidMatchView>(
        call('GET', `/aid/matches/${matched.matchId}`, m.member!),
      );
      expect(asRequester.otherHandle).toBe(m.volunteer!.handle);
      expect((await call('GET', `/aid/matches/${matched.matchId}`, m.organizer!)).statusCode).toBe(
        404,
      );
      await ok(
        write('POST', `/aid/matches/${matched.matchId}/messages`, m.volunteer!, {
          body: 'I can drive at 9',
        }),
        201,
      );
      await ok(
        write('POST', `/aid/matches/${matched.matchId}/messages`, m.member!, {
          body: 'Thank you!',
        }),
        201,
      );
      expect(
        (await write('POST', `/aid/matches/${matched.matchId}/messages`, m.other!, { body: 'hi' }))
          .statusCode,
      ).toBe(404);
      const thread = await ok<AidMatchView>(
        call('GET', `/aid/matches/${matched.matchId}`, m.member!),
      );
      expect(thread.messages.map((x) => [x.body, x.mine])).toEqual([
        ['I can drive at 9', false],
        ['Thank you!', true],
      ]);
      const board = await ok<BoardItem[]>(call('GET', `/aid/board?areaId=${area.north}`, m.other!));
      expect(board.some((b) => b.id === request.id)).toBe(false);
    });

    it('pairs at once when the request allows it and the volunteer’s offer covers it', async () => {
      await ok(
        write('POST', '/aid/offers', m.other!, {
          category: 'groceries',
          areaId: area.city,
          availability: 'Weekends',
        }),
        201,
      );
      const auto = await ok<MyAidRequest>(
        write('POST', '/aid/requests', m.member!, {
          category: 'groceries',
          areaId: area.north,
          urgency: 'today',
          description: 'Groceries',
          autoMatch: true,
        }),
        201,
      );
      const take = await ok<{ state: string; matchId: string }>(
        write('POST', `/aid/requests/${auto.id}/take`, m.other!),
      );
      expect(take.state).toBe('matched');
      const mine = await ok<AidMine>(call('GET', '/aid/mine', m.member!));
      expect(mine.requests.find((r) => r.id === auto.id)?.matchId).toBe(take.matchId);
    });

    it('closing keeps the counts and deletes description, thread and identities after 7 days', async () => {
      const mine = await ok<AidMine>(call('GET', '/aid/mine', m.member!));
      const matchId = mine.requests.find((r) => r.id === request.id)!.matchId!;
      await ok(
        write('POST', `/aid/requests/${request.id}/close`, m.volunteer!, { outcome: 'fulfilled' }),
      );
      clock().advance(6 * DAY);
      await runOrganizingSweep(t.ctx);
      expect(
        (await ok<AidMatchView>(call('GET', `/aid/matches/${matchId}`, m.member!))).messages,
      ).toHaveLength(2);
      clock().advance(1 * DAY);
      const sweep = await runOrganizingSweep(t.ctx);
      expect(sweep.mutualAid.deletedMessages).toBe(2);
      expect((await call('GET', `/aid/matches/${matchId}`, m.member!)).statusCode).toBe(404);
      const row = await t.ctx.db
        .selectFrom('aid_requests')
        .selectAll()
        .where('id', '=', request.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        description: null,
        requester_id: null,
        category: 'rides',
        outcome: 'fulfilled',
      });
      expect(await t.ctx.db.selectFrom('aid_messages').selectAll().execute()).toHaveLength(0);
      const stats = await ok<{ categories: { category: string; closed: number | null }[] }>(
        call('GET', `/aid/stats?areaId=${area.north}`, m.member!),
      );
      expect(stats.categories.find((c) => c.category === 'rides')?.closed).toBeNull(); // 1 < 5
    });

    it('open requests nobody took expire after 30 days', async () => {
      const stale = await ok<MyAidRequest>(
        write('POST', '/aid/requests', m.member!, {
          category: 'housing',
          areaId: area.north,
          urgency: 'when_possible',
          description: 'A room',
        }),
        201,
      );
      clock().advance(30 * DAY);
      const sweep = await runOrganizingSweep(t.ctx);
      expect(sweep.mutualAid.expired).toBeGreaterThanOrEqual(1);
      const row = await t.ctx.db
        .selectFrom('aid_requests')
        .select(['state', 'outcome'])
        .where('id', '=', stale.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'closed', outcome: 'expired' });
    });
  });

  it('no canvassing table has a column that can hold an address, and the database refuses one', async () => {
    const tables = [
      'turfs',
      'turf_cells',
      'turf_assignees',
      'canvass_counts',
      'canvass_notes',
      'canvass_receipts',
    ];
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name in (${sql.join(tables)})`.execute(
      t.ctx.db,
    );
    expect(new Set(columns.rows.map((c) => c.table_name)).size).toBe(tables.length);
    for (const c of columns.rows) {
      expect(c.column_name, `${c.table_name}.${c.column_name}`).not.toMatch(
        /address|street|house|lat|lng|lon|geo|point|phone|email|resident|person|contact/,
      );
      if (c.column_name === 'name') expect(c.table_name).toBe('turfs');
    }
    const turf = await t.ctx.db.selectFrom('turfs').select('id').executeTakeFirstOrThrow();
    const cell = (
      await t.ctx.db
        .selectFrom('turf_cells')
        .select('cell')
        .where('turf_id', '=', turf.id)
        .executeTakeFirstOrThrow()
    ).cell;
    for (const text of [
      '3412 Bloomington Ave S',
      'Apt 4B',
      'unit #3',
      'house 12',
      '612-555-0100',
      'a@b.org',
    ]) {
      await expect(
        t.ctx.db
          .insertInto('canvass_notes')
          .values({
            id: randomUUID(),
            turf_id: turf.id,
            cell,
            note: text,
            written_on: '2026-01-01',
          })
          .execute(),
        text,
      ).rejects.toThrow();
      await expect(
        t.ctx.db.updateTable('turfs').set({ name: text }).where('id', '=', turf.id).execute(),
        text,
      ).rejects.toThrow();
    }
    await expect(
      t.ctx.db
        .insertInto('canvass_counts')
        .values({ turf_id: turf.id, cell: '8c2a1072b59ffff', outcome: 'talked', doors: 1 })
        .execute(),
    ).rejects.toThrow();
  });
});
