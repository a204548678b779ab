import { buildRoleGrant, newMember } from '../targets';
import { everyMember, type MatrixEntry } from '../types';

// Governance acts on a member of this area. Non-organizers are refused (403); an organizer of
// another area is told the member does not exist (404), like for an unknown id.
const organizersOfTheirArea = everyMember(403, { otherOrganizer: 404, organizer: 200, admin: 200 });

export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/members/:id/vouch',
    // Any active member but the sponsor (the outsider here) may be the second voucher.
    request: async (world) => ({
      url: `/api/v1/members/${(await newMember(world, { status: 'probation' })).id}/vouch`,
    }),
    expect: everyMember(200, { probation: 403 }),
  },
  {
    method: 'POST',
    url: '/api/v1/members/vouch',
    // In person, by the handle in the member's QR code: the same rule as vouching by id.
    request: async (world) => ({
      url: '/api/v1/members/vouch',
      payload: { handle: (await newMember(world, { status: 'probation' })).handle },
    }),
    expect: everyMember(200, { probation: 403 }),
  },
  {
    method: 'POST',
    url: '/api/v1/members/:id/approve',
    request: async (world) => ({
      url: `/api/v1/members/${(await newMember(world, { status: 'probation' })).id}/approve`,
    }),
    expect: organizersOfTheirArea,
  },
  {
    method: 'POST',
    url: '/api/v1/members/:id/suspend',
    request: async (world) => ({
      url: `/api/v1/members/${(await newMember(world)).id}/suspend`,
      payload: { reason: 'shared alerts outside the network' },
    }),
    expect: organizersOfTheirArea,
  },
  {
    method: 'POST',
    url: '/api/v1/members/:id/reinstate',
    request: async (world) => ({
      url: `/api/v1/members/${(await newMember(world, { status: 'suspended' })).id}/reinstate`,
    }),
    expect: organizersOfTheirArea,
  },
  {
    method: 'PUT',
    url: '/api/v1/areas/:areaId/members/:memberId/roles',
    case: 'this area',
    request: async (world) => ({
      url: `/api/v1/areas/${world.area.id}/members/${(await newMember(world)).id}/roles`,
      payload: { roles: ['member', 'responder'] },
    }),
    expect: everyMember(403, { organizer: 200, admin: 200 }),
  },
  {
    method: 'PUT',
    url: '/api/v1/areas/:areaId/members/:memberId/roles',
    case: 'the private workplace',
    request: async (world) => ({
      url: `/api/v1/areas/${world.workplace.id}/members/${(await newMember(world)).id}/roles`,
      payload: { roles: ['member'] },
    }),
    expect: everyMember(404, { organizer: 200, admin: 200 }),
  },
  {
    method: 'PUT',
    url: '/api/v1/areas/:areaId/members/:memberId/roles',
    case: 'asking for verifier in this area (waits for a countersign)',
    request: async (world) => ({
      url: `/api/v1/areas/${world.area.id}/members/${(await newMember(world)).id}/roles`,
      payload: { roles: ['member', 'verifier'] },
    }),
    expect: everyMember(403, { organizer: 200, admin: 200 }),
  },
  {
    method: 'PUT',
    url: '/api/v1/areas/:areaId/members/:memberId/roles',
    case: 'raising oneself',
    request: (world, persona) =>
      Promise.resolve({
        url: `/api/v1/areas/${world.area.id}/members/${
          persona === 'anonymous' ? world.members.member.id : world.members[persona].id
        }/roles`,
        payload: { roles: ['member', 'responder', 'verifier', 'dispatcher', 'organizer'] },
      }),
    expect: everyMember(403),
  },
  {
    method: 'GET',
    url: '/api/v1/role-grants',
    request: () => Promise.resolve({ url: '/api/v1/role-grants' }),
    expect: everyMember(403, { otherOrganizer: 200, organizer: 200, admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/role-grants/:id/countersign',
    // A second organizer of the area or an admin; an organizer elsewhere does not see it.
    request: async (world) => ({
      url: `/api/v1/role-grants/${await buildRoleGrant(world)}/countersign`,
    }),
    expect: organizersOfTheirArea,
  },
  {
    method: 'POST',
    url: '/api/v1/role-grants/:id/refuse',
    request: async (world) => ({
      url: `/api/v1/role-grants/${await buildRoleGrant(world)}/refuse`,
    }),
    expect: organizersOfTheirArea,
  },
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId/members',
    case: 'this area',
    request: (world) => Promise.resolve({ url: `/api/v1/areas/${world.area.id}/members` }),
    expect: everyMember(403, { organizer: 200, admin: 200 }),
  },
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId/members',
    case: 'the private workplace',
    request: (world) => Promise.resolve({ url: `/api/v1/areas/${world.workplace.id}/members` }),
    expect: everyMember(404, { organizer: 200, admin: 200 }),
  },
];
