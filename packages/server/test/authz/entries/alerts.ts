import { staffCaller } from '../targets';
import { everyMember, type MatrixEntry } from '../types';

/** Where a member wants alerts from (their own), and responders' shifts. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/me/alerts',
    request: () => Promise.resolve({ url: '/api/v1/me/alerts' }),
    expect: everyMember(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/me/alerts',
    case: 'this area and a place in it',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/me/alerts',
        payload: {
          areaIds: [world.area.id],
          places: [world.point],
          radiusMeters: 1000,
          minLevel: 'unconfirmed',
        },
      }),
    expect: everyMember(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/me/alerts',
    case: 'the private workplace',
    // A workplace one does not belong to is "no such area", like an unknown id.
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/me/alerts',
        payload: {
          areaIds: [world.workplace.id],
          places: [],
          radiusMeters: 1000,
          minLevel: 'confirmed',
        },
      }),
    expect: everyMember(400, { organizer: 200, admin: 200 }),
  },
  {
    method: 'PUT',
    url: '/api/v1/me/shift',
    // Probation: a member on probation holding the responder role (staffCaller).
    request: async (world, persona) => ({
      url: '/api/v1/me/shift',
      headers: await staffCaller(world, persona),
      payload: { onShift: true, location: world.point },
    }),
    expect: everyMember(403, { responder: 200, admin: 200 }),
  },
];
