import { everyMember, type MatrixEntry } from '../types';

const statsOf = (areaId: string) =>
  Promise.resolve({ url: `/api/v1/areas/${areaId}/stats?days=30` });

// Organizers of the area or an area above it, and admins; a workplace one does not belong to is
// not found, as everywhere.
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId/stats',
    case: 'this neighborhood',
    request: (world) => statsOf(world.area.id),
    expect: everyMember(403, { organizer: 200, admin: 200 }),
  },
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId/stats',
    case: 'the other neighborhood',
    request: (world) => statsOf(world.otherArea.id),
    expect: everyMember(403, { otherOrganizer: 200, admin: 200 }),
  },
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId/stats',
    case: 'the city',
    request: (world) => statsOf(world.cityId),
    expect: everyMember(403, { admin: 200 }),
  },
  {
    method: 'GET',
    url: '/api/v1/areas/:areaId/stats',
    case: 'the private workplace',
    request: (world) => statsOf(world.workplace.id),
    expect: everyMember(404, { organizer: 200, admin: 200 }),
  },
];
