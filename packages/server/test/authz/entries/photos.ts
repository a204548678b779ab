import { randomUUID } from 'node:crypto';
import { addReporter } from '../../../src/rapid-response/incidents/incidents.repository';
import { insertPhoto } from '../../../src/rapid-response/photos/photos.repository';
import { boundedPoint } from '../../../src/rapid-response/reports/place';
import { insertReport } from '../../../src/rapid-response/reports/reports.repository';
import { photoForm, smallJpeg } from '../../helpers/photos';
import { buildIncident, memberIdOf, newMember, pointIn } from '../targets';
import { everyMember, type MatrixEntry, type Persona, type World } from '../types';

// Photos of reports. Only a report's author may add photos to it (staff and admins included:
// anyone else is told the report does not exist). A report's photos are seen by its author and
// by the verifiers and dispatchers of its incident's area (admins hold every role); everyone
// else gets the 404 of an unknown report.

type Author = 'persona' | 'someone else';

/** A report (in a fresh `reported` incident) by the persona or by a new member, written directly. */
async function buildReport(
  world: World,
  persona: Persona,
  options: { author: Author; areaId?: string },
): Promise<string> {
  const { ctx } = world;
  const areaId = options.areaId ?? world.area.id;
  const incidentId = await buildIncident(world, { state: 'reported', areaId });
  const memberId =
    options.author === 'persona' ? await memberIdOf(world, persona) : (await newMember(world)).id;
  const place = await pointIn(world, areaId);
  const { point, cell } = boundedPoint(place.lat, place.lng);
  const id = randomUUID();
  const now = ctx.clock.now();
  await addReporter(ctx.db, incidentId, { memberId, sponsorId: null }, now);
  await insertReport(ctx.db, {
    id,
    memberId,
    incidentId,
    receivedAt: now,
    observedAt: null,
    areaId,
    salute: { activity: 'agents at a door' },
    text: null,
    cell,
    lat: point.lat,
    lng: point.lng,
    plates: [],
  });
  return id;
}

/** A report as above with one stored photo. */
async function buildPhoto(
  world: World,
  persona: Persona,
  options: { author: Author; areaId?: string },
): Promise<{ reportId: string; photoId: string }> {
  const reportId = await buildReport(world, persona, options);
  const report = await world.ctx.db
    .selectFrom('reports')
    .select('member_id')
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  const photoId = randomUUID();
  await insertPhoto(world.ctx.db, {
    id: photoId,
    reportId,
    memberId: report.member_id,
    width: 40,
    height: 30,
    bytes: await smallJpeg(),
    createdAt: world.ctx.clock.now(),
  });
  return { reportId, photoId };
}

const upload = (author: Author) => async (world: World, persona: Persona) => {
  const reportId = await buildReport(world, persona, { author });
  const form = photoForm(await smallJpeg());
  return {
    url: `/api/v1/reports/${reportId}/photos`,
    headers: form.headers,
    payload: form.payload,
  };
};

const staffHere = everyMember(404, { verifier: 200, dispatcher: 200, admin: 200 });
const staffElsewhere = everyMember(404, { admin: 200 });

const reads = (
  url: string,
  path: (ids: { reportId: string; photoId: string }) => string,
): MatrixEntry[] => [
  {
    method: 'GET',
    url,
    case: 'own report',
    request: async (world, persona) => ({
      url: path(await buildPhoto(world, persona, { author: 'persona' })),
    }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url,
    case: "someone else's report, this area",
    request: async (world, persona) => ({
      url: path(await buildPhoto(world, persona, { author: 'someone else' })),
    }),
    expect: staffHere,
  },
  {
    method: 'GET',
    url,
    case: "someone else's report, other area",
    request: async (world, persona) => ({
      url: path(
        await buildPhoto(world, persona, { author: 'someone else', areaId: world.otherArea.id }),
      ),
    }),
    expect: staffElsewhere,
  },
];

export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/reports/:id/photos',
    case: 'own report',
    request: upload('persona'),
    expect: everyMember(201),
  },
  {
    method: 'POST',
    url: '/api/v1/reports/:id/photos',
    case: "someone else's report, this area",
    request: upload('someone else'),
    expect: everyMember(404),
  },
  ...reads('/api/v1/reports/:reportId/photos', (ids) => `/api/v1/reports/${ids.reportId}/photos`),
  ...reads(
    '/api/v1/reports/:reportId/photos/:photoId',
    (ids) => `/api/v1/reports/${ids.reportId}/photos/${ids.photoId}`,
  ),
];
