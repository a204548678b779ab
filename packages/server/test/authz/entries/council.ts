import { randomUUID } from 'node:crypto';
import { seatsFor } from '@tocsin/core';
import {
  committeesWithActive,
  currentDelegateCount,
  insertDelegate,
} from '../../../src/organizing/council/council.repository';
import { seatRule } from '../../../src/organizing/council/council.service';
import { everyMember, type MatrixEntry, type World } from '../types';

// The citywide council (issue 17). Seats, delegates, the next meeting and the ratification
// dashboard are for active members (not probation). A committee's mandates and report-back are
// for its roll only (this area's body: not the other organizer, not the city admin, who holds no
// role in this area). Writes of a committee are its secretary's or whoever chairs (this area's
// organizer, on the roll, while no chair is named), after a carried motion of the committee. The
// council's settings are a city organizer's (the admin); requiring ratification is the council's
// chair's, and none of the personas holds a council seat. Each case builds its own meetings,
// motions and decisions straight in the database.

const requestId = () => randomUUID();
const roll = (status: number) => everyMember(status, { otherOrganizer: 403, admin: 403 });
const recorder = (status: number) => everyMember(403, { organizer: status });

async function bodyOf(world: World, council = false): Promise<string> {
  const query = world.ctx.db.selectFrom('bodies').select('id');
  const row = await (
    council ? query.where('kind', '=', 'council') : query.where('area_id', '=', world.area.id)
  ).executeTakeFirstOrThrow();
  return row.id;
}

/** A meeting of the body with two agenda items; returns it and the items' ids. */
async function buildMeeting(
  world: World,
  bodyId: string,
  state: 'scheduled' | 'closed',
): Promise<{ meetingId: string; items: string[] }> {
  const { ctx } = world;
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('meetings')
    .values({
      id,
      body_id: bodyId,
      title: `Meeting ${id.slice(0, 8)}`,
      starts_at: now,
      place: null,
      remote: true,
      quorum_members: null,
      quorum_percent: null,
      recurrence: null,
      previous_id: null,
      state,
      code: null,
      speaker_order: 'progressive',
      speaker_seconds: 120,
      current_item: null,
      created_by: null,
      created_at: now,
      opened_at: state === 'closed' ? now : null,
      closed_at: state === 'closed' ? now : null,
    })
    .execute();
  const items = await ctx.db
    .insertInto('meeting_agenda_items')
    .values([
      { meeting_id: id, position: 0, title: 'One', minutes: null },
      { meeting_id: id, position: 1, title: 'Two', minutes: null },
    ])
    .returning('id')
    .execute();
  return { meetingId: id, items: items.map((i) => i.id) };
}

/** A carried motion of the body (in a closed meeting of its own), and its decision's id. */
async function buildCarried(
  world: World,
  bodyId: string,
): Promise<{ motionId: string; decisionId: string }> {
  const { ctx } = world;
  const { meetingId } = await buildMeeting(world, bodyId, 'closed');
  const motionId = randomUUID();
  const decisionId = randomUUID();
  const now = ctx.clock.now();
  const text = `Resolved ${motionId.slice(0, 8)}`;
  await ctx.db
    .insertInto('motions')
    .values({
      id: motionId,
      meeting_id: meetingId,
      amends_id: null,
      text,
      original_text: text,
      mover_id: null,
      state: 'carried',
      agenda_item: 0,
      moved_at: now,
      vote_method: 'open',
      vote_majority: 'simple',
      vote_opened_at: now,
      vote_closed_at: now,
      yes: 3,
      no: 0,
      abstain: 0,
      quorate: true,
    })
    .execute();
  await ctx.db
    .insertInto('decisions')
    .values({
      id: decisionId,
      body_id: bodyId,
      meeting_id: meetingId,
      motion_id: motionId,
      text,
      decided_at: now,
    })
    .execute();
  return { motionId, decisionId };
}

/** Appoints a delegate to every seat the body has now (none below the minimum roll). */
async function fillSeats(world: World, bodyId: string): Promise<void> {
  const { ctx } = world;
  const [committee] = await committeesWithActive(ctx.db, [bodyId]);
  const seats = seatsFor(committee?.active ?? 0, await seatRule(ctx));
  const now = ctx.clock.now();
  const held = await currentDelegateCount(ctx.db, bodyId, now);
  const people = Object.values(world.members);
  for (let i = held; i < seats; i += 1) {
    await insertDelegate(ctx.db, {
      id: randomUUID(),
      body_id: bodyId,
      member_id: people[i % people.length]?.id ?? world.members.member.id,
      term_start: now,
      term_end: new Date(now.getTime() + 365 * 86_400_000),
    });
  }
}

