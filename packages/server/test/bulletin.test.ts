import { randomUUID } from 'node:crypto';
import type { BulletinView, DigestView, EventView, PostView } from '@tocsin/core';
import { cellCenter, coarseCell } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { ManualClock } from '../src/platform/clock';
import { loadMinneapolis, POWDERHORN } from './helpers/city';
import { buildMember, type BuiltMember } from './helpers/factories';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  type TestContext,
} from './helpers/harness';

const MIN = 60_000;
const HOUR = 60 * MIN;

describeEachDatabase('bulletin and events', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let clock: ManualClock;
  const ids = { city: '', powderhorn: '', other: '' };
  const body = { powderhorn: '', cityInfo: '', powderhornInfo: '' };
  const m = {} as Record<
    'infoA' | 'infoB' | 'organizer' | 'reader' | 'r1' | 'r2' | 'r3' | 'outsider',
    BuiltMember
  >;

  type Method = 'GET' | 'POST' | 'PUT';
  const call = (
    method: Method,
    url: string,
    who: BuiltMember | null | undefined,
    payload?: object,
  ) =>
    app.inject({
      method,
      url: url.startsWith('/e/') ? url : `/api/v1${url}`,
      headers: who?.auth ?? {},
      ...(payload ? { payload } : {}),
    });
  const ok = async <T>(response: ReturnType<typeof call>, status = 200): Promise<T> => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };
  const pushesOf = async (who: BuiltMember, kindOf: 'posts' | 'digest' | 'reminder') =>
    Number(
      (
        await t.ctx.db
          .selectFrom('bulletin_pushes')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('member_id', '=', who.id)
          .where('kind', '=', kindOf)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const groupBody = async (areaId: string) => {
    const row = await t.ctx.db
      .selectFrom('bodies as b')
      .innerJoin('working_groups as g', 'g.id', 'b.group_id')
      .select('b.id')
      .where('g.area_id', '=', areaId)
      .where('g.slug', '=', 'information-events')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const joinGroup = async (areaId: string, who: BuiltMember) => {
    const group = await t.ctx.db
      .selectFrom('working_groups')
      .select('id')
      .where('area_id', '=', areaId)
      .where('slug', '=', 'information-events')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('working_group_members')
      .values({ group_id: group.id, member_id: who.id, joined_at: clock.now() })
      .execute();
  };
  /** Waits until this node's bulletin has handled every post.published so far. */
  const settled = async (count: number) => {
    await eventually(
      () => expect(app.bulletinJobs.publishedHandled).toBeGreaterThanOrEqual(count),
      30_000,
    );
  };
  const published = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('bulletin_posts')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('status', '=', 'published')
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestContext({ kind, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    clock = t.clock as ManualClock;
    // Noon in Minneapolis on a Saturday: outside the default quiet hours.
    clock.set('2026-12-05T18:00:00Z');
    app = await createApp(t.ctx);
    await app.ready();
    t.ctx.relay.start();
    const { cityId, powderhornId } = await loadMinneapolis(t.ctx);
    ids.city = cityId;
    ids.powderhorn = powderhornId;
    const areas = await t.ctx.areas.get();
    ids.other = areas.all.find((a) => a.slug === 'cedar-riverside')?.id ?? '';
    body.powderhorn = (
      await t.ctx.db
        .selectFrom('bodies')
        .select('id')
        .where('area_id', '=', powderhornId)
        .executeTakeFirstOrThrow()
    ).id;
    body.cityInfo = await groupBody(cityId);
    body.powderhornInfo = await groupBody(powderhornId);
    const at = (areaId: string, role: 'member' | 'organizer' | 'admin' = 'member') =>
      buildMember(t.ctx, { roles: [{ areaId, role }] });
    m.infoA = await at(cityId);
    m.infoB = await at(cityId);
    await joinGroup(cityId, m.infoA);
    await joinGroup(cityId, m.infoB);
    m.organizer = await at(powderhornId, 'organizer');
    m.reader = await at(powderhornId);
    m.r1 = await at(powderhornId);
    m.r2 = await at(powderhornId);
    m.r3 = await at(powderhornId);
    m.outsider = await at(ids.other);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('publishes an Info & Events city post only when a second person approves it, once in each bulletin', async () => {
    const post = await ok<PostView>(
      call('POST', `/bodies/${body.cityInfo}/posts`, m.infoA, {
        kind: 'announcement',
        title: 'Citywide assembly on Sunday',
        text: 'Bring a neighbor.',
      }),
      201,
    );
    expect(post).toMatchObject({ status: 'pending', audience: 'city', publishedAt: null });
    const before = await ok<BulletinView>(call('GET', '/me/bulletin', m.reader));
    expect(before.items.map((p) => p.id)).not.toContain(post.id);
    // The pending post is for approvers only.
    expect(
      (await ok<PostView[]>(call('GET', '/posts/pending', m.infoB))).map((p) => p.id),
    ).toContain(post.id);
    expect(
      (await ok<PostView[]>(call('GET', '/posts/pending', m.reader))).map((p) => p.id),
    ).not.toContain(post.id);
    expect((await call('POST', `/posts/${post.id}/approve`, m.reader)).statusCode).toBe(404);
    const self = await call('POST', `/posts/${post.id}/approve`, m.infoA);
    expect(self.statusCode).toBe(403);
    expect(self.json<{ error: { code: string } }>().error.code).toBe('second_person');
    const approved = await ok<PostView>(call('POST', `/posts/${post.id}/approve`, m.infoB));
    expect(approved.status).toBe('published');
    expect((await call('POST', `/posts/${post.id}/approve`, m.infoB)).statusCode).toBe(409);
    for (const who of [m.reader, m.outsider]) {
      const feed = await ok<BulletinView>(call('GET', '/me/bulletin', who));
      expect(feed.items.filter((p) => p.id === post.id)).toHaveLength(1);
    }
    // Only officers or Info & Events post for a body.
    expect(
      (
        await call('POST', `/bodies/${body.powderhorn}/posts`, m.reader, {
          kind: 'need',
          title: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const bad = await call('POST', `/bodies/${body.powderhorn}/posts`, m.organizer, {
      kind: 'gossip',
      title: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/kind/);
  });

  it('keeps an area post to its area, hides a muted body, and lets a follower in', async () => {
    const post = await ok<PostView>(
      call('POST', `/bodies/${body.powderhorn}/posts`, m.organizer, {
        kind: 'need',
        title: 'Drivers for Tuesday',
        pinned: true,
      }),
      201,
    );
    expect(post).toMatchObject({ status: 'published', audience: 'area', pinned: true });
    const feed = await ok<BulletinView>(call('GET', '/me/bulletin', m.reader));
    expect(feed.pinned.map((p) => p.id)).toEqual([post.id]);
    expect(feed.items.map((p) => p.id)).not.toContain(post.id);
    const outside = await ok<BulletinView>(call('GET', '/me/bulletin', m.outsider));
    expect([...outside.pinned, ...outside.items].map((p) => p.id)).not.toContain(post.id);
    await ok(call('PUT', `/bodies/${body.powderhorn}/follow`, m.outsider, { state: 'follow' }));
    const following = await ok<BulletinView>(call('GET', '/me/bulletin', m.outsider));
    expect(following.pinned.map((p) => p.id)).toContain(post.id);
    await ok(call('PUT', `/bodies/${body.powderhorn}/follow`, m.r3, { state: 'mute' }));
    const muted = await ok<BulletinView>(call('GET', '/me/bulletin', m.r3));
    expect([...muted.pinned, ...muted.items].map((p) => p.body.id)).not.toContain(body.powderhorn);
    await ok(call('PUT', `/bodies/${body.powderhorn}/follow`, m.r3, { state: 'default' }));
    await ok(call('PUT', `/bodies/${body.powderhorn}/follow`, m.outsider, { state: 'default' }));
  });

  it('gives a member at most 3 pushes for a flood of 200 posts in 10 minutes, and none in quiet hours', async () => {
    await settled(await published());
    const start = clock.now().getTime() + HOUR;
    clock.set(new Date(start));
    const pushesBefore = await pushesOf(m.reader, 'posts');
    const quietBefore = await pushesOf(m.r2, 'posts');
    // The quiet member's quiet hours cover the whole flood and the hour after it.
    await ok(
      call('PUT', '/me/digest', m.r2, {
        time: '19:00',
        quietHours: { start: '11:00', end: '15:00' },
      }),
    );
    await joinGroup(ids.powderhorn, m.r1);
    for (let i = 0; i < 200; i++) {
      clock.set(new Date(start + i * 3_000));
      const [who, bodyId] =
        i % 2 === 0 ? [m.organizer, body.powderhorn] : [m.r1, body.powderhornInfo];
      await ok(
        call('POST', `/bodies/${bodyId}/posts`, who, {
          kind: 'announcement',
          title: `Update ${i}`,
        }),
        201,
      );
    }
    await settled(await published());
    for (let minute = 10; minute <= 120; minute++) {
      clock.set(new Date(start + minute * MIN));
      await app.bulletinJobs.tick();
    }
    const got = (await pushesOf(m.reader, 'posts')) - pushesBefore;
    expect(got).toBeGreaterThanOrEqual(1);
    expect(got).toBeLessThanOrEqual(3);
    expect(await pushesOf(m.r2, 'posts')).toBe(quietBefore);
    // The feed still shows every post, once.
    const feed = await ok<BulletinView>(call('GET', '/me/bulletin?limit=100', m.reader));
    expect(new Set(feed.items.map((p) => p.id)).size).toBe(100);
    expect(feed.next).not.toBeNull();
  }, 120_000);

  let eventId = '';
  it('runs an event: two roles, RSVPs of three members, fewer than 5 to members and 3 to the organizer', async () => {
    const tomorrow = new Date(clock.now().getTime() + 24 * HOUR + 3 * HOUR);
    const negative = await call('POST', `/bodies/${body.powderhorn}/events`, m.organizer, {
      title: 'March',
      startsAt: tomorrow.toISOString(),
      endsAt: new Date(tomorrow.getTime() + 2 * HOUR).toISOString(),
      place: '3100 Bloomington Ave, at the door',
      roles: [{ role: 'marshal', needed: -1 }],
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toMatch(/roles\.0\.needed/);
    const event = await ok<EventView>(
      call('POST', `/bodies/${body.powderhorn}/events`, m.organizer, {
        title: 'March for housing',
        description: 'We walk together.',
        startsAt: tomorrow.toISOString(),
        endsAt: new Date(tomorrow.getTime() + 2 * HOUR).toISOString(),
        place: '3100 Bloomington Ave, at the door',
        publicPlace: 'Powderhorn Park',
        point: POWDERHORN,
        visibility: 'public',
        roles: [
          { role: 'marshal', needed: 4 },
          { role: 'medic', needed: 2 },
        ],
      }),
      201,
    );
    eventId = event.id;
    expect(event.point).toEqual(cellCenter(coarseCell(POWDERHORN.lat, POWDERHORN.lng)));
    expect(event.publicUrl).toMatch(/\/e\/[A-Za-z0-9_-]{22}$/);
    await ok(
      call('PUT', `/events/${eventId}/rsvp`, m.r1, {
        answer: 'going',
        role: 'marshal',
        listed: true,
      }),
    );
    await ok(call('PUT', `/events/${eventId}/rsvp`, m.r2, { answer: 'going', role: 'medic' }));
    const mine = await ok<EventView>(
      call('PUT', `/events/${eventId}/rsvp`, m.r3, { answer: 'going' }),
    );
    expect(mine.going).toEqual({ kind: 'fewer_than', n: 5 });
    expect(mine.roles.every((r) => r.signedUp.kind === 'fewer_than' && r.listed.length === 0)).toBe(
      true,
    );
    const organizer = await ok<EventView>(call('GET', `/events/${eventId}`, m.organizer));
    expect(organizer.going).toEqual({ kind: 'exact', n: 3 });
    expect(organizer.roles).toEqual([
      {
        role: 'marshal',
        needed: 4,
        signedUp: { kind: 'exact', n: 1 },
        listed: [{ id: m.r1.id, name: m.r1.handle }],
      },
      { role: 'medic', needed: 2, signedUp: { kind: 'exact', n: 1 }, listed: [] },
    ]);
    const unknownRole = await call('PUT', `/events/${eventId}/rsvp`, m.r3, {
      answer: 'going',
      role: 'pilot',
    });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.body).toMatch(/role/);
    expect((await call('GET', `/events/${eventId}`, m.outsider)).statusCode).toBe(200);
    const list = await ok<{ id: string }[]>(
      call('GET', `/events?bodyId=${body.powderhorn}`, m.reader),
    );
    expect(list.map((e) => e.id)).toContain(eventId);
  });

  it('lists the day in the digest: confirmed incidents, the posts, tomorrow’s event; pushed once at 19:00', async () => {
    await settled(await published());
    await t.ctx.db
      .insertInto('incidents')
      .values(
        [0, 1].map(() => ({
          id: randomUUID(),
          state: 'confirmed' as const,
          area_id: ids.powderhorn,
          lat: POWDERHORN.lat,
          lng: POWDERHORN.lng,
          coarse_cell: coarseCell(POWDERHORN.lat, POWDERHORN.lng),
          activity: 'secret words that must not leak',
          day: '2026-12-05',
          first_report_at: clock.now(),
          last_report_at: clock.now(),
          last_activity_at: clock.now(),
          confirmed_at: clock.now(),
        })),
      )
      .execute();
    const digest = await ok<DigestView>(call('GET', '/me/digest', m.reader));
    expect(digest.day).toBe('2026-12-05');
    expect(digest.incidents).toEqual([
      { areaId: ids.powderhorn, areaName: 'Powderhorn Park', confirmed: 2 },
    ]);
    expect(JSON.stringify(digest)).not.toMatch(/secret words/);
    // The flood fills the reader's announcements (capped, newest first); the count says it all.
    expect(digest.counts.posts).toBeGreaterThanOrEqual(200);
    expect(digest.eventsTomorrow.map((e) => e.id)).toEqual([eventId]);
    expect(digest.needs.map((p) => p.title)).toContain('Drivers for Tuesday');
    // The outsider's digest has none of Powderhorn's incidents.
    const outsider = await ok<DigestView>(call('GET', '/me/digest', m.outsider));
    expect(outsider.incidents).toEqual([]);
    expect(outsider.announcements.map((p) => p.title)).toEqual(['Citywide assembly on Sunday']);

    await t.ctx.db
      .insertInto('push_subscriptions')
      .values({
        id: randomUUID(),
        member_id: m.reader.id,
        endpoint: 'https://push.invalid/one',
        p256dh: 'x',
        auth: 'y',
        created_at: clock.now(),
      })
      .execute();
    clock.set('2026-12-06T00:59:00Z'); // 18:59 in Minneapolis
    await app.bulletinJobs.tick();
    expect(await pushesOf(m.reader, 'digest')).toBe(0);
    clock.set('2026-12-06T01:00:00Z'); // 19:00
    await app.bulletinJobs.tick();
    clock.set('2026-12-06T01:30:00Z');
    await app.bulletinJobs.tick();
    expect(await pushesOf(m.reader, 'digest')).toBe(1);
  });

  it('reminds those going 24 h and 1 h before, once each', async () => {
    const event = await ok<EventView>(call('GET', `/events/${eventId}`, m.organizer));
    const start = Date.parse(event.startsAt);
    // The digest test's ticks may already fall in the day-before window: start afresh.
    await t.ctx.db
      .updateTable('events')
      .set({ reminders_sent: [] })
      .where('id', '=', eventId)
      .execute();
    const who = [m.r1, m.r2, m.r3, m.reader];
    const base = await Promise.all(who.map((w) => pushesOf(w, 'reminder')));
    const reminders = async () =>
      (await Promise.all(who.map((w) => pushesOf(w, 'reminder')))).map((n, i) => n - base[i]!);
    clock.set(new Date(start - 25 * HOUR));
    await app.bulletinJobs.tick();
    expect(await reminders()).toEqual([0, 0, 0, 0]);
    clock.set(new Date(start - 24 * HOUR));
    await app.bulletinJobs.tick();
    clock.set(new Date(start - 23 * HOUR));
    await app.bulletinJobs.tick();
    expect(await reminders()).toEqual([1, 1, 1, 0]);
    clock.set(new Date(start - HOUR));
    await app.bulletinJobs.tick();
    clock.set(new Date(start - HOUR / 2));
    await app.bulletinJobs.tick();
    expect(await reminders()).toEqual([2, 2, 2, 0]);
    // Check-in opens two hours before the start.
    const here = await ok<EventView>(call('POST', `/events/${eventId}/check-in`, m.r1));
    expect(here.myCheckedIn).toBe(true);
  });

  it('serves calendars that parse, hold the event and no attendee, with rotatable keys', async () => {
    const { url } = await ok<{ url: string }>(call('GET', '/me/calendar', m.r1));
    const path = url.slice(url.indexOf('/api/v1'));
    const feed = await app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(feed.body) as unknown[]);
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('summary'))).toContain('March for housing');
    expect(feed.body).not.toMatch(/ATTENDEE|ORGANIZER/);
    for (const who of Object.values(m)) expect(feed.body).not.toContain(who.handle);
    expect(feed.body).not.toContain('3100 Bloomington');
    const body = await app.inject({
      method: 'GET',
      url: `/api/v1/bodies/${body_.powderhorn()}/calendar.ics?${path.split('?')[1]}`,
    });
    expect(body.statusCode).toBe(200);
    expect(body.body).toContain('March for housing');
    const rotated = await ok<{ url: string }>(call('POST', '/me/calendar/rotate', m.r1));
    expect(rotated.url).not.toBe(url);
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: rotated.url.slice(rotated.url.indexOf('/api/v1')) }))
        .statusCode,
    ).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me/calendar.ics?key=nope' })).statusCode,
    ).toBe(404);
    // GET /me carries the current URL: the rotated one now, the same on every ask.
    const me = await ok<{ calendarUrl: string }>(call('GET', '/me', m.r1));
    expect(me.calendarUrl).toBe(rotated.url);
    expect((await ok<{ calendarUrl: string }>(call('GET', '/me', m.r1))).calendarUrl).toBe(
      rotated.url,
    );
  });

  it('shows the public page with the public fields and nothing about who is coming', async () => {
    const event = await ok<EventView>(call('GET', `/events/${eventId}`, m.r1));
    const page = await app.inject({
      method: 'GET',
      url: new URL(event.publicUrl!, 'http://x').pathname,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('March for housing');
    expect(page.body).toContain('Powderhorn Park');
    expect(page.body).not.toContain('3100 Bloomington');
    expect(page.body).not.toMatch(/going|fewer than|attend/i);
    for (const who of Object.values(m)) expect(page.body).not.toContain(who.handle);
    expect((await app.inject({ method: 'GET', url: '/e/unknown-slug' })).statusCode).toBe(404);
  });

  it('refuses an RSVP to an event that is over (409)', async () => {
    const event = await ok<EventView>(call('GET', `/events/${eventId}`, m.r1));
    clock.set(new Date(Date.parse(event.endsAt) + MIN));
    const late = await call('PUT', `/events/${eventId}/rsvp`, m.r1, { answer: 'no' });
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('event_past');
  });

  it('posts what Tocsin knows: the event, and a daily count of confirmed incidents per area', async () => {
    await app.bulletinJobs.tick();
    await settled(await published());
    const rows = await t.ctx.db
      .selectFrom('bulletin_posts')
      .select(['auto_type', 'auto_count', 'title', 'text'])
      .where('auto_type', 'is not', null)
      .execute();
    expect(rows.filter((r) => r.auto_type === 'event_announced')).toHaveLength(1);
    const summary = rows.filter((r) => r.auto_type === 'incidents_summary');
    expect(summary).toEqual([
      { auto_type: 'incidents_summary', auto_count: 2, title: 'Powderhorn Park', text: '' },
    ]);
    await app.bulletinJobs.tick();
    expect(
      (
        await t.ctx.db
          .selectFrom('bulletin_posts')
          .select('id')
          .where('auto_type', '=', 'incidents_summary')
          .execute()
      ).length,
    ).toBe(1);
  });

  const body_ = { powderhorn: () => body.powderhorn };
});
