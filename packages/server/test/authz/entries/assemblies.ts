import { randomUUID, webcrypto } from 'node:crypto';
import { blindToken, finalizeToken, signBlinded, toBase64Url } from '@tocsin/core';
import { importPrivateKey, importPublicKey, newBallotKey } from '../../../src/platform/ballot-box';
import { buildMember } from '../../helpers/factories';
import { memberIdOf } from '../targets';
import { everyMember, type MatrixEntry, type Persona, type World } from '../types';

// Assemblies: everything of a body is for its roll. The roll of "this area"'s body is every
// persona holding a role there (probation to organizer); the other area's organizer and the city
// admin are not on it (403). With no chair appointed, the area's organizer on the roll chairs.
// Each case writes its own meeting (and motion, decision) straight to the database.

const CODE = '424242';
const roll = (status: number) => everyMember(status, { otherOrganizer: 403, admin: 403 });
const chairOnly = (status: number) => everyMember(403, { organizer: status });
const requestId = () => randomUUID();

async function bodyOf(world: World): Promise<string> {
  const { ctx } = world;
  const row = await ctx.db
    .selectFrom('bodies')
    .select('id')
    .where('area_id', '=', world.area.id)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function buildMeeting(
  world: World,
  state: 'scheduled' | 'open' | 'closed',
  options: { startsAt?: Date } = {},
): Promise<string> {
  const { ctx } = world;
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('meetings')
    .values({
      id,
      body_id: await bodyOf(world),
      title: `Meeting ${id.slice(0, 8)}`,
      starts_at: options.startsAt ?? now,
      place: null,
      remote: false,
      quorum_members: null,
      quorum_percent: null,
      recurrence: null,
      previous_id: null,
      state,
      code: state === 'open' ? CODE : null,
      speaker_order: 'progressive',
      speaker_seconds: 120,
      current_item: state === 'open' ? 0 : null,
      created_by: null,
      created_at: now,
      opened_at: state === 'scheduled' ? null : now,
      closed_at: state === 'closed' ? now : null,
    })
    .execute();
  await ctx.db
    .insertInto('meeting_agenda_items')
    .values([
      { meeting_id: id, position: 0, title: 'One', minutes: 5 },
      { meeting_id: id, position: 1, title: 'Two', minutes: null },
    ])
    .execute();
  return id;
}

/** The persona checked in (anonymous has no member; its request is refused before that). */
async function checkedIn(world: World, meetingId: string, persona: Persona): Promise<void> {
  if (persona === 'anonymous') return;
  await world.ctx.db
    .insertInto('meeting_attendance')
    .values({
      meeting_id: meetingId,
      member_id: world.members[persona].id,
      remote: false,
      checked_in_at: world.ctx.clock.now(),
    })
    .execute();
}

/** A fresh member on the roll of this area's body. */
async function rollMember(world: World): Promise<string> {
  return (await buildMember(world.ctx, { roles: [{ areaId: world.area.id, role: 'member' }] })).id;
}

async function buildMotion(
  world: World,
  meetingId: string,
  options: {
    state?: 'moved' | 'seconded' | 'voting' | 'carried';
    moverId?: string;
  } = {},
): Promise<string> {
  const { ctx } = world;
  const id = randomUUID();
  const state = options.state ?? 'moved';
  await ctx.db
    .insertInto('motions')
    .values({
      id,
      meeting_id: meetingId,
      amends_id: null,
      text: 'We meet again next week',
      original_text: 'We meet again next week',
      mover_id: options.moverId ?? (await rollMember(world)),
      seconder_id: state === 'moved' ? null : await rollMember(world),
      state,
      agenda_item: 0,
      moved_at: ctx.clock.now(),
      vote_method: state === 'voting' || state === 'carried' ? 'open' : null,
      vote_majority: state === 'voting' || state === 'carried' ? 'simple' : null,
      vote_opened_at: state === 'voting' || state === 'carried' ? ctx.clock.now() : null,
      yes: state === 'carried' ? 3 : null,
      no: state === 'carried' ? 1 : null,
      abstain: state === 'carried' ? 1 : null,
      quorate: state === 'carried' ? true : null,
    })
    .execute();
  return id;
}

/** One key pair for every secret vote built here: RSA key generation is slow. */
let secretKey: Promise<{ publicKey: string; privateKey: string }> | undefined;

/** A secret vote open on a motion of an open meeting, with its box key (ADR 0025). */
async function buildSecretVote(world: World, persona?: Persona): Promise<string> {
  const meetingId = await buildMeeting(world, 'open');
  if (persona) await checkedIn(world, meetingId, persona);
  const id = await buildMotion(world, meetingId, { state: 'voting' });
  await world.ctx.db
    .updateTable('motions')
    .set({ vote_method: 'secret' })
    .where('id', '=', id)
    .execute();
  const key = await (secretKey ??= newBallotKey());
  await world.ctx.db
    .insertInto('motion_ballot_keys')
    .values({ motion_id: id, public_key: key.publicKey, private_key: key.privateKey })
    .execute();
  return id;
}

/** A token of the secret vote's box, blind-signed with its key as the server would. */
async function secretToken() {
  const key = await (secretKey ??= newBallotKey());
  const publicKey = await importPublicKey(key.publicKey);
  const { prepared, blindedMsg, inv } = await blindToken(
    publicKey,
    webcrypto.getRandomValues(new Uint8Array(32)),
  );
  const blindSig = await signBlinded(await importPrivateKey(key.privateKey), blindedMsg);
  const signature = await finalizeToken(publicKey, prepared, blindSig, inv);
  return { message: toBase64Url(prepared), signature: toBase64Url(signature) };
}

async function buildDecision(world: World): Promise<string> {
  const meetingId = await buildMeeting(world, 'closed');
  const motionId = await buildMotion(world, meetingId, { state: 'carried' });
  const id = randomUUID();
  await world.ctx.db
    .insertInto('decisions')
    .values({
      id,
      body_id: await bodyOf(world),
      meeting_id: meetingId,
      motion_id: motionId,
      text: 'We meet again next week',
      decided_at: world.ctx.clock.now(),
    })
    .execute();
  return id;
}

export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/bodies',
    request: () => Promise.resolve({ url: '/api/v1/bodies' }),
    expect: everyMember(200),
  },
  {
    method: 'GET',
    url: '/api/v1/bodies/:bodyId/roll',
    // The area's organizer appoints and, with no chair named, chairs; the admin appoints.
    request: async (world) => ({ url: `/api/v1/bodies/${await bodyOf(world)}/roll` }),
    expect: everyMember(403, { organizer: 200, admin: 200 }),
  },
  {
    method: 'PUT',
    url: '/api/v1/bodies/:bodyId/officers',
    // Leaves the body without officers, as the other cases expect.
    request: async (world) => ({
      url: `/api/v1/bodies/${await bodyOf(world)}/officers`,
      payload: { requestId: requestId(), chair: null, secretary: null },
    }),
    expect: everyMember(403, { organizer: 200, admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/bodies/:bodyId/meetings',
    request: async (world) => ({
      url: `/api/v1/bodies/${await bodyOf(world)}/meetings`,
      payload: {
        requestId: requestId(),
        title: 'Assembly',
        startsAt: '2026-12-10T18:00:00Z',
        quorum: { members: 4 },
        agenda: [{ title: 'Report back', minutes: 10 }],
      },
    }),
    expect: chairOnly(201),
  },
  {
    method: 'GET',
    url: '/api/v1/bodies/:bodyId/meetings',
    request: async (world) => ({ url: `/api/v1/bodies/${await bodyOf(world)}/meetings` }),
    expect: roll(200),
  },
  {
    method: 'GET',
    url: '/api/v1/bodies/:bodyId/decisions',
    request: async (world) => ({ url: `/api/v1/bodies/${await bodyOf(world)}/decisions?q=week` }),
    expect: roll(200),
  },
  {
    method: 'GET',
    url: '/api/v1/meetings/:id',
    request: async (world) => ({ url: `/api/v1/meetings/${await buildMeeting(world, 'open')}` }),
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/open',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'scheduled')}/open`,
      payload: { requestId: requestId() },
    }),
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/close',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'open')}/close`,
      payload: { requestId: requestId() },
    }),
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/agenda/next',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'open')}/agenda/next`,
      payload: { requestId: requestId() },
    }),
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/check-in',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'open')}/check-in`,
      payload: { requestId: requestId(), code: CODE },
    }),
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/speakers',
    request: async (world, persona) => {
      const meetingId = await buildMeeting(world, 'open');
      await checkedIn(world, meetingId, persona);
      return {
        url: `/api/v1/meetings/${meetingId}/speakers`,
        payload: { requestId: requestId(), kind: 'speak' },
      };
    },
    expect: roll(201),
  },
  {
    method: 'DELETE',
    url: '/api/v1/meetings/:id/speakers/me',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'open')}/speakers/me`,
    }),
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/speakers/next',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'open')}/speakers/next`,
      payload: { requestId: requestId() },
    }),
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/speakers/order',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'open')}/speakers/order`,
      payload: { requestId: requestId(), order: 'fifo' },
    }),
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/motions',
    request: async (world, persona) => {
      const meetingId = await buildMeeting(world, 'open');
      await checkedIn(world, meetingId, persona);
      return {
        url: `/api/v1/meetings/${meetingId}/motions`,
        payload: { requestId: requestId(), text: 'We meet again next week' },
      };
    },
    expect: roll(201),
  },
  {
    method: 'POST',
    url: '/api/v1/motions/:id/second',
    request: async (world, persona) => {
      const meetingId = await buildMeeting(world, 'open');
      await checkedIn(world, meetingId, persona);
      return {
        url: `/api/v1/motions/${await buildMotion(world, meetingId)}/second`,
        payload: { requestId: requestId() },
      };
    },
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/motions/:id/withdraw',
    case: 'the caller moved it',
    request: async (world, persona) => {
      const meetingId = await buildMeeting(world, 'open');
      const moverId = await memberIdOf(world, persona);
      return {
        url: `/api/v1/motions/${await buildMotion(world, meetingId, { moverId })}/withdraw`,
        payload: { requestId: requestId() },
      };
    },
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/motions/:id/vote',
    request: async (world) => {
      const meetingId = await buildMeeting(world, 'open');
      return {
        url: `/api/v1/motions/${await buildMotion(world, meetingId, { state: 'seconded' })}/vote`,
        payload: { requestId: requestId(), method: 'open', majority: 'simple' },
      };
    },
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/motions/:id/ballots',
    request: async (world, persona) => {
      const meetingId = await buildMeeting(world, 'open');
      await checkedIn(world, meetingId, persona);
      return {
        url: `/api/v1/motions/${await buildMotion(world, meetingId, { state: 'voting' })}/ballots`,
        payload: { requestId: requestId(), choice: 'yes' },
      };
    },
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/motions/:id/close-vote',
    request: async (world) => {
      const meetingId = await buildMeeting(world, 'open');
      return {
        url: `/api/v1/motions/${await buildMotion(world, meetingId, { state: 'voting' })}/close-vote`,
        payload: { requestId: requestId() },
      };
    },
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/motions/:id/tokens',
    case: 'a secret vote: checked-in members of the roll get a token',
    request: async (world, persona) => {
      const motionId = await buildSecretVote(world, persona);
      const key = await (secretKey ??= newBallotKey());
      const { blindedMsg } = await blindToken(
        await importPublicKey(key.publicKey),
        webcrypto.getRandomValues(new Uint8Array(32)),
      );
      return {
        url: `/api/v1/motions/${motionId}/tokens`,
        payload: { requestId: requestId(), blindedMessage: toBase64Url(blindedMsg) },
      };
    },
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/motions/:id/secret-ballots',
    case: 'the secret box refuses any session',
    request: async (world) => ({
      url: `/api/v1/motions/${await buildSecretVote(world)}/secret-ballots`,
      payload: { ...(await secretToken()), choice: 'yes' },
    }),
    expect: { ...everyMember(400), anonymous: 201 },
  },
  {
    method: 'GET',
    url: '/api/v1/motions/:id/receipts',
    request: async (world) => ({
      url: `/api/v1/motions/${await buildSecretVote(world)}/receipts`,
    }),
    expect: roll(200),
  },
  {
    method: 'GET',
    url: '/api/v1/meetings/:id/minutes',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'closed')}/minutes`,
    }),
    expect: roll(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/meetings/:id/minutes',
    request: async (world) => ({
      url: `/api/v1/meetings/${await buildMeeting(world, 'closed')}/minutes`,
      payload: { requestId: requestId(), markdown: '# Minutes' },
    }),
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/meetings/:id/minutes/approve',
    request: async (world) => {
      const earlier = new Date(world.ctx.clock.now().getTime() - 7 * 86_400_000);
      const closed = await buildMeeting(world, 'closed', { startsAt: earlier });
      const open = await buildMeeting(world, 'open');
      return {
        url: `/api/v1/meetings/${closed}/minutes/approve`,
        payload: { requestId: requestId(), atMeetingId: open },
      };
    },
    expect: chairOnly(200),
  },
  {
    method: 'POST',
    url: '/api/v1/decisions/:decisionId/action-items',
    request: async (world) => ({
      url: `/api/v1/decisions/${await buildDecision(world)}/action-items`,
      payload: { requestId: requestId(), text: 'Book the hall', due: '2026-12-20' },
    }),
    expect: chairOnly(201),
  },
  {
    method: 'PUT',
    url: '/api/v1/action-items/:itemId/status',
    case: 'an item the caller owns',
    request: async (world, persona) => {
      const decisionId = await buildDecision(world);
      const id = randomUUID();
      await world.ctx.db
        .insertInto('action_items')
        .values({
          id,
          decision_id: decisionId,
          text: 'Book the hall',
          owner_member_id: await memberIdOf(world, persona),
          owner_group_id: null,
          due: null,
          status: 'open',
          created_at: world.ctx.clock.now(),
        })
        .execute();
      return {
        url: `/api/v1/action-items/${id}/status`,
        payload: { requestId: requestId(), status: 'done' },
      };
    },
    expect: roll(200),
  },
];
