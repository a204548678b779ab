import { randomUUID } from 'node:crypto';
import { addGroupMember } from '../../../src/membership/groups/groups.repository';
import { newMember, outsider } from '../targets';
import { everyMember, type MatrixEntry, type Persona, type World } from '../types';

// Canvassing and mutual aid. The canvassing group of "this area" is its organizers (the area's
// organizer, the city admin) and the members of its canvassing working group; nobody else sees
// turfs, notes or the progress map. Mutual aid: the board, offers and requests are for every
// member who can see the area; the coordinators' queue and pairing for its organizers (and
// mutual-aid officers); a match and its thread for its two people only (404 to anyone else,
// coordinators included: the thread is theirs alone).

const group = (status: number) => everyMember(403, { organizer: status, admin: status });
const requestId = () => randomUUID();

async function canvassingGroupId(world: World): Promise<string> {
  const row = await world.ctx.db
    .selectFrom('working_groups')
    .select('id')
    .where('slug', '=', 'canvassing')
    .where('area_id', '=', world.area.id)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Two fresh active members of this area's canvassing group. */
async function pair(world: World): Promise<string[]> {
  const groupId = await canvassingGroupId(world);
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const member = await newMember(world);
    await addGroupMember(world.ctx.db, groupId, member.id, world.ctx.clock.now());
    ids.push(member.id);
  }
  return ids;
}

async function joinCanvassing(world: World, persona: Persona): Promise<void> {
  if (persona === 'anonymous') return;
  const groupId = await canvassingGroupId(world);
  const memberId = world.members[persona].id;
  const already = await world.ctx.db
    .selectFrom('working_group_members')
    .select('member_id')
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  if (!already) await addGroupMember(world.ctx.db, groupId, memberId, world.ctx.clock.now());
}

async function leaveCanvassing(world: World, persona: Persona): Promise<void> {
  if (persona === 'anonymous') return;
  await world.ctx.db
    .deleteFrom('working_group_members')
    .where('group_id', '=', await canvassingGroupId(world))
    .where('member_id', '=', world.members[persona].id)
    .execute();
}

async function areaCells(world: World, n: number): Promise<string[]> {
  return [...(await world.ctx.areas.get()).index.cellsOf(world.area.id)].sort().slice(0, n);
}

/** A turf of this area straight in the database, for a fresh pair (or the persona and another). */
async function buildTurf(
  world: World,
  assignees?: string[],
): Promise<{ id: string; cell: string }> {
  const { ctx } = world;
  const id = randomUUID();
  const cells = await areaCells(world, 3);
  await ctx.db
    .insertInto('turfs')
    .values({
      id,
      area_id: world.area.id,
      name: 'Saturday walk',
      day: '2026-01-20',
      created_by: null,
      created_at: ctx.clock.now(),
    })
    .execute();
  await ctx.db
    .insertInto('turf_cells')
    .values(cells.map((cell) => ({ turf_id: id, cell })))
    .execute();
  await ctx.db
    .insertInto('turf_assignees')
    .values((assignees ?? (await pair(world))).map((member_id) => ({ turf_id: id, member_id })))
    .execute();
  return { id, cell: cells[0]! };
}

/** An open aid request in this area, asked by `requesterId` (the outsider unless said). */
async function buildRequest(world: World, requesterId?: string): Promise<string> {
  const id = randomUUID();
  await world.ctx.db
    .insertInto('aid_requests')
    .values({
      id,
      area_id: world.area.id,
      category: 'groceries',
      urgency: 'this_week',
      description: 'Groceries for the week',
      auto_match: false,
      on_behalf: false,
      requester_id: requesterId ?? (await outsider(world)).id,
      state: 'open',
      outcome: null,
      created_at: world.ctx.clock.now(),
    })
    .execute();
  return id;
}

async function buildTake(world: World, requestId: string): Promise<string> {
  const id = randomUUID();
  const volunteer = await newMember(world);
  await world.ctx.db
    .insertInto('aid_takes')
    .values({
      id,
      request_id: requestId,
      volunteer_id: volunteer.id,
      created_at: world.ctx.clock.now(),
    })
    .execute();
  return id;
}

