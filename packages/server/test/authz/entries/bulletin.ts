import { randomUUID } from 'node:crypto';
import { calendarUrl } from '../../../src/organizing/events/calendar';
import { buildMember } from '../../helpers/factories';
import { everyMember, everyone, type MatrixEntry, type Persona, type World } from '../types';

// Bulletin and events. "This area"'s body has no chair, so its organizer (on the roll) publishes
// for it; the roll (probation to organizer) reads its posts and members-only events; the other
// area's organizer and the city admin are not in Powderhorn (404 for its members-only things).
// A city-wide post waits for a second person of the city's Info & Events group or a city
// organizer: the admin approves it; nobody else even sees it (404).

const area = (status: number) => everyMember(status, { otherOrganizer: 404, admin: 404 });

async function bodyOf(world: World): Promise<string> {
  const row = await world.ctx.db
    .selectFrom('bodies')
    .select('id')
    .where('area_id', '=', world.area.id)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function cityInfoBody(world: World): Promise<string> {
  const row = await world.ctx.db
    .selectFrom('bodies as b')
    .innerJoin('working_groups as g', 'g.id', 'b.group_id')
    .select('b.id')
    .where('g.area_id', '=', world.cityId)
    .where('g.slug', '=', 'information-events')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function buildPost(
  world: World,
  status: 'pending' | 'published',
  bodyId: string,
  audience: { kind: 'city' | 'area'; areaId: string },
): Promise<string> {
  const author = await buildMember(world.ctx, {
    roles: [{ areaId: world.cityId, role: 'member' }],
  });
  const id = randomUUID();
  const now = world.ctx.clock.now();
  await world.ctx.db
    .insertInto('bulletin_posts')
    .values({
      id,
      body_id: bodyId,
      kind: 'announcement',
      title: 'Assembly',
      text: '',
      audience: audience.kind,
      area_id: audience.areaId,
      status,
      author_id: author.id,
      created_at: now,
      published_at: status === 'published' ? now : null,
    })
    .execute();
  return id;
}

async function buildEvent(
  world: World,
  options: { visibility?: 'members' | 'public'; startsInMs?: number } = {},
): Promise<string> {
  const id = randomUUID();
  const now = world.ctx.clock.now().getTime();
  const start = now + (options.startsInMs ?? 86_400_000);
  await world.ctx.db
    .insertInto('events')
    .values({
      id,
      body_id: await bodyOf(world),
      title: 'Day of action',
      description: '',
      starts_at: new Date(start),
      ends_at: new Date(start + 7_200_000),
      place: 'The corner',
      public_place: 'Powderhorn Park',
      cell: null,
      visibility: options.visibility ?? 'members',
      slug: randomUUID(),
      created_by: null,
      created_at: new Date(now),
    })
    .execute();
  await world.ctx.db
    .insertInto('event_roles')
    .values({ event_id: id, role: 'marshal', needed: 2, position: 0 })
    .execute();
  return id;
}

async function keyOf(world: World, persona: Persona): Promise<string> {
  if (persona === 'anonymous') return 'not-a-key';
  const { url } = await calendarUrl(world.ctx, {
    memberId: world.members[persona].id,
    status: 'active',
    sponsorId: null,
    roles: [],
  });
  return new URL(url, 'http://x').searchParams.get('key') ?? '';
}

const organizerOnly = (status: number) =>
  everyMember(403, { organizer: status, otherOrganizer: 403, admin: 403 });

export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/me/bulletin',
    request: () => Promise.resolve({ url: '/api/v1/me/bulletin?limit=5' }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/bodies/:bodyId/posts',
    request: async (world) => ({
      url: `/api/v1/bodies/${await bodyOf(world)}/posts`,
      payload: { kind: 'need', title: 'Drivers wanted' },
    }),
    expect: organizerOnly(201),
  },
  {
    method: 'GET',
    url: '/api/v1/posts/pending',
    request: () => Promise.resolve({ url: '/api/v1/posts/pending' }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/posts/:id/approve',
    request: async (world) => ({
      url: `/api/v1/posts/${await buildPost(world, 'pending', await cityInfoBody(world), { kind: 'city', areaId: world.cityId })}/approve`,
    }),
    expect: everyMember(404, { admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/posts/:id/withdraw',
    request: async (world) => ({
      url: `/api/v1/posts/${await buildPost(world, 'published', await bodyOf(world), { kind: 'area', areaId: world.area.id })}/withdraw`,
    }),
    expect: everyMember(403, { organizer: 200, otherOrganizer: 404, admin: 404 }),
  },
  {
    method: 'PUT',
    url: '/api/v1/bodies/:bodyId/follow',
    request: async (world) => ({
      url: `/api/v1/bodies/${await bodyOf(world)}/follow`,
      // Mute, not follow: a follower outside the area would see its members' events, and the
      // cases below are about the area's own members.
      payload: { state: 'mute' },
    }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/me/digest',
    request: () => Promise.resolve({ url: '/api/v1/me/digest' }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/me/digest/settings',
    request: () => Promise.resolve({ url: '/api/v1/me/digest/settings' }),
    expect: everyMember(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/me/digest',
    request: () =>
      Promise.resolve({
        url: '/api/v1/me/digest',
        payload: { time: '19:00', quietHours: { start: '22:00', end: '07:00' } },
      }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/bodies/:bodyId/events',
    request: async (world) => {
      const start = world.ctx.clock.now().getTime() + 86_400_000;
      return {
        url: `/api/v1/bodies/${await bodyOf(world)}/events`,
        payload: {
          title: 'Day of action',
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 3_600_000).toISOString(),
          place: 'The corner',
          roles: [{ role: 'marshal', needed: 2 }],
        },
      };
    },
    expect: organizerOnly(201),
  },
  {
    method: 'GET',
    url: '/api/v1/events',
    request: () => Promise.resolve({ url: '/api/v1/events' }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/events/:id',
    case: 'members only',
    request: async (world) => ({ url: `/api/v1/events/${await buildEvent(world)}` }),
    expect: area(200),
  },
  {
    method: 'GET',
    url: '/api/v1/events/:id',
    case: 'public',
    request: async (world) => ({
      url: `/api/v1/events/${await buildEvent(world, { visibility: 'public' })}`,
    }),
    expect: everyMember(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/events/:id/rsvp',
    request: async (world) => ({
      url: `/api/v1/events/${await buildEvent(world)}/rsvp`,
      payload: { answer: 'going', role: 'marshal' },
    }),
    expect: area(200),
  },
  {
    method: 'POST',
    url: '/api/v1/events/:id/check-in',
    request: async (world) => ({
      url: `/api/v1/events/${await buildEvent(world, { startsInMs: 3_600_000 })}/check-in`,
    }),
    expect: area(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/events/:id/after-action',
    request: async (world) => ({
      url: `/api/v1/events/${await buildEvent(world, { startsInMs: -3_600_000 })}/after-action`,
      payload: { note: 'Went well.' },
    }),
    expect: everyMember(403, { organizer: 200, otherOrganizer: 404, admin: 404 }),
  },
  {
    method: 'GET',
    url: '/api/v1/me/calendar',
    request: () => Promise.resolve({ url: '/api/v1/me/calendar' }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/me/calendar/rotate',
    request: () => Promise.resolve({ url: '/api/v1/me/calendar/rotate' }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/me/calendar.ics',
    // The key is the credential: a member's own key reads it, a wrong one is 404.
    request: async (world, persona) => ({
      url: `/api/v1/me/calendar.ics?key=${await keyOf(world, persona)}`,
    }),
    expect: { ...everyone(200), anonymous: 404 },
  },
  {
    method: 'GET',
    url: '/api/v1/bodies/:bodyId/calendar.ics',
    request: async (world, persona) => ({
      url: `/api/v1/bodies/${await bodyOf(world)}/calendar.ics?key=${await keyOf(world, persona)}`,
    }),
    expect: { ...everyone(200), anonymous: 404 },
  },
];
