import { randomUUID, webcrypto } from 'node:crypto';
import { blindToken, finalizeToken, signBlinded, toBase64Url } from '@tocsin/core';
import {
  importPrivateKey,
  importPublicKey,
  newBallotKey as newElectionKey,
} from '../../../src/platform/ballot-box';
import { buildMember } from '../../helpers/factories';
import { memberIdOf } from '../targets';
import { everyMember, type MatrixEntry, type World } from '../types';

// Elections: everything of a body's elections is for its roll; an organizer of the area (and the
// city admin above) may also see them and call them. The ballot box is the exception: it takes
// no session at all, so a signed-in caller is refused (400) and only the anonymous request with
// a valid token gets in. Each case builds its own election straight in the database.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const requestId = () => randomUUID();
const roll = (status: number) => everyMember(status, { otherOrganizer: 403, admin: 403 });
const rollOrAppointer = (status: number) => everyMember(status, { otherOrganizer: 403 });
const managers = (status: number) => everyMember(403, { organizer: status, admin: status });

async function bodyOf(world: World): Promise<string> {
  const row = await world.ctx.db
    .selectFrom('bodies')
    .select('id')
    .where('area_id', '=', world.area.id)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function rollMember(world: World): Promise<string> {
  return (await buildMember(world.ctx, { roles: [{ areaId: world.area.id, role: 'member' }] })).id;
}

/** An election of this area's body in the given phase, with one accepted candidate. */
async function buildElection(
  world: World,
  phase: 'nominations' | 'voting' | 'closed',
): Promise<{ id: string; publicKey: string; privateKey: string; candidate: string }> {
  const { ctx } = world;
  const now = ctx.clock.now().getTime();
  const window = {
    nominations: [now + DAY, now + 2 * DAY],
    voting: [now - HOUR, now + DAY],
    closed: [now - 2 * DAY, now - HOUR],
  }[phase];
  const id = randomUUID();
  const key = await newElectionKey();
  await ctx.db
    .insertInto('elections')
    .values({
      id,
      body_id: await bodyOf(world),
      kind: 'office',
      office: 'delegate',
      seats: 1,
      term_months: 12,
      voting_opens_at: new Date(window[0]!),
      voting_closes_at: new Date(window[1]!),
      recall_of: null,
      fills_vacancy_of: null,
      public_key: key.publicKey,
      private_key: key.privateKey,
      created_by: null,
      created_at: ctx.clock.now(),
    })
    .execute();
  const candidate = randomUUID();
  await ctx.db
    .insertInto('election_nominations')
    .values({
      id: candidate,
      election_id: id,
      nominee_id: await rollMember(world),
      nominated_by: null,
      statement: 'For the tenants',
      accepted_at: ctx.clock.now(),
      created_at: ctx.clock.now(),
    })
    .execute();
  return { id, ...key, candidate };
}

/** A token of the election, blind-signed with its key as the server would. */
async function validToken(election: { publicKey: string; privateKey: string }) {
  const publicKey = await importPublicKey(election.publicKey);
  const { prepared, blindedMsg, inv } = await blindToken(
    publicKey,
    webcrypto.getRandomValues(new Uint8Array(32)),
  );
  const blindSig = await signBlinded(await importPrivateKey(election.privateKey), blindedMsg);
  const signature = await finalizeToken(publicKey, prepared, blindSig, inv);
  return { message: toBase64Url(prepared), signature: toBase64Url(signature) };
}

async function buildHolder(world: World): Promise<string> {
  const id = randomUUID();
  const now = world.ctx.clock.now();
  await world.ctx.db
    .insertInto('office_holders')
    .values({
      id,
      body_id: await bodyOf(world),
      office: 'delegate',
      member_id: await rollMember(world),
      term_start: now,
      term_end: new Date(now.getTime() + 180 * DAY),
      source: 'appointment',
      election_id: null,
    })
    .execute();
  return id;
}

export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/bodies/:bodyId/elections',
    request: async (world) => ({ url: `/api/v1/bodies/${await bodyOf(world)}/elections` }),
    expect: rollOrAppointer(200),
  },
  {
    method: 'POST',
    url: '/api/v1/bodies/:bodyId/elections',
    request: async (world) => {
      const now = world.ctx.clock.now().getTime();
      return {
        url: `/api/v1/bodies/${await bodyOf(world)}/elections`,
        payload: {
          requestId: requestId(),
          office: 'delegate',
          seats: 2,
          termMonths: 12,
          votingOpensAt: new Date(now + DAY).toISOString(),
          votingClosesAt: new Date(now + 2 * DAY).toISOString(),
        },
      };
    },
    expect: managers(201),
  },
  {
    method: 'POST',
    url: '/api/v1/bodies/:bodyId/office-holders',
    request: async (world) => ({
      url: `/api/v1/bodies/${await bodyOf(world)}/office-holders`,
      payload: {
        requestId: requestId(),
        office: 'secretary',
        memberId: await rollMember(world),
        termMonths: 6,
      },
    }),
    expect: managers(201),
  },
  {
    method: 'GET',
    url: '/api/v1/elections/:id',
    request: async (world) => ({
      url: `/api/v1/elections/${(await buildElection(world, 'nominations')).id}`,
    }),
    expect: rollOrAppointer(200),
  },
  {
    method: 'POST',
    url: '/api/v1/elections/:id/nominations',
    request: async (world) => ({
      url: `/api/v1/elections/${(await buildElection(world, 'nominations')).id}/nominations`,
      payload: { requestId: requestId(), nomineeId: await rollMember(world) },
    }),
    expect: roll(201),
  },
  {
    method: 'POST',
    url: '/api/v1/nominations/:id/accept',
    case: 'the caller was nominated',
    request: async (world, persona) => {
      const election = await buildElection(world, 'nominations');
      const id = randomUUID();
      await world.ctx.db
        .insertInto('election_nominations')
        .values({
          id,
          election_id: election.id,
          nominee_id: await memberIdOf(world, persona),
          nominated_by: null,
          statement: null,
          accepted_at: null,
          created_at: world.ctx.clock.now(),
        })
        .execute();
      return {
        url: `/api/v1/nominations/${id}/accept`,
        payload: { requestId: requestId(), statement: 'I will stand' },
      };
    },
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/elections/:id/tokens',
    request: async (world) => {
      const election = await buildElection(world, 'voting');
      const { blindedMsg } = await blindToken(
        await importPublicKey(election.publicKey),
        webcrypto.getRandomValues(new Uint8Array(32)),
      );
      return {
        url: `/api/v1/elections/${election.id}/tokens`,
        payload: { requestId: requestId(), blindedMessage: toBase64Url(blindedMsg) },
      };
    },
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/elections/:id/ballots',
    case: 'the ballot box refuses any session',
    request: async (world) => {
      const election = await buildElection(world, 'voting');
      return {
        url: `/api/v1/elections/${election.id}/ballots`,
        payload: { ...(await validToken(election)), ranking: [election.candidate] },
      };
    },
    expect: { ...everyMember(400), anonymous: 201 },
  },
  {
    method: 'GET',
    url: '/api/v1/elections/:id/ballots',
    request: async (world) => ({
      url: `/api/v1/elections/${(await buildElection(world, 'voting')).id}/ballots`,
    }),
    expect: rollOrAppointer(200),
  },
  {
    method: 'GET',
    url: '/api/v1/elections/:id/blt',
    request: async (world) => ({
      url: `/api/v1/elections/${(await buildElection(world, 'closed')).id}/blt`,
    }),
    expect: rollOrAppointer(200),
  },
  {
    method: 'POST',
    url: '/api/v1/office-holders/:id/recall',
    request: async (world) => ({
      url: `/api/v1/office-holders/${await buildHolder(world)}/recall`,
      payload: { requestId: requestId() },
    }),
    expect: roll(200),
  },
];