/** A matched request with its match; requester and volunteer are fresh unless given. */
async function buildMatch(
  world: World,
  options: { requesterId?: string; volunteerId?: string } = {},
): Promise<string> {
  const requestId = await buildRequest(world, options.requesterId);
  await world.ctx.db
    .updateTable('aid_requests')
    .set({ state: 'matched' })
    .where('id', '=', requestId)
    .execute();
  const id = randomUUID();
  await world.ctx.db
    .insertInto('aid_matches')
    .values({
      id,
      request_id: requestId,
      volunteer_id: options.volunteerId ?? (await newMember(world)).id,
      automatic: false,
      created_at: world.ctx.clock.now(),
    })
    .execute();
  return id;
}

const personaId = async (world: World, persona: Persona) =>
  persona === 'anonymous' ? (await newMember(world)).id : world.members[persona].id;

export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/turfs',
    request: async (world, persona) => {
      await leaveCanvassing(world, persona);
      return {
        url: '/api/v1/turfs',
        payload: {
          name: 'Block walk',
          cells: await areaCells(world, 4),
          assignees: await pair(world),
          date: '2026-01-20',
        },
      };
    },
    expect: group(201),
  },
  {
    method: 'POST',
    url: '/api/v1/turfs',
    case: 'as a member of the canvassing group',
    request: async (world, persona) => {
      await joinCanvassing(world, persona);
      return {
        url: '/api/v1/turfs',
        payload: {
          name: 'Block walk',
          cells: await areaCells(world, 4),
          assignees: await pair(world),
          date: '2026-01-20',
        },
      };
    },
    // On probation: not yet; the other area's organizer is in this area's group too once joined.
    expect: everyMember(201, { probation: 403 }),
  },
  {
    method: 'GET',
    url: '/api/v1/turfs',
    request: async (world, persona) => {
      await leaveCanvassing(world, persona);
      await buildTurf(world);
      return { url: `/api/v1/turfs?areaId=${world.area.id}` };
    },
    // Everyone who can see the area gets a list: all turfs for the group, one's own for others.
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/turfs/:id',
    request: async (world, persona) => {
      await leaveCanvassing(world, persona);
      return { url: `/api/v1/turfs/${(await buildTurf(world)).id}` };
    },
    expect: group(200),
  },
  {
    method: 'GET',
    url: '/api/v1/turfs/:id',
    case: 'the persona is one of the pair',
    request: async (world, persona) => {
      await leaveCanvassing(world, persona);
      const other = (await newMember(world)).id;
      const turf = await buildTurf(world, [await personaId(world, persona), other]);
      return { url: `/api/v1/turfs/${turf.id}` };
    },
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/turfs/:id/doors',
    request: async (world, persona) => {
      await leaveCanvassing(world, persona);
      const turf = await buildTurf(world);
      return {
        url: `/api/v1/turfs/${turf.id}/doors`,
        payload: {
          id: randomUUID(),
          cell: turf.cell,
          outcome: 'talked',
          note: 'Come back Saturday',
        },
      };
    },
    expect: group(201),
  },
  {
    method: 'POST',
    url: '/api/v1/turfs/:id/doors',
    case: 'the persona is one of the pair',
    request: async (world, persona) => {
      await leaveCanvassing(world, persona);
      const turf = await buildTurf(world, [
        await personaId(world, persona),
        (await newMember(world)).id,
      ]);
      return {
        url: `/api/v1/turfs/${turf.id}/doors`,
        payload: { id: randomUUID(), cell: turf.cell, outcome: 'not_home' },
      };
    },
    expect: everyMember(201),
  },
  {
    method: 'GET',
    url: '/api/v1/canvass/coverage',
    request: async (world, persona) => {
      await leaveCanvassing(world, persona);
      await buildTurf(world);
      return { url: `/api/v1/canvass/coverage?areaId=${world.area.id}` };
    },
    expect: group(200),
  },

  {
    method: 'POST',
    url: '/api/v1/aid/requests',
    request: async (world) => ({
      url: '/api/v1/aid/requests',
      payload: {
        requestId: requestId(),
        category: 'rides',
        areaId: world.area.id,
        urgency: 'today',
        description: 'A ride to the clinic',
      },
    }),
    expect: everyMember(201),
  },
  {
    method: 'POST',
    url: '/api/v1/aid/offers',
    request: async (world) => ({
      url: '/api/v1/aid/offers',
      payload: {
        requestId: requestId(),
        category: 'rides',
        areaId: world.area.id,
        availability: 'Evenings',
      },
    }),
    expect: everyMember(201),
  },
  {
    method: 'DELETE',
    url: '/api/v1/aid/offers/:id',
    request: async (world, persona) => {
      const id = randomUUID();
      await world.ctx.db
        .insertInto('aid_offers')
        .values({
          id,
          member_id: await personaId(world, persona),
          area_id: world.area.id,
          category: 'rides',
          availability: 'Evenings',
          until: null,
          created_at: world.ctx.clock.now(),
        })
        .execute();
      return { url: `/api/v1/aid/offers/${id}` };
    },
    expect: everyMember(200),
  },
  {
    method: 'DELETE',
    url: '/api/v1/aid/offers/:id',
    case: "someone else's offer",
    request: async (world) => {
      const id = randomUUID();
      await world.ctx.db
        .insertInto('aid_offers')
        .values({
          id,
          member_id: (await outsider(world)).id,
          area_id: world.area.id,
          category: 'rides',
          availability: 'Evenings',
          until: null,
          created_at: world.ctx.clock.now(),
        })
        .execute();
      return { url: `/api/v1/aid/offers/${id}` };
    },
    expect: everyMember(404),
  },
  {
    method: 'GET',
    url: '/api/v1/aid/board',
    request: async (world) => {
      await buildRequest(world);
      return { url: `/api/v1/aid/board?areaId=${world.area.id}` };
    },
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/aid/mine',
    request: async () => ({ url: '/api/v1/aid/mine' }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/aid/queue',
    request: async (world) => {
      await buildRequest(world);
      return { url: `/api/v1/aid/queue?areaId=${world.area.id}` };
    },
    expect: group(200),
  },
  {
    method: 'GET',
    url: '/api/v1/aid/stats',
    request: async (world) => ({ url: `/api/v1/aid/stats?areaId=${world.area.id}` }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/aid/requests/:id/take',
    request: async (world) => ({
      url: `/api/v1/aid/requests/${await buildRequest(world)}/take`,
      payload: { requestId: requestId() },
    }),
    // A match shows the requester's handle: members on probation cannot take requests.
    expect: everyMember(200, { probation: 403 }),
  },
  {
    method: 'POST',
    url: '/api/v1/aid/requests/:id/match',
    request: async (world) => {
      const id = await buildRequest(world);
      return {
        url: `/api/v1/aid/requests/${id}/match`,
        payload: { requestId: requestId(), takeId: await buildTake(world, id) },
      };
    },
    expect: group(200),
  },
  {
    method: 'POST',
    url: '/api/v1/aid/requests/:id/close',
    request: async (world) => ({
      url: `/api/v1/aid/requests/${await buildRequest(world)}/close`,
      payload: { requestId: requestId(), outcome: 'withdrawn' },
    }),
    expect: group(200),
  },
  {
    method: 'POST',
    url: '/api/v1/aid/requests/:id/close',
    case: 'the persona asked',
    request: async (world, persona) => ({
      url: `/api/v1/aid/requests/${await buildRequest(world, await personaId(world, persona))}/close`,
      payload: { requestId: requestId(), outcome: 'fulfilled' },
    }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/aid/matches/:id',
    request: async (world) => ({ url: `/api/v1/aid/matches/${await buildMatch(world)}` }),
    // Nobody but its two people, coordinators included.
    expect: everyMember(404),
  },
  {
    method: 'GET',
    url: '/api/v1/aid/matches/:id',
    case: 'the persona asked',
    request: async (world, persona) => ({
      url: `/api/v1/aid/matches/${await buildMatch(world, { requesterId: await personaId(world, persona) })}`,
    }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/aid/matches/:id/messages',
    request: async (world) => ({
      url: `/api/v1/aid/matches/${await buildMatch(world)}/messages`,
      payload: { requestId: requestId(), body: 'Hello' },
    }),
    expect: everyMember(404),
  },
  {
    method: 'POST',
    url: '/api/v1/aid/matches/:id/messages',
    case: 'the persona is the matched volunteer',
    request: async (world, persona) => ({
      url: `/api/v1/aid/matches/${await buildMatch(world, { volunteerId: await personaId(world, persona) })}/messages`,
      payload: { requestId: requestId(), body: 'On my way' },
    }),
    expect: everyMember(201),
  },
];
