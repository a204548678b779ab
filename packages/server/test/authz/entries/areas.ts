import { randomUUID } from 'node:crypto';
import { standIn } from '../targets';
import { everyMember, type MatrixEntry } from '../types';

// A workplace is seen only by those who belong to it and the organizers above it; for everyone
// else it does not exist (404), like an unknown id.
const workplaceKnownTo = (status: number) => everyMember(404, { organizer: status, admin: status });

export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/areas',
    request: () => Promise.resolve({ url: '/api/v1/areas' }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/areas/outlines',
    request: () => Promise.resolve({ url: '/api/v1/areas/outlines' }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId',
    case: 'this neighborhood',
    request: (world) => Promise.resolve({ url: `/api/v1/areas/${world.area.id}` }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId',
    case: 'the private workplace',
    request: (world) => Promise.resolve({ url: `/api/v1/areas/${world.workplace.id}` }),
    expect: workplaceKnownTo(200),
  },
  {
    method: 'POST',
    url: '/api/v1/areas',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/areas',
        payload: {
          id: randomUUID(),
          kind: 'workplace',
          name: `Warehouse ${randomUUID().slice(0, 8)}`,
          parentId: world.area.id,
        },
      }),
    expect: everyMember(403, { organizer: 201, admin: 201 }),
  },
  {
    method: 'POST',
    url: '/api/v1/areas/:areaId/join',
    case: 'this neighborhood',
    // Joining changes the caller: a stand-in for the persona joins.
    request: async (world, persona) => ({
      url: `/api/v1/areas/${world.area.id}/join`,
      headers: (await standIn(world, persona)).headers,
    }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/areas/:areaId/join',
    case: 'the private workplace',
    // Workplaces are joined by an organizer's grant, never by oneself.
    request: async (world, persona) => ({
      url: `/api/v1/areas/${world.workplace.id}/join`,
      headers: (await standIn(world, persona)).headers,
    }),
    expect: workplaceKnownTo(403),
  },
  {
    method: 'DELETE',
    url: '/api/v1/areas/:areaId/membership',
    case: 'this neighborhood',
    request: async (world, persona) => ({
      url: `/api/v1/areas/${world.area.id}/membership`,
      headers: (await standIn(world, persona)).headers,
    }),
    expect: everyMember(204),
  },
  {
    method: 'DELETE',
    url: '/api/v1/areas/:areaId/membership',
    case: 'the private workplace',
    request: async (world, persona) => ({
      url: `/api/v1/areas/${world.workplace.id}/membership`,
      headers: (await standIn(world, persona)).headers,
    }),
    expect: workplaceKnownTo(204),
  },
];
