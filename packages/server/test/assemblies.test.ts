import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type {
  BodyView,
  DecisionView,
  MeetingSummary,
  MeetingView,
  MinutesView,
  MotionView,
  Role,
  VoteResult,
} from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { runOrganizingSweep } from '../src/organizing';
import { loadCityPack } from '../src/membership/city/city.service';
import { writeCityPack } from './helpers/city-packs';
import { buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

describeEachDatabase('assemblies', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let pack: string;
  const area = { city: '', north: '', south: '' };
  const m: Record<string, BuiltMember> = {};
  let bodyId = '';

  type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
  const call = (method: Method, url: string, who: BuiltMember, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.auth,
      ...(payload ? { payload } : {}),
    });
  /** A write with a fresh request id (or the one given, to repeat it). */
  const write = (
    method: Method,
    url: string,
    who: BuiltMember,
    payload: object = {},
    requestId: string = randomUUID(),
  ) => call(method, url, who, { requestId, ...payload });
  const ok = async <T>(
    response: Promise<{ statusCode: number; body: string; json: <J>() => J }>,
    status = 200,
  ) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };
  const meeting = (id: string, who: BuiltMember) =>
    ok<MeetingView>(call('GET', `/meetings/${id}`, who));

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
    const as = (areaId: string, role: Role) => buildMember(t.ctx, { roles: [{ areaId, role }] });
    m.organizer = await as(area.north, 'organizer');
    m.chair = await as(area.north, 'member');
    m.secretary = await as(area.north, 'member');
    for (const n of [1, 2, 3, 4, 5]) m[`m${n}`] = await as(area.north, 'member');
    m.outsider = await as(area.south, 'member');
    m.admin = await as(area.city, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(pack, { recursive: true, force: true });
  });

  const roster = () => [m.chair!, m.m1!, m.m2!, m.m3!, m.m4!];

  const bodyCount = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from bodies`.execute(t.ctx.db)).rows[0]?.n,
    );

  it('gives every area and working group exactly one body, and lists those on whose roll I am', async () => {
    // Made with the areas and groups, before anyone reads them; reading writes nothing.
    const before = await bodyCount();
    expect(before).toBeGreaterThan(1);
    const mine = await ok<BodyView[]>(call('GET', '/bodies', m.m1!));
    expect(await bodyCount()).toBe(before);
    const north = mine.find((b) => b.areaId === area.north);
    expect(north).toMatchObject({ kind: 'neighborhood', roles: ['member'], rollSize: 8 });
    bodyId = north!.id;
    await ok(call('GET', '/bodies', m.m2!));
    const counts = await sql<{ area_id: string | null; n: string }>`
      select area_id, count(*) as n from bodies where area_id is not null group by area_id`.execute(
      t.ctx.db,
    );
    expect(counts.rows.every((row) => Number(row.n) === 1)).toBe(true);
    const groups = await sql<{ n: string }>`
      select count(*) as n from working_groups g where (select count(*) from bodies b where b.group_id = g.id) <> 1`.execute(
      t.ctx.db,
    );
    expect(Number(groups.rows[0]?.n)).toBe(0);
    const councils = await sql<{
      n: string;
    }>`select count(*) as n from bodies where kind = 'council'`.execute(t.ctx.db);
    expect(Number(councils.rows[0]?.n)).toBe(1);
    const outsider = await ok<BodyView[]>(call('GET', '/bodies', m.outsider!));
    expect(outsider.some((b) => b.id === bodyId)).toBe(false);
  });

  it('makes a new working group its body in the same write', async () => {
    const before = await bodyCount();
    const group = await ok<{ id: string }>(
      call('POST', `/areas/${area.north}/groups`, m.organizer!, { name: 'Tenants union' }),
      201,
    );
    expect(await bodyCount()).toBe(before + 1);
    const row = await sql<{ kind: string }>`
      select kind from bodies where group_id = ${group.id}`.execute(t.ctx.db);
    expect(row.rows).toEqual([{ kind: 'working_group' }]);
  });

  it('shows the roll by name and the area groups to the organizer, nobody else on it', async () => {
    await ok(call('GET', `/bodies/${bodyId}/roll`, m.m1!), 403);
    await ok(call('GET', `/bodies/${bodyId}/roll`, m.outsider!), 403);
    const roll = await ok<{ members: { id: string }[]; groups: { name: string }[] }>(
      call('GET', `/bodies/${bodyId}/roll`, m.organizer!),
    );
    expect(roll.members).toHaveLength(8);
    expect(roll.members.map((x) => x.id)).toContain(m.m1!.id);
    expect(roll.members.map((x) => x.id)).not.toContain(m.outsider!.id);
    expect(roll.groups.map((g) => g.name)).toContain('Tenants union');
  });

  it('lets the area organizers appoint a chair and a secretary from the roll', async () => {
    await ok(write('PUT', `/bodies/${bodyId}/officers`, m.m1!, { chair: m.m1!.id }), 403);
    const bad = await write('PUT', `/bodies/${bodyId}/officers`, m.organizer!, {
      chair: m.outsider!.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('chair');
    const body = await ok<BodyView>(
      write('PUT', `/bodies/${bodyId}/officers`, m.organizer!, {
        chair: m.chair!.id,
        secretary: m.secretary!.id,
      }),
    );
    expect(body.chair?.id).toBe(m.chair!.id);
    expect(body.secretary?.id).toBe(m.secretary!.id);
  });

  let meetingId = '';
  it('schedules a meeting once per request id', async () => {
    const requestId = randomUUID();
    const input = {
      title: 'December assembly',
      startsAt: '2026-12-10T18:00:00Z',
      place: 'Church hall',
      quorum: { members: 4 },
      agenda: [
        { title: 'Report back', minutes: 10 },
        { title: 'Rent strike' },
        { title: 'Next steps' },
      ],
      recurrence: 'weekly',
    };
    await ok(write('POST', `/bodies/${bodyId}/meetings`, m.m1!, input), 403);
    const first = await ok<{ meeting: MeetingSummary }>(
      write('POST', `/bodies/${bodyId}/meetings`, m.chair!, input, requestId),
      201,
    );
    const again = await ok<{ meeting: MeetingSummary }>(
      write('POST', `/bodies/${bodyId}/meetings`, m.chair!, input, requestId),
      201,
    );
    expect(again.meeting.id).toBe(first.meeting.id);
    meetingId = first.meeting.id;
    const list = await ok<MeetingSummary[]>(call('GET', `/bodies/${bodyId}/meetings`, m.m1!));
    expect(list.filter((x) => x.title === 'December assembly')).toHaveLength(1);
    const missing = await write('POST', `/bodies/${bodyId}/meetings`, m.chair!, {
      ...input,
      title: '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('title');
  });

  it('shows nothing of the meeting to a non-member and lets them do nothing (403)', async () => {
    for (const who of [m.outsider!, m.admin!]) {
      expect((await call('GET', `/meetings/${meetingId}`, who)).statusCode).toBe(403);
      expect((await call('GET', `/meetings/${meetingId}/minutes`, who)).statusCode).toBe(403);
      expect((await call('GET', `/bodies/${bodyId}/meetings`, who)).statusCode).toBe(403);
      expect((await call('GET', `/bodies/${bodyId}/decisions`, who)).statusCode).toBe(403);
      expect((await write('POST', `/meetings/${meetingId}/check-in`, who, {})).statusCode).toBe(
        403,
      );
      expect(
        (await write('POST', `/meetings/${meetingId}/speakers`, who, { kind: 'speak' })).statusCode,
      ).toBe(403);
      expect(
        (await write('POST', `/meetings/${meetingId}/motions`, who, { text: 'x' })).statusCode,
      ).toBe(403);
    }
    expect((await write('POST', `/meetings/${meetingId}/open`, m.m1!)).statusCode).toBe(403);
  });

  it('opens, checks members in with the code, counts attendance once, names attendees only to officers', async () => {
    expect(
      (await write('POST', `/meetings/${meetingId}/check-in`, m.m1!, { code: '000000' }))
        .statusCode,
    ).toBe(409);
    await ok(write('POST', `/meetings/${meetingId}/open`, m.chair!));
    const chairView = await meeting(meetingId, m.chair!);
    const code = chairView.officer?.code;
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(chairView.currentItem).toBe(0);
    const wrong = await write('POST', `/meetings/${meetingId}/check-in`, m.m1!, {
      code: code === '000000' ? '000001' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('code');
    const noCode = await write('POST', `/meetings/${meetingId}/check-in`, m.m1!, {});
    expect(noCode.statusCode).toBe(400);
    let last = { attendance: 0, quorate: false };
    const requestIds = new Map<string, string>();
    for (const who of roster()) {
      const requestId = randomUUID();
      requestIds.set(who.id, requestId);
      last = await ok(write('POST', `/meetings/${meetingId}/check-in`, who, { code }, requestId));
    }
    expect(last).toEqual({ attendance: 5, quorate: true, remote: false });
    const repeat = await ok(
      write('POST', `/meetings/${meetingId}/check-in`, m.m1!, { code }, requestIds.get(m.m1!.id)),
    );
    expect(repeat).toMatchObject({ attendance: 2 });
    const view = await meeting(meetingId, m.m1!);
    expect(view.attendance).toBe(5);
    expect(view.quorate).toBe(true);
    expect(view.officer).toBeNull();
    expect(JSON.stringify(view)).not.toContain(code!);
    expect((await meeting(meetingId, m.chair!)).officer?.attendees).toHaveLength(5);
    expect((await meeting(meetingId, m.secretary!)).officer?.attendees).toHaveLength(5);
  });

  it('keeps the speakers list in progressive-stack order', async () => {
    expect(
      (await write('POST', `/meetings/${meetingId}/speakers`, m.m5!, { kind: 'speak' })).statusCode,
    ).toBe(403);
    await ok(write('POST', `/meetings/${meetingId}/speakers`, m.m1!, { kind: 'speak' }), 201);
    await ok(write('POST', `/meetings/${meetingId}/speakers`, m.m2!, { kind: 'speak' }), 201);
    const poo = await ok<{ position: number }>(
      write('POST', `/meetings/${meetingId}/speakers`, m.m3!, { kind: 'point_of_order' }),
      201,
    );
    expect(poo.position).toBe(1);
    let view = await meeting(meetingId, m.m1!);
    expect(view.queue.map((q) => q.member.id)).toEqual([m.m3!.id, m.m1!.id, m.m2!.id]);
    const next = await ok<{ current: { member: { id: string }; seconds: number } }>(
      write('POST', `/meetings/${meetingId}/speakers/next`, m.chair!),
    );
    expect(next.current.member.id).toBe(m.m3!.id);
    expect(next.current.seconds).toBe(120);
    await ok(write('POST', `/meetings/${meetingId}/speakers/next`, m.chair!));
    await ok(write('POST', `/meetings/${meetingId}/speakers`, m.m1!, { kind: 'speak' }), 201);
    await ok(write('POST', `/meetings/${meetingId}/speakers`, m.m4!, { kind: 'speak' }), 201);
    view = await meeting(meetingId, m.m1!);
    expect(view.currentSpeaker?.member.id).toBe(m.m1!.id);
    // m1 spoke once already: m2 and m4 go first.
    expect(view.queue.map((q) => q.member.id)).toEqual([m.m2!.id, m.m4!.id, m.m1!.id]);
    await ok(write('POST', `/meetings/${meetingId}/speakers/order`, m.chair!, { order: 'fifo' }));
    view = await meeting(meetingId, m.m1!);
    expect(view.queue.map((q) => q.member.id)).toEqual([m.m2!.id, m.m1!.id, m.m4!.id]);
    expect(await ok(call('DELETE', `/meetings/${meetingId}/speakers/me`, m.m4!))).toEqual({
      withdrawn: 1,
    });
    expect(await ok(call('DELETE', `/meetings/${meetingId}/speakers/me`, m.m4!))).toEqual({
      withdrawn: 0,
    });
    await ok(write('POST', `/meetings/${meetingId}/agenda/next`, m.chair!));
  });

  it('keeps one waiting request of a kind, also for two taps at once', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        ok<{ id: string }>(
          write('POST', `/meetings/${meetingId}/speakers`, m.m3!, { kind: 'direct_response' }),
          201,
        ),
      ),
    );
    expect(a!.id).toBe(b!.id);
    const view = await meeting(meetingId, m.m1!);
    expect(view.queue.filter((q) => q.member.id === m.m3!.id)).toHaveLength(1);
    expect(await ok(call('DELETE', `/meetings/${meetingId}/speakers/me`, m.m3!))).toEqual({
      withdrawn: 1,
    });
  });

  let motionId = '';
  let amendmentId = '';
  it('moves, seconds and amends; a roll call carries the amendment', async () => {
    const motion = await ok<MotionView>(
      write('POST', `/meetings/${meetingId}/motions`, m.m1!, { text: 'We hold a rally on Friday' }),
      201,
    );
    motionId = motion.id;
    expect(motion.agendaItem).toBe(1);
    expect((await write('POST', `/motions/${motionId}/second`, m.m1!)).statusCode).toBe(403);
    await ok(write('POST', `/motions/${motionId}/second`, m.m2!));
    const amendment = await ok<MotionView>(
      write('POST', `/meetings/${meetingId}/motions`, m.m3!, {
        text: 'We hold a rally on Saturday',
        amends: motionId,
      }),
      201,
    );
    amendmentId = amendment.id;
    expect(amendment.originalText).toBe('We hold a rally on Friday');
    expect(
      (
        await write('POST', `/motions/${amendmentId}/vote`, m.chair!, {
          method: 'roll_call',
          majority: 'simple',
        })
      ).statusCode,
    ).toBe(409);
    await ok(write('POST', `/motions/${amendmentId}/second`, m.m4!));
    expect(
      (
        await write('POST', `/motions/${amendmentId}/vote`, m.m1!, {
          method: 'roll_call',
          majority: 'simple',
        })
      ).statusCode,
    ).toBe(403);
    await ok(
      write('POST', `/motions/${amendmentId}/vote`, m.chair!, {
        method: 'roll_call',
        majority: 'simple',
      }),
    );
    for (const [who, choice] of [
      [m.chair!, 'yes'],
      [m.m1!, 'no'],
      [m.m2!, 'yes'],
      [m.m3!, 'yes'],
    ] as const) {
      await ok(write('POST', `/motions/${amendmentId}/ballots`, who, { choice }));
    }
    const result = await ok<VoteResult>(
      write('POST', `/motions/${amendmentId}/close-vote`, m.chair!),
    );
    expect(result).toEqual({ yes: 3, no: 1, abstain: 0, carried: true, quorate: true });
    const view = await meeting(meetingId, m.m1!);
    expect(view.motions.find((x) => x.id === motionId)?.text).toBe('We hold a rally on Saturday');
  });

  it('replaces a ballot while open, ignores a repeated request, closes to 3–1–1 and then drops open choices', async () => {
    await ok(
      write('POST', `/motions/${motionId}/vote`, m.chair!, { method: 'open', majority: 'simple' }),
    );
    const firstOfM2 = randomUUID();
    await ok(write('POST', `/motions/${motionId}/ballots`, m.m2!, { choice: 'yes' }, firstOfM2));
    expect((await meeting(meetingId, m.m2!)).me.ballots).toEqual([{ motionId, choice: 'yes' }]);
    await ok(write('POST', `/motions/${motionId}/ballots`, m.m2!, { choice: 'no' }));
    // The phone retries its first ballot: nothing changes.
    await ok(write('POST', `/motions/${motionId}/ballots`, m.m2!, { choice: 'yes' }, firstOfM2));
    expect((await meeting(meetingId, m.m2!)).me.ballots).toEqual([{ motionId, choice: 'no' }]);
    for (const [who, choice] of [
      [m.chair!, 'yes'],
      [m.m1!, 'yes'],
      [m.m3!, 'yes'],
      [m.m4!, 'abstain'],
    ] as const) {
      await ok(write('POST', `/motions/${motionId}/ballots`, who, { choice }));
    }
    const live = (await meeting(meetingId, m.m1!)).motions.find((x) => x.id === motionId);
    expect(live?.vote).toMatchObject({ voted: 5, tally: { yes: 3, no: 1, abstain: 1 } });
    const closeId = randomUUID();
    const result = await ok<VoteResult>(
      write('POST', `/motions/${motionId}/close-vote`, m.chair!, {}, closeId),
    );
    expect(result).toEqual({ yes: 3, no: 1, abstain: 1, carried: true, quorate: true });
    expect(
      await ok(write('POST', `/motions/${motionId}/close-vote`, m.chair!, {}, closeId)),
    ).toEqual(result);
    expect((await write('POST', `/motions/${motionId}/close-vote`, m.chair!)).statusCode).toBe(409);
    expect(
      (await write('POST', `/motions/${motionId}/ballots`, m.m1!, { choice: 'no' })).statusCode,
    ).toBe(409);

    // Who chose what in the open vote is gone from every table; that they voted remains.
    const ballots = await t.ctx.db
      .selectFrom('ballots')
      .selectAll()
      .where('motion_id', '=', motionId)
      .execute();
    expect(ballots).toHaveLength(5);
    expect(ballots.every((b) => b.choice === null)).toBe(true);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.ctx.db);
    for (const { table_name } of tables.rows) {
      const rows = await sql<{
        row: string;
      }>`select t::text as row from ${sql.table(table_name)} t`.execute(t.ctx.db);
      for (const { row } of rows.rows) {
        if (!row.includes(motionId)) continue;
        for (const who of roster()) {
          // A row naming both this motion and a voter holds no choice.
          // (a choice as a column or a JSON value; "no" as a tally's key is not one).
          if (row.includes(who.id)) {
            expect(row, table_name).not.toMatch(/choice|[(,:]\s*"*(yes|no|abstain)"*\s*[,)}]/);
          }
        }
      }
    }
    const view = await meeting(meetingId, m.m2!);
    expect(view.me.ballots).toEqual([]);
    expect(view.motions.find((x) => x.id === motionId)?.result).toEqual(result);
  });

  it('records the decision with action items, and writes minutes with roll-call names only', async () => {
    const decisions = await ok<DecisionView[]>(call('GET', `/bodies/${bodyId}/decisions`, m.m5!));
    const decision = decisions.find((d) => d.motionId === motionId);
    expect(decision?.text).toBe('We hold a rally on Saturday');
    expect(decisions.some((d) => d.motionId === amendmentId)).toBe(false);
    expect(
      await ok<DecisionView[]>(call('GET', `/bodies/${bodyId}/decisions?q=saturday`, m.m5!)),
    ).toHaveLength(1);
    expect(
      await ok<DecisionView[]>(call('GET', `/bodies/${bodyId}/decisions?q=picnic`, m.m5!)),
    ).toHaveLength(0);
    expect(
      (
        await write('POST', `/decisions/${decision!.id}/action-items`, m.m1!, {
          text: 'Book the park',
        })
      ).statusCode,
    ).toBe(403);
    const item = await ok<{ id: string; status: string }>(
      write('POST', `/decisions/${decision!.id}/action-items`, m.secretary!, {
        text: 'Book the park',
        owner: { memberId: m.m3!.id },
        due: '2026-12-12',
      }),
      201,
    );
    expect(
      await ok(write('PUT', `/action-items/${item.id}/status`, m.m3!, { status: 'done' })),
    ).toMatchObject({ status: 'done' });
    const minutes = await ok<MinutesView>(call('GET', `/meetings/${meetingId}/minutes`, m.m5!));
    expect(minutes.approved).toBe(false);
    expect(minutes.markdown).toContain('Attendance: 5');
    expect(minutes.markdown).toContain('~~Friday~~ **Saturday**');
    expect(minutes.markdown).toContain('3 yes, 1 no, 1 abstain');
    expect(minutes.markdown).toContain('Book the park');
    expect(minutes.markdown).toContain(`| ${m.m1!.handle} | no |`);
    expect(minutes.markdown).toContain(`| ${m.m2!.handle} | yes |`);
    // Only the roll call names voters: the open vote's table would have had m4 abstaining.
    expect(minutes.markdown).not.toContain(`| ${m.m4!.handle} |`);
  });

  it('closes the meeting: 409 for acting on it, the next one scheduled, minutes edited and approved', async () => {
    await ok(write('POST', `/meetings/${meetingId}/close`, m.chair!));
    const code = '123456';
    expect(
      (await write('POST', `/meetings/${meetingId}/check-in`, m.m5!, { code })).statusCode,
    ).toBe(409);
    expect(
      (await write('POST', `/meetings/${meetingId}/speakers`, m.m1!, { kind: 'speak' })).statusCode,
    ).toBe(409);
    expect(
      (await write('POST', `/meetings/${meetingId}/motions`, m.m1!, { text: 'late' })).statusCode,
    ).toBe(409);
    expect((await write('POST', `/meetings/${meetingId}/close`, m.chair!)).statusCode).toBe(409);
    const list = await ok<MeetingSummary[]>(call('GET', `/bodies/${bodyId}/meetings`, m.m1!));
    const next = list.find((x) => x.previousId === meetingId);
    expect(next?.startsAt).toBe('2026-12-17T18:00:00.000Z');
    expect(next?.state).toBe('scheduled');
    expect(
      (await write('PUT', `/meetings/${meetingId}/minutes`, m.m1!, { markdown: '# x' })).statusCode,
    ).toBe(403);
    const edited = await ok<MinutesView>(
      write('PUT', `/meetings/${meetingId}/minutes`, m.secretary!, {
        markdown: '# Minutes\n\nEdited.',
      }),
    );
    expect(edited).toMatchObject({ edited: true, approved: false });
    await ok(write('POST', `/meetings/${next!.id}/open`, m.chair!));
    const approved = await ok<MinutesView>(
      write('POST', `/meetings/${meetingId}/minutes/approve`, m.chair!, { atMeetingId: next!.id }),
    );
    expect(approved).toMatchObject({
      approved: true,
      approvedBy: next!.id,
      markdown: '# Minutes\n\nEdited.',
    });
    expect(
      (await write('PUT', `/meetings/${meetingId}/minutes`, m.secretary!, { markdown: 'again' }))
        .statusCode,
    ).toBe(409);
    await ok(write('POST', `/meetings/${next!.id}/close`, m.chair!));
  });

  it('the retention sweep forgets request ids after 48 hours, of a meeting never closed too', async () => {
    // An open meeting that never closes: its check-in's request id is kept for 48 hours only.
    const { meeting: open } = await ok<{ meeting: MeetingSummary }>(
      write('POST', `/bodies/${bodyId}/meetings`, m.chair!, {
        title: 'Never closed',
        startsAt: '2026-12-24T18:00:00Z',
        remote: true,
        agenda: [],
      }),
      201,
    );
    await ok(write('POST', `/meetings/${open.id}/open`, m.chair!));
    const checkInId = randomUUID();
    const checkIn = () => write('POST', `/meetings/${open.id}/check-in`, m.m3!, {}, checkInId);
    const first = await ok<{ attendance: number }>(checkIn());
    const now = t.ctx.clock.now().getTime();
    const hours = (n: number) => new Date(now - n * 3_600_000);
    const old = (age: Date) => ({
      request_id: randomUUID(),
      member_id: m.m1!.id,
      operation: 'old',
      status: 200,
      response: '{}',
      created_at: age,
    });
    const dayOld = old(hours(24));
    const almost = old(hours(47.9));
    const past = old(hours(48.1));
    await t.ctx.db.insertInto('organizing_requests').values([dayOld, almost, past]).execute();
    await t.ctx.db
      .updateTable('organizing_requests')
      .set({ created_at: hours(49) })
      .where('request_id', '=', checkInId)
      .execute();
    const kept = () =>
      t.ctx.db
        .selectFrom('organizing_requests')
        .select('request_id')
        .where(
          'request_id',
          'in',
          [dayOld, almost, past].map((r) => r.request_id).concat(checkInId),
        )
        .execute()
        .then((rows) => rows.map((r) => r.request_id).sort());
    expect(await kept()).toHaveLength(4);
    const sweep = await runOrganizingSweep(t.ctx);
    expect(sweep.requests).toBe(2);
    expect(await kept()).toEqual([dayOld.request_id, almost.request_id].sort());
    // A retry after that runs as a new request: a check-in counts once anyway.
    const again = await ok<{ attendance: number }>(checkIn());
    expect(again.attendance).toBe(first.attendance);
    expect((await runOrganizingSweep(t.ctx)).requests).toBe(0);
  });

  it('records a vote of an inquorate meeting as not valid', async () => {
    const { meeting: small } = await ok<{ meeting: MeetingSummary }>(
      write('POST', `/bodies/${bodyId}/meetings`, m.secretary!, {
        title: 'Small meeting',
        startsAt: '2026-12-20T18:00:00Z',
        remote: true,
        quorum: { percent: 50 },
        agenda: [],
      }),
      201,
    );
    await ok(write('POST', `/meetings/${small.id}/open`, m.chair!));
    const remote = await ok(write('POST', `/meetings/${small.id}/check-in`, m.m1!, {}));
    expect(remote).toEqual({ attendance: 1, quorate: false, remote: true });
    await ok(write('POST', `/meetings/${small.id}/check-in`, m.m2!, {}));
    const motion = await ok<MotionView>(
      write('POST', `/meetings/${small.id}/motions`, m.m1!, { text: 'Paint the banner' }),
      201,
    );
    await ok(write('POST', `/motions/${motion.id}/second`, m.m2!));
    await ok(
      write('POST', `/motions/${motion.id}/vote`, m.chair!, {
        method: 'open',
        majority: 'consensus_minus_one',
      }),
    );
    await ok(write('POST', `/motions/${motion.id}/ballots`, m.m1!, { choice: 'yes' }));
    await ok(write('POST', `/motions/${motion.id}/ballots`, m.m2!, { choice: 'yes' }));
    const result = await ok<VoteResult>(
      write('POST', `/motions/${motion.id}/close-vote`, m.chair!),
    );
    expect(result).toEqual({ yes: 2, no: 0, abstain: 0, carried: false, quorate: false });
    const view = await meeting(small.id, m.m1!);
    expect(view.motions[0]?.state).toBe('invalid');
    const decisions = await ok<DecisionView[]>(call('GET', `/bodies/${bodyId}/decisions`, m.m1!));
    expect(decisions.some((d) => d.motionId === motion.id)).toBe(false);
  });

  it('refuses a request id reused for another operation', async () => {
    const requestId = randomUUID();
    await ok(
      write(
        'POST',
        `/bodies/${bodyId}/meetings`,
        m.chair!,
        {
          title: 'Reuse',
          startsAt: '2026-12-30T18:00:00Z',
          agenda: [],
        },
        requestId,
      ),
      201,
    );
    const reused = await write(
      'PUT',
      `/bodies/${bodyId}/officers`,
      m.organizer!,
      { secondingRequired: false },
      requestId,
    );
    expect(reused.statusCode).toBe(409);
  });

  it('schedules the next of a series on the city clocks (America/Chicago), across DST and short months', async () => {
    const series = async (startsAt: string, recurrence: string) =>
      (
        await ok<{ meeting: MeetingSummary }>(
          write('POST', `/bodies/${bodyId}/meetings`, m.chair!, {
            title: `Series ${recurrence}`,
            startsAt,
            agenda: [],
            recurrence,
          }),
          201,
        )
      ).meeting.id;
    const closeAndNext = async (id: string) => {
      await ok(write('POST', `/meetings/${id}/open`, m.chair!));
      await ok(write('POST', `/meetings/${id}/close`, m.chair!));
      const list = await ok<MeetingSummary[]>(call('GET', `/bodies/${bodyId}/meetings`, m.m1!));
      const next = list.find((x) => x.previousId === id);
      expect(next).toBeDefined();
      return next!;
    };
    // 19:00 CST on Wednesday 10 March 2027; clocks go forward on the 14th: 19:00 CDT on the 17th.
    const weekly = await closeAndNext(await series('2027-03-11T01:00:00Z', 'weekly'));
    expect(weekly.startsAt).toBe('2027-03-18T00:00:00.000Z');
    // 19:00 on 31 January 2027 (local) → 28 February → 31 March (the series keeps its day).
    const feb = await closeAndNext(await series('2027-02-01T01:00:00Z', 'monthly'));
    expect(feb.startsAt).toBe('2027-03-01T01:00:00.000Z');
    const mar = await closeAndNext(feb.id);
    expect(mar.startsAt).toBe('2027-04-01T00:00:00.000Z');
  });
});
