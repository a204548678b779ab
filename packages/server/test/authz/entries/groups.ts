import { randomUUID } from 'node:crypto';
import { buildGroup, memberIdOf } from '../targets';
import { everyMember, type MatrixEntry } from '../types';

// Working groups are for those who belong to their area: the organizer of another area gets 403
// on the (public) neighborhood's list and 404 for a group id, like an unknown one.
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId/groups',
    case: 'this neighborhood',
    request: (world) => Promise.resolve({ url: `/api/v1/areas/${world.area.id}/groups` }),
    expect: everyMember(200, { otherOrganizer: 403 }),
  },
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId/groups',
    case: 'the private workplace',
    request: (world) => Promise.resolve({ url: `/api/v1/areas/${world.workplace.id}/groups` }),
    expect: everyMember(404, { organizer: 200, admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/areas/:areaId/groups',
    request: (world) =>
      Promise.resolve({
        url: `/api/v1/areas/${world.area.id}/groups`,
        payload: { id: randomUUID(), name: `Court watch ${randomUUID().slice(0, 8)}` },
      }),
    expect: everyMember(403, { organizer: 201, admin: 201 }),
  },
  {
    method: 'POST',
    url: '/api/v1/groups/:groupId/join',
    request: async (world) => ({ url: `/api/v1/groups/${await buildGroup(world)}/join` }),
    expect: everyMember(200, { otherOrganizer: 404 }),
  },
  {
    method: 'POST',
    url: '/api/v1/groups/:groupId/leave',
    request: async (world, persona) => ({
      url: `/api/v1/groups/${await buildGroup(world, { memberIds: [await memberIdOf(world, persona)] })}/leave`,
    }),
    expect: everyMember(200, { otherOrganizer: 404 }),
  },
  {
    method: 'GET',
    url: '/api/v1/groups/:groupId/members',
    case: 'a group the caller is not in',
    // No member directory: only the group's own members and the area's organizers see who is in.
    request: async (world) => ({ url: `/api/v1/groups/${await buildGroup(world)}/members` }),
    expect: everyMember(404, { organizer: 200, admin: 200 }),
  },
  {
    method: 'GET',
    url: '/api/v1/groups/:groupId/members',
    case: 'a group the caller is in',
    request: async (world, persona) => ({
      url: `/api/v1/groups/${await buildGroup(world, { memberIds: [await memberIdOf(world, persona)] })}/members`,
    }),
    expect: everyMember(200, { otherOrganizer: 404 }),
  },
];
