import { buildIncident, staffCaller } from '../targets';
import { everyMember, type MatrixEntry } from '../types';

// Incidents. A `reported` incident (one unverified report) is seen only by the staff of its area
// (active verifiers and dispatchers), its reporters and responders dispatched to it; everyone
// else is told it does not exist (404). Once corroborated, every member sees it, and acting on it
// is a matter of role in its area (403). For staff actions the probation persona is a member on
// probation who holds every staff role here (SECURITY 9).

const staffOnly = everyMember(404, { verifier: 200, dispatcher: 200, admin: 200 });
// An on-shift responder of the area is told of unverified reports (it gets the `reported`
// alert) but verifies only what it was dispatched to.
const seenByStaff = { ...staffOnly, responder: 200 };
const verifiedByStaff = { ...staffOnly, responder: 403 };

export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/incidents',
    case: 'in this area',
    request: (world) => Promise.resolve({ url: `/api/v1/incidents?areaId=${world.area.id}` }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/incidents',
    case: 'in the private workplace',
    // A workplace one does not belong to is unknown (404), as on GET /areas/:areaId.
    request: (world) => Promise.resolve({ url: `/api/v1/incidents?areaId=${world.workplace.id}` }),
    expect: everyMember(404, { organizer: 200, admin: 200 }),
  },
  {
    method: 'GET',
    url: '/api/v1/incidents',
    case: 'near a point',
    request: (world) =>
      Promise.resolve({
        url: `/api/v1/incidents?lat=${world.point.lat}&lng=${world.point.lng}&radius=1000`,
      }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/incidents/:id',
    case: 'reported, this area',
    request: async (world) => ({
      url: `/api/v1/incidents/${await buildIncident(world, { state: 'reported' })}`,
    }),
    expect: seenByStaff,
  },
  {
    method: 'GET',
    url: '/api/v1/incidents/:id',
    case: 'reported, other area',
    request: async (world) => ({
      url: `/api/v1/incidents/${await buildIncident(world, { state: 'reported', areaId: world.otherArea.id })}`,
    }),
    expect: everyMember(404, { admin: 200 }),
  },
  {
    method: 'GET',
    url: '/api/v1/incidents/:id',
    case: 'corroborated',
    request: async (world) => ({ url: `/api/v1/incidents/${await buildIncident(world)}` }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/incidents/:id/verification',
    case: 'corroborated, this area',
    request: async (world, persona) => ({
      url: `/api/v1/incidents/${await buildIncident(world)}/verification`,
      headers: await staffCaller(world, persona),
      payload: { outcome: 'confirmed' },
    }),
    expect: everyMember(403, { verifier: 200, dispatcher: 200, admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/incidents/:id/verification',
    case: 'reported, this area',
    request: async (world, persona) => ({
      url: `/api/v1/incidents/${await buildIncident(world, { state: 'reported' })}/verification`,
      headers: await staffCaller(world, persona),
      payload: { outcome: 'false_alarm', note: 'nobody there' },
    }),
    expect: verifiedByStaff,
  },
  {
    method: 'POST',
    url: '/api/v1/incidents/:id/verification',
    case: 'corroborated, other area',
    request: async (world, persona) => ({
      url: `/api/v1/incidents/${await buildIncident(world, { areaId: world.otherArea.id })}/verification`,
      headers: await staffCaller(world, persona),
      payload: { outcome: 'confirmed' },
    }),
    expect: everyMember(403, { admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/incidents/:id/end',
    case: 'this area',
    // Staff on the ground or at the desk: verifiers, dispatchers, responders on shift.
    request: async (world, persona) => ({
      url: `/api/v1/incidents/${await buildIncident(world)}/end`,
      headers: await staffCaller(world, persona),
      payload: { note: 'agents left' },
    }),
    expect: everyMember(403, { responder: 200, verifier: 200, dispatcher: 200, admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/incidents/:id/end',
    case: 'other area',
    request: async (world, persona) => ({
      url: `/api/v1/incidents/${await buildIncident(world, { areaId: world.otherArea.id })}/end`,
      headers: await staffCaller(world, persona),
      payload: {},
    }),
    expect: everyMember(403, { admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/incidents/:id/merge',
    request: async (world, persona) => {
      const [from, into] = [await buildIncident(world), await buildIncident(world)];
      return {
        url: `/api/v1/incidents/${from}/merge`,
        headers: await staffCaller(world, persona),
        payload: { into },
      };
    },
    expect: everyMember(403, { verifier: 200, dispatcher: 200, admin: 200 }),
  },
];
