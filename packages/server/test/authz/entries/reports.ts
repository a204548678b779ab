import { everyMember, type MatrixEntry } from '../types';

/**
 * Any member may report, probation included (their report counts as a plain member's). The
 * variant with an area id: a workplace one does not belong to must be unknown, as for unknown ids.
 */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/reports',
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/reports',
        payload: {
          salute: { activity: 'two unmarked vans, agents at a door', location: world.point },
        },
      }),
    expect: everyMember(201),
  },
  {
    method: 'POST',
    url: '/api/v1/reports',
    case: 'placed by the private workplace',
    // A workplace one does not belong to is "no such area", like an unknown id (400).
    request: (world) =>
      Promise.resolve({
        url: '/api/v1/reports',
        payload: { salute: { activity: 'agents at the gate' }, areaId: world.workplace.id },
      }),
    expect: everyMember(400, { organizer: 201, admin: 201 }),
  },
];
