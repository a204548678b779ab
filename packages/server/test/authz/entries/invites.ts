import { buildInvite, memberIdOf } from '../targets';
import { everyMember, type MatrixEntry } from '../types';

/**
 * Active members invite; binding an invite to an area and role is an act of that area's
 * organizers; a hidden workplace is unknown. Each member sees and withdraws only their own.
 */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/invites',
    case: 'unbound',
    request: () => Promise.resolve({ url: '/api/v1/invites', payload: {} }),
    expect: everyMember(201, { probation: 403 }),
  },
  {
    method: 'POST',
    url: '/api/v1/invites',
    case: 'bound to this area as responder',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/invites',
        payload: { areaId: world.area.id, role: 'responder' },
      }),
    expect: everyMember(403, { organizer: 201, admin: 201 }),
  },
  {
    method: 'POST',
    url: '/api/v1/invites',
    case: 'bound to this area as verifier (a role that needs a countersign)',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/invites',
        payload: { areaId: world.area.id, role: 'verifier' },
      }),
    expect: everyMember(403),
  },
  {
    method: 'POST',
    url: '/api/v1/invites',
    case: 'bound to the private workplace',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/invites',
        payload: { areaId: world.workplace.id, role: 'member' },
      }),
    expect: everyMember(404, { organizer: 201, admin: 201 }),
  },
  {
    method: 'POST',
    url: '/api/v1/invites',
    case: 'meeting invite for 50 people',
    request: () =>
      Promise.resolve({
        url: '/api/v1/invites',
        payload: { uses: 50, expiresInHours: 3, label: 'Tenants assembly' },
      }),
    expect: everyMember(403, { otherOrganizer: 201, organizer: 201, admin: 201 }),
  },
  {
    method: 'GET',
    url: '/api/v1/invites',
    request: () => Promise.resolve({ url: '/api/v1/invites' }),
    expect: everyMember(200),
  },
  {
    method: 'DELETE',
    url: '/api/v1/invites/:id',
    case: 'own unused invite',
    request: async (world, persona) => ({
      url: `/api/v1/invites/${(await buildInvite(world, await memberIdOf(world, persona))).id}`,
    }),
    expect: everyMember(204),
  },
  {
    method: 'DELETE',
    url: '/api/v1/invites/:id',
    case: "another member's invite",
    request: async (world) => ({ url: `/api/v1/invites/${(await buildInvite(world)).id}` }),
    expect: everyMember(404),
  },
];
