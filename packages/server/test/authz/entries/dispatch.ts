import { randomUUID } from 'node:crypto';
import { buildIncident, memberIdOf, outsider } from '../targets';
import { everyMember, type MatrixEntry, type Persona, type World } from '../types';

// Dispatches. A dispatch belongs to the responder it was offered to: only they answer it, and
// everyone else — whatever their role — is told it does not exist (404).

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
];
