import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import {
  seatsFor,
  type BodyMandates,
  type BodyView,
  type CouncilView,
  type MandateView,
  type MotionView,
  type RatificationView,
  type ReportBack,
  type Role,
} from '@tocsin/core';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadCityPack } from '../src/membership/city/city.service';
import { streamState } from '../src/organizing/assemblies/meetings.service';
import { MandateStream } from '../src/organizing/council';
import type { ManualClock } from '../src/platform/clock';
import { toDomainEvent } from '../src/platform/outbox/outbox.repository';
import { TESTVILLE_CITY, writeCityPack } from './helpers/city-packs';
import { buildArea, buildMember, type BuiltMember } from './helpers/factories';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  type TestContext,
} from './helpers/harness';

// The citywide council (issue 17): seats from the city pack's rule, delegates appointed by a
// committee's carried motion, the council's roll = seated delegates, roll-call votes (weighted by
// seats when the council says so), mandates, report-back, agenda items from committees, and
// ratification by the committees.

describeEachDatabase('council', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let pack: string;
  const body: Record<string, string> = {};
  const m: Record<string, BuiltMember> = {};

  type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
  const call = (method: Method, url: string, who: BuiltMember, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.auth,
      ...(payload ? { payload } : {}),
    });
  const write = (method: Method, url: string, who: BuiltMember, payload: object = {}) =>
    call(method, url, who, { requestId: randomUUID(), ...payload });
  const ok = async <T>(
    response: Promise<{ statusCode: number; body: string; json: <J>() => J }>,
    status = 200,
  ) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };

  /** Carries a motion in a body: a remote meeting, everyone checks in and votes yes. */
  async function carry(bodyId: string, chair: BuiltMember, voters: BuiltMember[], text: string) {
    const created = await ok<{ meeting: { id: string } }>(
      write('POST', `/bodies/${bodyId}/meetings`, chair, {
        title: `Meeting on ${text}`,
        startsAt: new Date(t.ctx.clock.now().getTime() + 60_000).toISOString(),
        remote: true,
        agenda: [{ title: text }],
      }),
      201,
    );
    const meetingId = created.meeting.id;
    await ok(write('POST', `/meetings/${meetingId}/open`, chair));
    for (const who of [chair, ...voters]) {
      await ok(write('POST', `/meetings/${meetingId}/check-in`, who));
    }
    const motion = await ok<{ id: string }>(
      write('POST', `/meetings/${meetingId}/motions`, chair, { text }),
      201,
    );
    await ok(write('POST', `/motions/${motion.id}/second`, voters[0]!));
    await ok(
      write('POST', `/motions/${motion.id}/vote`, chair, { method: 'open', majority: 'simple' }),
    );
    for (const who of [chair, ...voters]) {
      await ok(write('POST', `/motions/${motion.id}/ballots`, who, { choice: 'yes' }));
    }
    const result = await ok<{ carried: boolean }>(
      write('POST', `/motions/${motion.id}/close-vote`, chair),
    );
    expect(result.carried).toBe(true);
    await ok(write('POST', `/meetings/${meetingId}/close`, chair));
    return motion.id;
  }

  beforeAll(async () => {
    t = await createTestContext({ kind, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    app = await createApp(t.ctx);
    await app.ready();
    // A small rule: a first seat from 3 active members, another for each further 2.
    pack = await writeCityPack({
      city: { ...TESTVILLE_CITY, council: { seatMinimum: 3, seatBlock: 2 } },
    });
    await loadCityPack(t.ctx, pack);
    const snapshot = await t.ctx.areas.get();
    const id = (slug: string) => snapshot.all.find((a) => a.slug === slug)?.id ?? '';
    const north = id('north-side');
    const south = id('south-side');
    const city = id('testville');
    const shop = await buildArea(t.ctx, {
      kind: 'workplace',
      slug: 'bakery',
      name: 'Bakery',
      parentId: north,
    });
    const tiny = await buildArea(t.ctx, {
      kind: 'workplace',
      slug: 'kiosk',
      name: 'Kiosk',
      parentId: south,
    });
    const as = (areaId: string, role: Role, status?: 'probation') =>
      buildMember(t.ctx, { roles: [{ areaId, role }], ...(status ? { status } : {}) });
    // North: 4 active (1 seat). South: 5 active (2 seats). Bakery: 3 (1 seat). Kiosk: 2 (none).
    m.northChair = await as(north, 'organizer');
    m.northDelegate = await as(north, 'member');
    m.north2 = await as(north, 'member');
    m.north3 = await as(north, 'member');
    m.southChair = await as(south, 'organizer');
    m.southDelegate = await as(south, 'member');
    for (const n of [2, 3, 4]) m[`south${n}`] = await as(south, 'member');
    m.shopChair = await as(shop.id, 'organizer');
    m.shopDelegate = await as(shop.id, 'member');
    m.shop2 = await as(shop.id, 'member');
    m.kioskChair = await as(tiny.id, 'organizer');
    m.kiosk2 = await as(tiny.id, 'member');
    m.newcomer = await as(north, 'member', 'probation');
    m.admin = await as(city, 'admin');
    const bodies = await t.ctx.db.selectFrom('bodies').select(['id', 'area_id', 'kind']).execute();
    body.north = bodies.find((b) => b.area_id === north)!.id;
    body.south = bodies.find((b) => b.area_id === south)!.id;
    body.shop = bodies.find((b) => b.area_id === shop.id)!.id;
    body.kiosk = bodies.find((b) => b.area_id === tiny.id)!.id;
    body.council = bodies.find((b) => b.kind === 'council')!.id;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(pack, { recursive: true, force: true });
  });

  it('computes seats in SQL exactly as core’s seatsFor does', async () => {
    const samples = fc.sample(
      fc.tuple(fc.nat(5_000), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 500 })),
      300,
    );
    const values = sql.join(samples.map(([a, mi, b]) => sql`(${a}::int, ${mi}::int, ${b}::int)`));
    const rows = await sql<{ a: number; mi: number; b: number; seats: number }>`
      select v.a, v.mi, v.b, council_seat_entitlement(v.a, v.mi, v.b) as seats
      from (values ${values}) as v(a, mi, b)`.execute(t.ctx.db);
    expect(rows.rows).toHaveLength(samples.length);
    for (const row of rows.rows) {
      expect(Number(row.seats)).toBe(seatsFor(row.a, { minimum: row.mi, block: row.b }));
    }
  });

  it('gives seats by the city pack’s rule, to active members only', async () => {
    const council = await ok<CouncilView>(call('GET', '/council', m.north2!));
    expect(council.rule).toEqual({ minimum: 3, block: 2 });
    const seats = Object.fromEntries(council.committees.map((c) => [c.bodyId, c.seats]));
    expect(seats).toEqual({ [body.north!]: 1, [body.south!]: 2, [body.shop!]: 1 });
    expect(council.totalSeats).toBe(4);
    expect(council.committees.every((c) => c.delegates.length === 0 && c.vacant === c.seats)).toBe(
      true,
    );
    expect(council.me.seats).toBe(0);
    expect((await call('GET', '/council', m.newcomer!)).statusCode).toBe(403);
  });

  it('appoints a delegate only by the committee’s carried motion, into a vacant seat', async () => {
    const motionId = await carry(
      body.north!,
      m.northChair!,
      [m.northDelegate!, m.north2!, m.north3!],
      'Send Delegate North to the council',
    );
    const appoint = (who: BuiltMember, payload: object, bodyId = body.north!) =>
      write('POST', `/bodies/${bodyId}/delegates`, who, { termMonths: 12, ...payload });
    const noMotion = await appoint(m.northChair!, {
      memberId: m.northDelegate!.id,
      motionId: randomUUID(),
    });
    expect(noMotion.statusCode).toBe(400);
    expect(noMotion.body).toContain('motionId');
    expect((await appoint(m.north2!, { memberId: m.northDelegate!.id, motionId })).statusCode).toBe(
      403,
    );
    const outsider = await appoint(m.northChair!, { memberId: m.southDelegate!.id, motionId });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.body).toContain('memberId');
    // Another body's motion does not appoint here.
    expect(
      (await appoint(m.southChair!, { memberId: m.southDelegate!.id, motionId }, body.south))
        .statusCode,
    ).toBe(400);
    const delegate = await ok<{ seat: number; source: string }>(
      appoint(m.northChair!, { memberId: m.northDelegate!.id, motionId }),
      201,
    );
    expect(delegate).toMatchObject({ seat: 1, source: 'appointment' });
    const full = await appoint(m.northChair!, { memberId: m.north2!.id, motionId });
    expect(full.statusCode).toBe(409);
    expect(full.body).toContain('no_vacant_seat');
    // Too few members: no seat at all.
    const kioskMotion = await carry(body.kiosk!, m.kioskChair!, [m.kiosk2!], 'Kiosk delegate');
    expect(
      (await appoint(m.kioskChair!, { memberId: m.kiosk2!.id, motionId: kioskMotion }, body.kiosk))
        .statusCode,
    ).toBe(409);

    // South fills both its seats with one member (weighted votes count both); the bakery its one.
    const southMotion = await carry(
      body.south!,
      m.southChair!,
      [m.southDelegate!, m.south2!],
      'South delegates',
    );
    for (let seat = 1; seat <= 2; seat += 1) {
      await ok(
        appoint(
          m.southChair!,
          { memberId: m.southDelegate!.id, motionId: southMotion },
          body.south,
        ),
        201,
      );
    }
    const shopMotion = await carry(
      body.shop!,
      m.shopChair!,
      [m.shopDelegate!, m.shop2!],
      'Bakery delegate',
    );
    await ok(
      appoint(m.shopChair!, { memberId: m.shopDelegate!.id, motionId: shopMotion }, body.shop),
      201,
    );

    const council = await ok<CouncilView>(call('GET', '/council', m.north2!));
    const names = council.committees.map((c) => [c.bodyId, c.delegates.map((d) => d.member.id)]);
    expect(Object.fromEntries(names)).toEqual({
      [body.north!]: [m.northDelegate!.id],
      [body.south!]: [m.southDelegate!.id, m.southDelegate!.id],
      [body.shop!]: [m.shopDelegate!.id],
    });
    expect((await ok<CouncilView>(call('GET', '/council', m.southDelegate!))).me.seats).toBe(2);
  });

  let meetingId = '';
  let items: { id: string; title: string }[] = [];

  it('makes the seated delegates the council’s roll, and every committee sees its agenda', async () => {
    const bodies = await ok<BodyView[]>(call('GET', '/bodies', m.southDelegate!));
    const council = bodies.find((b) => b.kind === 'council');
    expect(council?.rollSize).toBe(3);
    expect(
      (await ok<BodyView[]>(call('GET', '/bodies', m.north2!))).some((b) => b.kind === 'council'),
    ).toBe(false);
    // The city admin names the south delegate the council's chair; a non-delegate cannot be.
    expect(
      (await write('PUT', `/bodies/${body.council}/officers`, m.admin!, { chair: m.north2!.id }))
        .statusCode,
    ).toBe(400);
    await ok(
      write('PUT', `/bodies/${body.council}/officers`, m.admin!, { chair: m.southDelegate!.id }),
    );
    const created = await ok<{ meeting: { id: string } }>(
      write('POST', `/bodies/${body.council}/meetings`, m.southDelegate!, {
        title: 'Council, first session',
        startsAt: new Date(t.ctx.clock.now().getTime() + 3_600_000).toISOString(),
        remote: true,
        agenda: [{ title: 'Support the rent strike' }, { title: 'Budget' }],
      }),
      201,
    );
    meetingId = created.meeting.id;
    const seen = await ok<BodyMandates>(call('GET', `/bodies/${body.north}/mandates`, m.north3!));
    expect(seen.meeting?.id).toBe(meetingId);
    expect(seen.canRecord).toBe(false);
    items = seen.meeting!.agenda.map((i) => ({ id: i.id, title: i.title }));
    expect(items.map((i) => i.title)).toEqual(['Support the rent strike', 'Budget']);
  });

  it('lets a committee mandate its delegate only by its carried motion, seen by it and its delegate', async () => {
    const put = (who: BuiltMember, payload: object, bodyId = body.north!, itemId = items[0]!.id) =>
      write('PUT', `/bodies/${bodyId}/mandates/${itemId}`, who, payload);
    const motionId = await carry(
      body.north!,
      m.northChair!,
      [m.northDelegate!, m.north2!],
      'Mandate: for the rent strike',
    );
    const noMotion = await put(m.northChair!, { position: 'for', motionId: randomUUID() });
    expect(noMotion.statusCode).toBe(400);
    expect((await put(m.northChair!, { position: 'maybe', motionId })).statusCode).toBe(400);
    expect((await put(m.north2!, { position: 'for', motionId })).statusCode).toBe(403);
    expect((await put(m.southChair!, { position: 'for', motionId })).statusCode).toBe(403);
    const mandate = await ok<MandateView>(
      put(m.northChair!, { position: 'for', note: 'Unanimous', motionId }),
    );
    expect(mandate).toMatchObject({ position: 'for', note: 'Unanimous', itemId: items[0]!.id });
    // The committee sees it; the delegate sees it on the council; nobody else.
    expect(
      (await ok<BodyMandates>(call('GET', `/bodies/${body.north}/mandates`, m.north3!))).mandates,
    ).toHaveLength(1);
    expect((await call('GET', `/bodies/${body.north}/mandates`, m.southChair!)).statusCode).toBe(
      403,
    );
    const mine = await ok<CouncilView>(call('GET', '/council', m.northDelegate!));
    expect(mine.me.mandates.map((x) => [x.bodyId, x.position])).toEqual([[body.north, 'for']]);
    expect((await ok<CouncilView>(call('GET', '/council', m.southDelegate!))).me.mandates).toEqual(
      [],
    );
    expect((await ok<CouncilView>(call('GET', '/council', m.north2!))).me.mandates).toEqual([]);

    // The delegate is told: a stream message to their sockets and a calm push (issue 18's rules:
    // one push per body per 30 minutes, coalesced). The suite runs no relay: the test hands the
    // outbox's mandate events to the bus itself, so no other event's push gets in between.
    const relayMandates = async () => {
      const rows = await t.ctx.db
        .selectFrom('outbox')
        .selectAll()
        .where('type', '=', 'mandate.changed')
        .where('published_at', 'is', null)
        .orderBy('seq')
        .execute();
      for (const row of rows) {
        const checked = toDomainEvent(row);
        if (!checked.ok) throw new Error('a bad mandate event');
        await t.ctx.bus.publish(checked.event);
        await t.ctx.db
          .updateTable('outbox')
          .set({ published_at: t.ctx.clock.now() })
          .where('id', '=', row.id)
          .execute();
      }
      return rows.length;
    };
    const pushes = async (who: BuiltMember) =>
      Number(
        (
          await t.ctx.db
            .selectFrom('bulletin_pushes')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('member_id', '=', who.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const handled = app.bulletinJobs.calmHandled;
    expect(await relayMandates()).toBe(1);
    await eventually(() => expect(app.bulletinJobs.calmHandled).toBe(handled + 1), 10_000);
    expect(await pushes(m.northDelegate!)).toBe(1);
    expect(await pushes(m.northChair!)).toBe(0); // who recorded it is not buzzed
    expect(await pushes(m.southDelegate!)).toBe(0);
    // A change ten minutes later is held: the committee buzzed its delegate within 30 minutes.
    (t.ctx.clock as ManualClock).advance(10 * 60_000);
    await ok(put(m.northChair!, { position: 'for', note: 'Unanimous, twice', motionId }));
    expect(await relayMandates()).toBe(1);
    await eventually(() => expect(app.bulletinJobs.calmHandled).toBe(handled + 2), 10_000);
    expect(await pushes(m.northDelegate!)).toBe(1);
    // ...and goes out, coalesced, once the window has passed.
    (t.ctx.clock as ManualClock).advance(21 * 60_000);
    await app.bulletinJobs.tick();
    expect(await pushes(m.northDelegate!)).toBe(2);

    // The stream: the delegate's sockets get the item, never the position; nobody else's.
    const sent: Record<string, string[]> = {};
    const conn = (id: string) => ({
      send: (_key: string, data: string) => (sent[id] ??= []).push(data),
    });
    const sockets = new Map([
      [m.northDelegate!.id, new Set([conn(m.northDelegate!.id)])],
      [m.northChair!.id, new Set([conn(m.northChair!.id)])],
      [m.southDelegate!.id, new Set([conn(m.southDelegate!.id)])],
    ]);
    await new MandateStream(t.ctx).onEvent(
      {
        id: randomUUID(),
        name: 'mandate.changed',
        version: 1,
        occurredAt: t.ctx.clock.now().toISOString(),
        payload: {
          bodyId: body.north!,
          itemId: items[0]!.id,
          meetingId,
          setBy: m.northChair!.id,
        },
      },
      {
        ofMember: (id) => sockets.get(id) as never,
        updatePrincipal: () => Promise.resolve(),
      },
    );
    expect(Object.keys(sent)).toEqual([m.northDelegate!.id]);
    expect(JSON.parse(sent[m.northDelegate!.id]![0]!)).toEqual({
      type: 'mandate',
      bodyId: body.north,
      itemId: items[0]!.id,
      meetingId,
    });
  });

  it('sends a committee’s carried motion to the council’s agenda', async () => {
    const motionId = await carry(
      body.shop!,
      m.shopChair!,
      [m.shopDelegate!, m.shop2!],
      'Back the bakery walkout',
    );
    const added = await ok<{ item: { position: number; fromBody: { id: string } | null } }>(
      write('POST', `/bodies/${body.shop}/council-agenda`, m.shopChair!, { motionId }),
      201,
    );
    expect(added.item).toMatchObject({ position: 2, fromBody: { id: body.shop } });
    const again = await write('POST', `/bodies/${body.shop}/council-agenda`, m.shopChair!, {
      motionId,
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await write('POST', `/bodies/${body.shop}/council-agenda`, m.shop2!, { motionId }))
        .statusCode,
    ).toBe(403);
  });

  let decisionId = '';

  it('votes by roll call, seats only; weighted by seats when set; reports back against the mandate', async () => {
    expect(
      (await write('PUT', '/council/settings', m.north2!, { weightedVotes: true })).statusCode,
    ).toBe(403);
    await ok(write('PUT', '/council/settings', m.admin!, { weightedVotes: true }));
    const chair = m.southDelegate!;
    await ok(write('POST', `/meetings/${meetingId}/open`, chair));
    for (const who of [chair, m.northDelegate!, m.shopDelegate!]) {
      await ok(write('POST', `/meetings/${meetingId}/check-in`, who));
    }
    // Not a delegate: no check-in, no vote in the council.
    expect((await write('POST', `/meetings/${meetingId}/check-in`, m.north2!)).statusCode).toBe(
      403,
    );
    // Opening the meeting brings up its first item: the motion is moved under it.
    const motion = await ok<{ id: string }>(
      write('POST', `/meetings/${meetingId}/motions`, chair, {
        text: 'The council supports the rent strike',
      }),
      201,
    );
    await ok(write('POST', `/motions/${motion.id}/second`, m.shopDelegate!));
    const open = await write('POST', `/motions/${motion.id}/vote`, chair, {
      method: 'open',
      majority: 'simple',
    });
    expect(open.statusCode).toBe(400);
    expect(open.body).toContain('method');
    await ok(
      write('POST', `/motions/${motion.id}/vote`, chair, {
        method: 'roll_call',
        majority: 'simple',
      }),
    );
    await ok(write('POST', `/motions/${motion.id}/ballots`, chair, { choice: 'yes' }));
    await ok(write('POST', `/motions/${motion.id}/ballots`, m.northDelegate!, { choice: 'no' }));
    await ok(
      write('POST', `/motions/${motion.id}/ballots`, m.shopDelegate!, { choice: 'abstain' }),
    );
    expect(
      (await write('POST', `/motions/${motion.id}/ballots`, m.north2!, { choice: 'yes' }))
        .statusCode,
    ).toBe(403);
    // The running tally (the meeting's GET and its stream share it) weighs seats already.
    const live = async () => {
      const state = await ok<{ motions: MotionView[] }>(
        call('GET', `/meetings/${meetingId}`, m.shopDelegate!),
      );
      return state.motions.find((x) => x.id === motion.id)!.vote;
    };
    const running = await live();
    expect(running).toMatchObject({ voted: 3, tally: { yes: 2, no: 1, abstain: 1 } });
    const streamed = await streamState(t.ctx, meetingId);
    expect(streamed?.motions.find((x) => x.id === motion.id)?.vote?.tally).toEqual(running?.tally);
    const result = await ok<{ yes: number; no: number; abstain: number; carried: boolean }>(
      write('POST', `/motions/${motion.id}/close-vote`, chair),
    );
    // Weighted: the south delegate's two seats count twice, as the running tally said.
    expect(result).toMatchObject({ yes: 2, no: 1, abstain: 1, carried: true });
    expect(result).toMatchObject(running!.tally!);
    await ok(write('POST', `/meetings/${meetingId}/close`, chair));
    decisionId = (
      await t.ctx.db
        .selectFrom('decisions')
        .select('id')
        .where('motion_id', '=', motion.id)
        .executeTakeFirstOrThrow()
    ).id;

    const report = await ok<ReportBack>(
      call('GET', `/bodies/${body.north}/report-back/${meetingId}`, m.north3!),
    );
    const first = report.items[0]!;
    expect(first).toMatchObject({ title: 'Support the rent strike', mandate: 'for' });
    expect(first.votes).toEqual([
      {
        motionId: expect.any(String) as unknown,
        motionText: 'The council supports the rent strike',
        delegate: { id: m.northDelegate!.id, name: expect.any(String) as unknown },
        choice: 'no',
        againstMandate: true,
      },
    ]);
    expect(report.items[1]!.votes).toEqual([]);
    const shop = await ok<ReportBack>(
      call('GET', `/bodies/${body.shop}/report-back/${meetingId}`, m.shop2!),
    );
    expect(shop.items[0]!.votes[0]).toMatchObject({ choice: 'abstain', againstMandate: false });
    expect(
      (await call('GET', `/bodies/${body.north}/report-back/${meetingId}`, m.southChair!))
        .statusCode,
    ).toBe(403);
    // A mandate on a closed meeting's item is refused.
    const late = await carry(
      body.north!,
      m.northChair!,
      [m.northDelegate!, m.north2!],
      'Late mandate',
    );
    expect(
      (
        await write('PUT', `/bodies/${body.north}/mandates/${items[1]!.id}`, m.northChair!, {
          position: 'against',
          motionId: late,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('takes effect once a majority of the seated committees ratified it', async () => {
    expect(
      (await write('POST', `/council/decisions/${decisionId}/ratification`, m.shopDelegate!, {}))
        .statusCode,
    ).toBe(403);
    const asked = await ok<RatificationView>(
      write('POST', `/council/decisions/${decisionId}/ratification`, m.southDelegate!, {}),
      201,
    );
    expect(asked).toMatchObject({ state: 'pending', committees: 3, needed: 2, pending: 3 });
    const answer = async (
      who: BuiltMember,
      bodyId: string,
      voters: BuiltMember[],
      ratify: boolean,
    ) => {
      const motionId = await carry(bodyId, who, voters, `Ratify ${decisionId}: ${ratify}`);
      return write('PUT', `/bodies/${bodyId}/ratifications/${decisionId}`, who, {
        ratify,
        motionId,
      });
    };
    const kiosk = await answer(m.kioskChair!, body.kiosk!, [m.kiosk2!], true);
    expect(kiosk.statusCode).toBe(403);
    const north = await ok<RatificationView>(
      answer(m.northChair!, body.north!, [m.northDelegate!, m.north2!], true),
    );
    expect(north).toMatchObject({ state: 'pending', ratified: 1, effectiveAt: null });
    const shop = await ok<RatificationView>(
      answer(m.shopChair!, body.shop!, [m.shopDelegate!, m.shop2!], true),
    );
    expect(shop.state).toBe('ratified');
    expect(shop.effectiveAt).not.toBeNull();
    const late = await answer(m.southChair!, body.south!, [m.southDelegate!, m.south2!], false);
    expect(late.statusCode).toBe(409);
    const board = await ok<{ ratifications: RatificationView[] }>(
      call('GET', '/council/ratifications', m.north2!),
    );
    expect(board.ratifications[0]).toMatchObject({
      decisionId,
      state: 'ratified',
      ratified: 2,
      pending: 1,
    });
  });

  it('drops a delegate whose term ended (recall) from the council’s roll', async () => {
    await t.ctx.db
      .updateTable('office_holders')
      .set({ ended_at: t.ctx.clock.now() })
      .where('member_id', '=', m.northDelegate!.id)
      .execute();
    const council = await ok<CouncilView>(call('GET', '/council', m.northDelegate!));
    expect(council.me.seats).toBe(0);
    expect(council.committees.find((c) => c.bodyId === body.north)?.vacant).toBe(1);
    const bodies = await ok<BodyView[]>(call('GET', '/bodies', m.northDelegate!));
    expect(bodies.some((b) => b.kind === 'council')).toBe(false);
  });
});
