import { randomUUID } from 'node:crypto';
import {
  buildIncident,
  buildSpecMember,
  memberIdOf,
  outsider,
  personaSpec,
  staffCaller,
} from '../targets';
import { everyMember, type MatrixEntry, type Persona, type World } from '../types';

// Dispatches. A dispatch belongs to the responder it was offered to: only they answer it, and
// everyone else — whatever their role — is told it does not exist (404). The dispatcher console
// (ADR 0023): only active dispatchers of the area (and the admin) dispatch or stand down by hand
// and see the area's responders; the probation persona holds every staff role but may not.

async function offer(world: World, memberId: string): Promise<string> {
  const id = randomUUID();
  await world.ctx.db
    .insertInto('dispatches')
    .values({
      id,
      incident_id: await buildIncident(world),
      member_id: memberId,
      state: 'offered',
      round: 1,
      offered_at: world.ctx.clock.now(),
    })
    .execute();
  return id;
}

/** A fresh active responder of this area, on shift. */
async function responderHere(world: World): Promise<string> {
  const spec = personaSpec('responder', {
    cityId: world.cityId,
    areaId: world.area.id,
    otherAreaId: world.otherArea.id,
  });
  return (await buildSpecMember(world.ctx, spec)).id;
}

const dispatchersOnly = everyMember(403, { dispatcher: 200, admin: 200 });

async function ownDispatch(world: World, persona: Persona): Promise<string> {
  const memberId =
    persona === 'anonymous' ? (await outsider(world)).id : await memberIdOf(world, persona);
  return offer(world, memberId);
}

export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/dispatches/:id',
    case: 'offered to the caller',
    request: async (world, persona) => ({
      url: `/api/v1/dispatches/${await ownDispatch(world, persona)}`,
      payload: { response: 'accept' },
    }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/dispatches/:id',
    case: 'offered to someone else',
    request: async (world) => ({
      url: `/api/v1/dispatches/${await offer(world, (await outsider(world)).id)}`,
      payload: { response: 'accept' },
    }),
    expect: everyMember(404),
  },
  {
    method: 'POST',
    url: '/api/v1/incidents/:id/dispatches',
    case: 'corroborated, this area',
    request: async (world, persona) => ({
      url: `/api/v1/incidents/${await buildIncident(world)}/dispatches`,
      headers: await staffCaller(world, persona),
      payload: { memberId: await responderHere(world) },
    }),
    expect: dispatchersOnly,
  },
  {
    method: 'POST',
    url: '/api/v1/incidents/:id/dispatches',
    case: 'reported, other area',
    request: async (world, persona) => ({
      url: `/api/v1/incidents/${await buildIncident(world, { state: 'reported', areaId: world.otherArea.id })}/dispatches`,
      headers: await staffCaller(world, persona),
      payload: { memberId: await responderHere(world) },
    }),
    // The responder responds in Powderhorn, not here: even the admin finds nobody to send.
    expect: everyMember(404),
  },
  {
    method: 'POST',
    url: '/api/v1/dispatches/:id/stand-down',
    case: 'an open dispatch of this area',
    request: async (world, persona) => ({
      url: `/api/v1/dispatches/${await offer(world, await responderHere(world))}/stand-down`,
      headers: await staffCaller(world, persona),
      payload: {},
    }),
    expect: dispatchersOnly,
  },
  {
    method: 'GET',
    url: '/api/v1/dispatch/responders',
    case: 'this area',
    request: async (world, persona) => ({
      url: `/api/v1/dispatch/responders?areaId=${world.area.id}`,
      headers: await staffCaller(world, persona),
    }),
    expect: dispatchersOnly,
  },
  {
    method: 'GET',
    url: '/api/v1/dispatch/responders',
    case: 'other area',
    request: async (world, persona) => ({
      url: `/api/v1/dispatch/responders?areaId=${world.otherArea.id}`,
      headers: await staffCaller(world, persona),
    }),
    expect: everyMember(403, { admin: 200 }),
  },
];
