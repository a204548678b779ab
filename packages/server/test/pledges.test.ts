import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type {
  CampaignView,
  MyPledge,
  MyWorkplace,
  Role,
  StructureView,
  WorkplaceView,
} from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadCityPack } from '../src/membership/city/city.service';
import { CampaignStream, matchPledgers } from '../src/organizing/pledges';
import type { Connection } from '../src/platform';
import { ManualClock } from '../src/platform/clock';
import { writeCityPack } from './helpers/city-packs';
import { dumpTables } from './helpers/dump';
import { buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

const HOUR = 3_600_000;

describeEachDatabase('workplaces and strike pledges', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let pack: string;
  const clock = new ManualClock('2026-12-05T10:05:00Z');
  const area = { city: '', north: '', south: '' };
  const m: Record<string, BuiltMember> = {};
  let big = '';
  let small = '';
  const workers: BuiltMember[] = [];
  const smallWorkers: BuiltMember[] = [];

  type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
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

  async function joinWorkplace(workplaceId: string, n: number): Promise<BuiltMember[]> {
    const out: BuiltMember[] = [];
    for (let i = 0; i < n; i += 1) {
      const w = await buildMember(t.ctx, { roles: [{ areaId: area.north, role: 'member' }] });
      await ok(call('PUT', '/me/workplace', w, { workplaceId }));
      await ok(
        call('POST', `/workplaces/${workplaceId}/members/${w.id}/confirm`, m.organizer!, {}),
      );
      out.push(w);
    }
    return out;
  }

  beforeAll(async () => {
    t = await createTestContext({ kind, clock, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    app = await createApp(t.ctx);
    await app.ready();
    pack = await writeCityPack();
    await loadCityPack(t.ctx, pack);
    const snapshot = await t.ctx.areas.get();
    const id = (slug: string) => snapshot.all.find((a) => a.slug === slug)?.id ?? '';
    area.city = id('testville');
    area.north = id('north-side');
    area.south = id('south-side');
    const as = (areaId: string, role: Role) => buildMember(t.ctx, { roles: [{ areaId, role }] });
    m.organizer = await as(area.north, 'organizer');
    m.cityOrganizer = await as(area.city, 'organizer');
    m.admin = await as(area.city, 'admin');
    m.southOrganizer = await as(area.south, 'organizer');
    m.neighbor = await as(area.north, 'member');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(pack, { recursive: true, force: true });
  });

  describe('workplaces', () => {
    it('lets an organizer add a workplace with a coarse place, headcount estimate and units', async () => {
      const view = await ok<WorkplaceView>(
        call('POST', '/workplaces', m.organizer!, {
          name: 'Riverside Bakery',
          parentId: area.north,
          employer: 'Riverside Foods Inc.',
          sector: 'food',
          address: '100 River Rd',
          location: { lat: 44.9779, lng: -93.2651 },
          headcount: { estimate: 60, asOf: '2026-12-01' },
          unionStatus: 'No union; two earlier drives',
          units: [
            { kind: 'department', name: 'Ovens', headcount: 30 },
            { kind: 'shift', name: 'Night', headcount: 20 },
          ],
        }),
        201,
      );
      big = view.id;
      expect(view).toMatchObject({
        employer: 'Riverside Foods Inc.',
        sector: 'food',
        headcount: { estimate: 60, asOf: '2026-12-01' },
        confirmedMembers: 'fewer than 5',
        canOrganize: true,
      });
      // Stored as a coarse cell: the answer is its center, not the point given.
      expect(view.location).not.toEqual({ lat: 44.9779, lng: -93.2651 });
      expect(Math.abs((view.location?.lat ?? 0) - 44.9779)).toBeLessThan(0.01);
      const row = await t.ctx.db
        .selectFrom('workplaces')
        .selectAll()
        .where('area_id', '=', big)
        .executeTakeFirstOrThrow();
      expect(row.cell).toMatch(/^88/);
      expect(JSON.stringify(row)).not.toContain('44.9779');
      small = (
        await ok<WorkplaceView>(
          call('POST', '/workplaces', m.organizer!, {
            name: 'Corner Cafe',
            parentId: area.north,
            sector: 'food',
            headcount: { estimate: 8 },
          }),
          201,
        )
      ).id;
    });

    it('refuses a workplace to non-organizers and bad input with the field named', async () => {
      const r = await call('POST', '/workplaces', m.neighbor!, { name: 'X', parentId: area.north });
      expect(r.statusCode).toBe(403);
      const bad = await call('POST', '/workplaces', m.organizer!, {
        name: 'X',
        parentId: area.north,
        headcount: { estimate: 0 },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('headcount.estimate');
      const future = await call('PUT', `/workplaces/${big}`, m.organizer!, {
        headcount: { estimate: 5, asOf: '2099-01-01' },
      });
      expect(future.statusCode).toBe(400);
      expect(future.body).toContain('headcount.asOf');
    });

    it('counts a declared member nowhere until an organizer of the workplace confirms them', async () => {
      const w = await buildMember(t.ctx, { roles: [{ areaId: area.north, role: 'member' }] });
      const mine = await ok<MyWorkplace>(call('PUT', '/me/workplace', w, { workplaceId: big }));
      expect(mine).toEqual({ workplaceId: big, name: 'Riverside Bakery', confirmed: false });
      // Hidden until confirmed: the workplace is not theirs to see yet.
      expect((await call('GET', `/workplaces/${big}`, w)).statusCode).toBe(404);
      const pending = await ok<{ id: string }[]>(
        call('GET', `/workplaces/${big}/members/pending`, m.organizer!),
      );
      expect(pending.map((p) => p.id)).toContain(w.id);
      expect(
        (await call('GET', `/workplaces/${big}/members/pending`, m.southOrganizer!)).statusCode,
      ).toBe(404);
      expect(
        (await call('POST', `/workplaces/${big}/members/${w.id}/confirm`, w, {})).statusCode,
      ).toBe(404);
      const view = await ok<WorkplaceView>(call('GET', `/workplaces/${big}`, m.organizer!));
      const ovens = view.units.find((u) => u.name === 'Ovens')!;
      const s0 = await ok<StructureView>(call('GET', `/workplaces/${big}/structure`, m.organizer!));
      expect(s0.confirmedMembers).toBe('fewer than 5');
      await ok(
        call('POST', `/workplaces/${big}/members/${w.id}/confirm`, m.organizer!, {
          unitId: ovens.id,
        }),
      );
      expect(await ok<MyWorkplace>(call('GET', '/me/workplace', w))).toMatchObject({
        confirmed: true,
      });
      expect((await call('GET', `/workplaces/${big}`, w)).statusCode).toBe(200);
      // A member cannot see the structure chart.
      expect((await call('GET', `/workplaces/${big}/structure`, w)).statusCode).toBe(403);
      workers.push(w, ...(await joinWorkplace(big, 5)));
      const s = await ok<StructureView>(call('GET', `/workplaces/${big}/structure`, m.organizer!));
      expect(s.confirmedMembers).toBe(6);
      expect(s.units.find((u) => u.name === 'Ovens')?.confirmedMembers).toBe('fewer than 5');
      expect(s.units.find((u) => u.kind === 'unassigned')?.confirmedMembers).toBe(5);
    });
  });

  describe('campaigns', () => {
    let campaign = '';
    let local = '';

    it('refuses thresholds of 0 or over 100% and campaigns from non-organizers', async () => {
      for (const workplace of [{ percent: 0 }, { percent: 101 }, { count: 0 }, {}]) {
        const r = await call('POST', '/campaigns', m.cityOrganizer!, {
          title: 'T',
          action: 'A',
          workplace,
        });
        expect(r.statusCode, JSON.stringify(workplace)).toBe(400);
        expect(r.body).toContain('workplace');
      }
      const r = await call('POST', '/campaigns', m.organizer!, {
        title: 'T',
        action: 'A',
        workplace: { count: 3 },
      });
      expect(r.statusCode).toBe(403);
    });

    it('starts a council campaign and a workplace one', async () => {
      const view = await ok<CampaignView>(
        call('POST', '/campaigns', m.cityOrganizer!, {
          title: 'General strike',
          action: 'General strike on a date the council sets',
          workplace: { percent: 50, count: 20 },
          city: { workplaces: 2, pledgers: 1000 },
        }),
        201,
      );
      campaign = view.id;
      expect(view).toMatchObject({
        state: 'open',
        totals: { pledgers: 'fewer than 5', workplacesTriggered: 0 },
      });
      local = (
        await ok<CampaignView>(
          call('POST', '/campaigns', m.organizer!, {
            title: 'Cafe walkout',
            action: 'Walk out together',
            workplaceId: small,
            workplace: { count: 3 },
          }),
          201,
        )
      ).id;
    });

    it('lets only confirmed members of a workplace in the campaign pledge (403 otherwise)', async () => {
      expect((await call('PUT', `/campaigns/${campaign}/pledge`, m.neighbor!)).statusCode).toBe(
        403,
      );
      const declared = await buildMember(t.ctx, {
        roles: [{ areaId: area.north, role: 'member' }],
      });
      await ok(call('PUT', '/me/workplace', declared, { workplaceId: big }));
      expect((await call('PUT', `/campaigns/${campaign}/pledge`, declared)).statusCode).toBe(403);
      // A bakery worker is not in the cafe's campaign (and cannot even see it).
      expect((await call('PUT', `/campaigns/${local}/pledge`, workers[0]!)).statusCode).toBe(404);
    });

    it('counts 30 pledges, ignores a repeat, and publishes only stepped counts at most hourly', async () => {
      workers.push(...(await joinWorkplace(big, 24)));
      expect(workers.length).toBe(30);
      const before = await dumpTables(t.ctx);
      for (const [i, w] of workers.entries()) {
        const mine = await ok<MyPledge>(call('PUT', `/campaigns/${campaign}/pledge`, w));
        expect(mine).toMatchObject({ pledged: true, state: 'open' });
        if (i === 0) {
          const again = await ok<MyPledge>(call('PUT', `/campaigns/${campaign}/pledge`, w));
          expect(again).toEqual(mine);
        }
      }
      const row = await t.ctx.db
        .selectFrom('campaigns')
        .selectAll()
        .where('id', '=', campaign)
        .executeTakeFirstOrThrow();
      expect(row.pledgers).toBe(30);
      expect(row.workplaces_triggered).toBe(1); // 30 of 60 = 50 %
      // Same hour: the published count is still the one from the hour's start.
      let view = await ok<CampaignView>(call('GET', `/campaigns/${campaign}`, m.cityOrganizer!));
      expect(view.totals.pledgers).toBe('fewer than 5');
      expect(view.workplaces.find((w) => w.id === big)).toMatchObject({
        pledgers: 'fewer than 5',
        triggered: true,
      });
      clock.advance(HOUR);
      view = await ok<CampaignView>(call('GET', `/campaigns/${campaign}`, m.cityOrganizer!));
      expect(view.totals).toEqual({ pledgers: 30, workplacesTriggered: 1 });
      expect(view.workplaces.find((w) => w.id === big)).toMatchObject({
        pledgers: 30,
        percent: 50,
        triggered: true,
      });

      // A withdrawal from a triggered workplace is refused: the pledge binds.
      const withdraw = await call('DELETE', `/campaigns/${campaign}/pledge`, workers[29]!);
      expect(withdraw.statusCode).toBe(409);
      expect(withdraw.body).toContain('pledge_binding');

      // What a seized database holds after 30 pledges: no row that changed names a pledger.
      const after = await dumpTables(t.ctx);
      const ids = new Set(workers.flatMap((w) => [w.id, w.handle]));
      const changed: string[] = [];
      for (const [table, rows] of Object.entries(after)) {
        // Sessions record when each was last used, for every request alike (SECURITY-REPORT).
        if (table === 'sessions') continue;
        const old = new Set((before[table] ?? []).map((r) => JSON.stringify(r)));
        for (const r of rows) {
          const text = JSON.stringify(r);
          if (old.has(text)) continue;
          changed.push(table);
          for (const id of ids) expect(text, `${table} row names a pledger`).not.toContain(id);
        }
      }
      expect(new Set(changed)).toEqual(
        new Set([
          'campaign_pledges',
          'campaign_workplaces',
          'campaigns',
          'campaign_publications',
          'outbox',
        ]),
      );
      const pledges = await t.ctx.db.selectFrom('campaign_pledges').selectAll().execute();
      expect(Object.keys(pledges[0] ?? {}).sort()).toEqual(['campaign_id', 'tag', 'workplace_id']);
    });

    it('answers every role the same, whether or not they pledged; only my own GET pledge differs', async () => {
      const nonPledger = (await joinWorkplace(big, 1))[0]!;
      const readers = [
        workers[0]!,
        workers[1]!,
        nonPledger,
        m.organizer!,
        m.cityOrganizer!,
        m.admin!,
        m.neighbor!,
        m.southOrganizer!,
      ];
      const urls = [
        `/campaigns/${campaign}`,
        '/campaigns',
        `/campaigns/${campaign}/history`,
        `/workplaces/${big}`,
        `/workplaces/${big}/structure`,
        `/workplaces/${big}/members/pending`,
      ];
      const ids = workers.flatMap((w) => [w.id, w.handle]);
      for (const url of urls) {
        for (const who of readers) {
          const r = await call('GET', url, who);
          for (const id of ids) expect(r.body, `${url} names a pledger`).not.toContain(id);
        }
        const pledger = await call('GET', url, workers[0]!);
        const other = await call('GET', url, nonPledger);
        expect(pledger.body, url).toBe(other.body);
      }
      expect(
        (await ok<MyPledge>(call('GET', `/campaigns/${campaign}/pledge`, workers[0]!))).pledged,
      ).toBe(true);
      expect(
        (await ok<MyPledge>(call('GET', `/campaigns/${campaign}/pledge`, nonPledger))).pledged,
      ).toBe(false);
      expect(t.logs.text).not.toContain(workers[0]!.id);
    });

    it('triggers a "3 people" workplace at the third confirmed pledge and turns the campaign on', async () => {
      smallWorkers.push(...(await joinWorkplace(small, 4)));
      const [a, b, c, d] = smallWorkers as [BuiltMember, BuiltMember, BuiltMember, BuiltMember];
      await ok(call('PUT', `/campaigns/${local}/pledge`, a));
      await ok(call('PUT', `/campaigns/${local}/pledge`, b));
      // Withdraw and pledge again while the workplace has not triggered.
      expect((await ok<MyPledge>(call('DELETE', `/campaigns/${local}/pledge`, b))).pledged).toBe(
        false,
      );
      await ok(call('PUT', `/campaigns/${local}/pledge`, b));
      let view = await ok<CampaignView>(call('GET', `/campaigns/${local}`, a));
      expect(view).toMatchObject({
        state: 'open',
        workplaces: [{ id: small, pledgers: 'fewer than 5', triggered: false }],
      });

      const stream = new CampaignStream(t.ctx);
      const got = new Map<string, string[]>();
      for (const w of [a, b, c, d]) {
        const conn = {
          memberId: w.id,
          send: (_id: string, data: string) => got.set(w.id, [...(got.get(w.id) ?? []), data]),
        } as unknown as Connection;
        stream.open(conn).attach();
      }
      const third = await ok<MyPledge>(call('PUT', `/campaigns/${local}/pledge`, c));
      expect(third).toMatchObject({ pledged: true, state: 'on', canWithdraw: false });
      view = await ok<CampaignView>(call('GET', `/campaigns/${local}`, d));
      expect(view).toMatchObject({
        state: 'on',
        totals: { pledgers: 'fewer than 5', workplacesTriggered: 1 },
        workplaces: [{ id: small, pledgers: 'fewer than 5', triggered: true }],
      });
      expect((await call('PUT', `/campaigns/${local}/pledge`, d)).statusCode).toBe(409);
      expect(await stream.deliver(local)).toBe(3);
      for (const w of [a, b, c]) {
        expect(JSON.parse(got.get(w.id)?.[0] ?? '{}')).toMatchObject({
          type: 'campaign',
          id: local,
          state: 'on',
          action: 'Walk out together',
        });
      }
      expect(got.has(d.id)).toBe(false);
      const tags = new Set(
        (
          await t.ctx.db
            .selectFrom('campaign_pledges')
            .select('tag')
            .where('campaign_id', '=', local)
            .execute()
        ).map((r) => r.tag),
      );
      expect(
        matchPledgers(t.ctx, local, tags, [a.id, b.id, c.id, d.id, m.admin!.id]).sort(),
      ).toEqual([a.id, b.id, c.id].sort());
      const events = await t.ctx.db
        .selectFrom('outbox')
        .select(['type', 'payload'])
        .where('type', 'like', 'campaign.%')
        .execute();
      expect(events.map((e) => e.type)).toContain('campaign.triggered');
      for (const e of events)
        for (const w of smallWorkers) expect(JSON.stringify(e.payload)).not.toContain(w.id);
    });

    it('shows the sector chart from published steps only', async () => {
      clock.advance(HOUR);
      const history = await ok<{ sectors: Record<string, { pledgers: unknown }[]> }>(
        call('GET', `/campaigns/${campaign}/history`, m.neighbor!),
      );
      expect(history.sectors.food?.map((p) => p.pledgers)).toEqual(['fewer than 5', 30, 30]);
    });

    it('keeps a workplace campaign from everyone outside it, and closes by its organizers', async () => {
      expect((await call('GET', `/campaigns/${local}`, m.neighbor!)).statusCode).toBe(404);
      expect((await call('GET', `/campaigns/${local}/pledge`, m.southOrganizer!)).statusCode).toBe(
        404,
      );
      expect((await call('POST', `/campaigns/${campaign}/close`, m.organizer!)).statusCode).toBe(
        403,
      );
      const closed = await ok<CampaignView>(
        call('POST', `/campaigns/${campaign}/close`, m.cityOrganizer!),
      );
      expect(closed.state).toBe('closed');
      expect(randomUUID()).toBeTruthy();
    });
  });
});