export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/council',
    request: () => Promise.resolve({ url: '/api/v1/council' }),
    expect: everyMember(200, { probation: 403 }),
  },
  {
    method: 'PUT',
    url: '/api/v1/council/settings',
    request: () =>
      Promise.resolve({
        url: '/api/v1/council/settings',
        payload: { requestId: requestId(), weightedVotes: false },
      }),
    expect: everyMember(403, { admin: 200 }),
  },
  {
    method: 'POST',
    url: '/api/v1/bodies/:bodyId/delegates',
    // The organizer passes every check but the seats: whatever this area's roll (other entries add
    // members), every seat it has is filled first, straight in the database.
    request: async (world) => {
      const bodyId = await bodyOf(world);
      const { motionId } = await buildCarried(world, bodyId);
      await fillSeats(world, bodyId);
      return {
        url: `/api/v1/bodies/${bodyId}/delegates`,
        payload: {
          requestId: requestId(),
          memberId: world.members.member.id,
          motionId,
          termMonths: 12,
        },
      };
    },
    expect: recorder(409),
  },
  {
    method: 'GET',
    url: '/api/v1/bodies/:bodyId/mandates',
    request: async (world) => ({ url: `/api/v1/bodies/${await bodyOf(world)}/mandates` }),
    expect: roll(200),
  },
  {
    method: 'PUT',
    url: '/api/v1/bodies/:bodyId/mandates/:itemId',
    request: async (world) => {
      const bodyId = await bodyOf(world);
      const { items } = await buildMeeting(world, await bodyOf(world, true), 'scheduled');
      const { motionId } = await buildCarried(world, bodyId);
      return {
        url: `/api/v1/bodies/${bodyId}/mandates/${items[0]}`,
        payload: { requestId: requestId(), position: 'for', note: 'Carried', motionId },
      };
    },
    expect: recorder(200),
  },
  {
    method: 'GET',
    url: '/api/v1/bodies/:bodyId/report-back/:meetingId',
    request: async (world) => {
      const { meetingId } = await buildMeeting(world, await bodyOf(world, true), 'closed');
      return { url: `/api/v1/bodies/${await bodyOf(world)}/report-back/${meetingId}` };
    },
    expect: roll(200),
  },
  {
    method: 'POST',
    url: '/api/v1/bodies/:bodyId/council-agenda',
    request: async (world) => {
      const bodyId = await bodyOf(world);
      await buildMeeting(world, await bodyOf(world, true), 'scheduled');
      const { motionId } = await buildCarried(world, bodyId);
      return {
        url: `/api/v1/bodies/${bodyId}/council-agenda`,
        payload: { requestId: requestId(), motionId },
      };
    },
    expect: recorder(201),
  },
  {
    method: 'GET',
    url: '/api/v1/council/ratifications',
    request: () => Promise.resolve({ url: '/api/v1/council/ratifications' }),
    expect: everyMember(200, { probation: 403 }),
  },
  {
    method: 'POST',
    url: '/api/v1/council/decisions/:decisionId/ratification',
    request: async (world) => {
      const { decisionId } = await buildCarried(world, await bodyOf(world, true));
      return {
        url: `/api/v1/council/decisions/${decisionId}/ratification`,
        payload: { requestId: requestId() },
      };
    },
    expect: everyMember(403),
  },
  {
    method: 'PUT',
    url: '/api/v1/bodies/:bodyId/ratifications/:decisionId',
    request: async (world) => {
      const { ctx } = world;
      const bodyId = await bodyOf(world);
      const { decisionId } = await buildCarried(world, await bodyOf(world, true));
      await ctx.db
        .insertInto('council_ratifications')
        .values({
          decision_id: decisionId,
          share_percent: null,
          state: 'pending',
          created_at: ctx.clock.now(),
          settled_at: null,
        })
        .execute();
      await ctx.db
        .insertInto('ratification_answers')
        .values({
          decision_id: decisionId,
          body_id: bodyId,
          ratify: null,
          motion_id: null,
          answered_at: null,
        })
        .execute();
      const { motionId } = await buildCarried(world, bodyId);
      return {
        url: `/api/v1/bodies/${bodyId}/ratifications/${decisionId}`,
        payload: { requestId: requestId(), ratify: true, motionId },
      };
    },
    expect: recorder(200),
  },
];
