import { randomUUID } from 'node:crypto';
import { buildMember } from '../../helpers/factories';
import { everyMember, type MatrixEntry, type Persona, type World } from '../types';

// Workplaces and strike pledges. "This area"'s personas hold roles in the neighborhood, not in
// its private workplace, so the workplace (and its own campaigns) is hidden from them (404); its
// organizers are this area's organizer and the city admin. The council's campaigns are for every
// member; starting one needs a city organizer (the admin here). Each case builds its own
// campaign or declared member straight in the database.

const workplaceOnly = (status: number) => everyMember(404, { organizer: status, admin: status });

async function bodyIdOf(world: World, areaId: string | null): Promise<string> {
  const { ctx } = world;
  const query = ctx.db.selectFrom('bodies').select('id');
  const row = await (
    areaId === null ? query.where('kind', '=', 'council') : query.where('area_id', '=', areaId)
  ).executeTakeFirstOrThrow();
  return row.id;
}

async function buildCampaign(world: World, scope: 'council' | 'workplace'): Promise<string> {
  const { ctx } = world;
  const id = randomUUID();
  const workplaceId = scope === 'workplace' ? world.workplace.id : null;
  await ctx.db
    .insertInto('campaigns')
    .values({
      id,
      body_id: await bodyIdOf(world, workplaceId),
      workplace_id: workplaceId,
      title: `Campaign ${id.slice(0, 8)}`,
      action: 'Strike together',
      workplace_percent: null,
      workplace_count: 3,
      city_workplaces: 1,
      city_pledgers: null,
      state: 'open',
      created_by: null,
      created_at: ctx.clock.now(),
    })
    .execute();
  return id;
}

/** The persona, confirmed in this area's workplace (no area role: the workplace stays hidden). */
async function confirmedWorker(world: World, persona: Persona): Promise<void> {
  if (persona === 'anonymous') return;
  const now = world.ctx.clock.now();
  await world.ctx.db
    .insertInto('workplace_members')
    .values({
      member_id: world.members[persona].id,
      workplace_id: world.workplace.id,
      declared_at: now,
      confirmed_at: now,
    })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({ workplace_id: world.workplace.id, confirmed_at: now }),
    )
    .execute();
}

export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/workplaces',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/workplaces',
        payload: {
          name: `Shop ${randomUUID().slice(0, 8)}`,
          parentId: world.area.id,
          sector: 'food',
        },
      }),
    expect: everyMember(403, { organizer: 201, admin: 201 }),
  },
  {
    method: 'GET',
    url: '/api/v1/workplaces/:id',
    request: (world) => Promise.resolve({ url: `/api/v1/workplaces/${world.workplace.id}` }),
    expect: workplaceOnly(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/workplaces/:id',
    request: (world) =>
      Promise.resolve({
        url: `/api/v1/workplaces/${world.workplace.id}`,
        payload: { headcount: { estimate: 40 }, unionStatus: 'none' },
      }),
    expect: workplaceOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/workplaces/:id/units',
    request: (world) =>
      Promise.resolve({
        url: `/api/v1/workplaces/${world.workplace.id}/units`,
        payload: { kind: 'shift', name: `Shift ${randomUUID().slice(0, 8)}`, headcount: 10 },
      }),
    expect: workplaceOnly(201),
  },
  {
    method: 'GET',
    url: '/api/v1/workplaces/:id/structure',
    request: (world) =>
      Promise.resolve({ url: `/api/v1/workplaces/${world.workplace.id}/structure` }),
    expect: workplaceOnly(200),
  },
  {
    method: 'GET',
    url: '/api/v1/workplaces/:id/members/pending',
    request: (world) =>
      Promise.resolve({ url: `/api/v1/workplaces/${world.workplace.id}/members/pending` }),
    expect: workplaceOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/workplaces/:id/members/:memberId/confirm',
    request: async (world) => {
      const member = await buildMember(world.ctx, {
        roles: [{ areaId: world.area.id, role: 'member' }],
      });
      await world.ctx.db
        .insertInto('workplace_members')
        .values({
          member_id: member.id,
          workplace_id: world.workplace.id,
          declared_at: world.ctx.clock.now(),
          confirmed_at: null,
        })
        .execute();
      return {
        url: `/api/v1/workplaces/${world.workplace.id}/members/${member.id}/confirm`,
        payload: {},
      };
    },
    expect: workplaceOnly(200),
  },
  {
    method: 'GET',
    url: '/api/v1/me/workplace',
    request: () => Promise.resolve({ url: '/api/v1/me/workplace' }),
    expect: everyMember(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/me/workplace',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/me/workplace',
        payload: { workplaceId: world.workplace.id },
      }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/campaigns',
    case: 'council',
    request: () =>
      Promise.resolve({
        url: '/api/v1/campaigns',
        payload: { title: 'General strike', action: 'Strike', workplace: { percent: 60 } },
      }),
    expect: everyMember(403, { admin: 201 }),
  },
  {
    method: 'POST',
    url: '/api/v1/campaigns',
    case: 'workplace',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/campaigns',
        payload: {
          title: 'Walkout',
          action: 'Walk out',
          workplaceId: world.workplace.id,
          workplace: { count: 5 },
        },
      }),
    expect: workplaceOnly(201),
  },
  {
    method: 'GET',
    url: '/api/v1/campaigns',
    request: () => Promise.resolve({ url: '/api/v1/campaigns' }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/campaigns/:id',
    case: 'council',
    request: async (world) => ({
      url: `/api/v1/campaigns/${await buildCampaign(world, 'council')}`,
    }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/campaigns/:id',
    case: 'workplace',
    request: async (world) => ({
      url: `/api/v1/campaigns/${await buildCampaign(world, 'workplace')}`,
    }),
    expect: workplaceOnly(200),
  },
  {
    method: 'GET',
    url: '/api/v1/campaigns/:id/history',
    request: async (world) => ({
      url: `/api/v1/campaigns/${await buildCampaign(world, 'council')}/history`,
    }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/campaigns/:id/close',
    request: async (world) => ({
      url: `/api/v1/campaigns/${await buildCampaign(world, 'council')}/close`,
    }),
    expect: everyMember(403, { admin: 200 }),
  },
  {
    method: 'GET',
    url: '/api/v1/campaigns/:id/pledge',
    request: async (world) => ({
      url: `/api/v1/campaigns/${await buildCampaign(world, 'council')}/pledge`,
    }),
    expect: everyMember(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/campaigns/:id/pledge',
    case: 'not confirmed in a workplace',
    request: async (world) => ({
      url: `/api/v1/campaigns/${await buildCampaign(world, 'council')}/pledge`,
    }),
    expect: everyMember(403),
  },
  {
    method: 'PUT',
    url: '/api/v1/campaigns/:id/pledge',
    case: 'confirmed in a workplace',
    request: async (world, persona) => {
      await confirmedWorker(world, persona);
      return { url: `/api/v1/campaigns/${await buildCampaign(world, 'council')}/pledge` };
    },
    expect: everyMember(200),
  },
  {
    method: 'DELETE',
    url: '/api/v1/campaigns/:id/pledge',
    request: async (world) => ({
      url: `/api/v1/campaigns/${await buildCampaign(world, 'council')}/pledge`,
    }),
    expect: everyMember(200),
  },
];
