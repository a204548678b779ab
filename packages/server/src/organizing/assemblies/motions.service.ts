import { randomUUID } from 'node:crypto';
import {
  carries,
  councilTally,
  isQuorate,
  motionTransition,
  tally,
  type ActionItemView,
  type actionItemStatusBody,
  type ballotBody,
  type DecisionView,
  type MotionAction,
  type MotionView,
  type newActionItemBody,
  type newMotionBody,
  type openVoteBody,
  type Principal,
  type VoteChoice,
  type VoteResult,
} from '@tocsin/core';
import type { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  enqueueEvents,
  newBallotKey,
  sealBallotBoxes,
  type AppContext,
  type Executor,
  type Tx,
} from '../../platform';
import { requireChair, requireRecorder, requireRoll } from './assemblies.policy';
import { presentActionItem, presentMotion, quorumOf } from './assemblies.presenter';
import {
  actionItemsOf,
  attendanceCount,
  ballotCounts,
  castBallot,
  choicesOf,
  decisionsOf,
  dropChoices,
  findActionItem,
  findDecision,
  groupInArea,
  insertActionItem,
  insertDecision,
  insertMotion,
  isOnRoll,
  lockMotion,
  shareMotion,
  motionRows,
  rollSize,
  seatsHeld,
  setActionItemStatus,
  updateMotion,
  type BodyRow,
} from './assemblies.repository';
import { accessToBody } from './bodies.service';
import { meetingAccess, requireCheckedIn, requireOpen } from './meetings.service';
import { once, type Answer } from './requests';
import { closeSecretBox, openSecretBox } from './secret-votes.service';

async function motionView(
  db: Executor,
  motionId: string,
  body: Pick<BodyRow, 'kind' | 'weighted_votes'>,
): Promise<MotionView> {
  const [row] = await motionRows(db, { motionId });
  if (!row) throw new NotFoundError('No such motion');
  return presentMotion(row, await ballotCounts(db, row.meeting_id, body.kind === 'council'), body);
}

/** A motion, its meeting (locked with `tx`) and the caller's access; 404 / 403 as for meetings. */
async function motionAccess(ctx: AppContext, tx: Tx, principal: Principal, motionId: string) {
  const motion = await lockMotion(tx, motionId);
  if (!motion) throw new NotFoundError('No such motion');
  const { meeting, access } = await meetingAccess(ctx, tx, principal, motion.meeting_id, tx);
  return { motion, meeting, access };
}

function transition(
  state: Parameters<typeof motionTransition>[0],
  action: MotionAction,
  options: Parameters<typeof motionTransition>[2] = {},
) {
  const next = motionTransition(state, action, options);
  if (!next.ok) {
    const closed = ['carried', 'failed', 'invalid', 'withdrawn'].includes(state);
    throw new ConflictError(closed ? 'motion_closed' : 'motion_state', next.reason);
  }
  return next.state;
}

/** A checked-in member moves a motion, or an amendment (`amends`) replacing a motion's text. */
export async function moveMotion(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  input: z.output<typeof newMotionBody>,
): Promise<Answer<MotionView>> {
  return once(ctx, principal.memberId, input.requestId, `move:${meetingId}`, 201, async (tx) => {
    const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId, tx);
    requireOpen(meeting);
    await requireCheckedIn(tx, meetingId, principal.memberId);
    let originalText = input.text;
    if (input.amends) {
      const target = await lockMotion(tx, input.amends);
      if (!target || target.meeting_id !== meetingId || target.amends_id !== null) {
        throw new ValidationError('An amendment targets a motion of this meeting', [
          { path: 'amends', message: 'not a motion of this meeting' },
        ]);
      }
      if (target.state !== 'moved' && target.state !== 'seconded') {
        throw new ConflictError('motion_state', `A ${target.state} motion cannot be amended`);
      }
      originalText = target.text;
    }
    const id = randomUUID();
    await insertMotion(tx, {
      id,
      meeting_id: meetingId,
      amends_id: input.amends ?? null,
      text: input.text,
      original_text: originalText,
      mover_id: principal.memberId,
      agenda_item: meeting.current_item,
      moved_at: ctx.clock.now(),
    });
    return motionView(tx, id, access.body);
  });
}

export async function secondMotion(
  ctx: AppContext,
  principal: Principal,
  motionId: string,
  requestId: string,
): Promise<Answer<MotionView>> {
  return once(ctx, principal.memberId, requestId, `second:${motionId}`, 200, async (tx) => {
    const { motion, meeting, access } = await motionAccess(ctx, tx, principal, motionId);
    requireOpen(meeting);
    await requireCheckedIn(tx, meeting.id, principal.memberId);
    if (motion.mover_id === principal.memberId) {
      throw new ForbiddenError('The mover cannot second their own motion');
    }
    const state = transition(motion.state, 'second');
    await updateMotion(tx, motionId, { state, seconder_id: principal.memberId });
    return motionView(tx, motionId, access.body);
  });
}

/** The mover (or the chair) withdraws a motion before its vote opens. */
export async function withdrawMotion(
  ctx: AppContext,
  principal: Principal,
  motionId: string,
  requestId: string,
): Promise<Answer<MotionView>> {
  return once(ctx, principal.memberId, requestId, `withdraw:${motionId}`, 200, async (tx) => {
    const { motion, meeting, access } = await motionAccess(ctx, tx, principal, motionId);
    requireOpen(meeting);
    if (motion.mover_id !== principal.memberId && !access.chairing) {
      throw new ForbiddenError('Only the mover or the chair withdraws a motion');
    }
    const state = transition(motion.state, 'withdraw');
    await updateMotion(tx, motionId, { state });
    return motionView(tx, motionId, access.body);
  });
}

/** The chair opens the vote on a seconded motion (or a moved one where seconding is waived). */
export async function openVote(
  ctx: AppContext,
  principal: Principal,
  motionId: string,
  input: z.output<typeof openVoteBody>,
): Promise<Answer<MotionView>> {
  // A secret vote's box key is made before the motion is locked (RSA key generation is slow).
  const key = input.method === 'secret' ? await newBallotKey() : null;
  return once(ctx, principal.memberId, input.requestId, `vote:${motionId}`, 200, async (tx) => {
    const { motion, meeting, access } = await motionAccess(ctx, tx, principal, motionId);
    requireChair(access);
    requireOpen(meeting);
    if (access.body.kind === 'council' && input.method !== 'roll_call') {
      // Committees see how their delegates voted (report-back): the council votes by roll call.
      throw new ValidationError('The council votes by roll call', [
        { path: 'method', message: 'the council votes by roll call' },
      ]);
    }
    const state = transition(motion.state, 'open_vote', {
      secondingRequired: access.body.seconding_required,
    });
    const others = await motionRows(tx, { meetingId: meeting.id });
    if (others.some((m) => m.state === 'voting')) {
      throw new ConflictError('vote_open', 'Another vote is open');
    }
    await updateMotion(tx, motionId, {
      state,
      vote_method: input.method,
      vote_majority: input.majority,
      vote_opened_at: ctx.clock.now(),
    });
    if (key) await openSecretBox(tx, motionId, key);
    return motionView(tx, motionId, access.body);
  });
}

/** A checked-in member votes; a later ballot replaces theirs while the vote is open. */
export async function castVote(
  ctx: AppContext,
  principal: Principal,
  motionId: string,
  input: z.output<typeof ballotBody>,
): Promise<Answer<{ motionId: string; voted: true }>> {
  return once(ctx, principal.memberId, input.requestId, `ballot:${motionId}`, 200, async (tx) => {
    const motion = await shareMotion(tx, motionId);
    if (!motion) throw new NotFoundError('No such motion');
    const { meeting } = await meetingAccess(ctx, tx, principal, motion.meeting_id);
    if (motion.state !== 'voting') {
      throw new ConflictError('vote_closed', 'No vote is open on this motion');
    }
    if (motion.vote_method === 'secret') {
      throw new ConflictError('vote_method', 'This vote is secret: cast it with a ballot token');
    }
    requireOpen(meeting);
    await requireCheckedIn(tx, meeting.id, principal.memberId);
    await castBallot(tx, motionId, principal.memberId, input.choice, ctx.clock.now());
    return { motionId, voted: true as const };
  });
}

/**
 * The chair closes the vote: the tally, the majority, and the quorum as it stands now (an
 * inquorate meeting's vote is recorded as not valid). An open vote's choices are dropped, leaving
 * only who voted; a roll call keeps them for the minutes. A carried amendment rewrites its
 * motion; a carried motion enters the decisions register.
 */
export async function closeVote(
  ctx: AppContext,
  principal: Principal,
  motionId: string,
  requestId: string,
): Promise<Answer<VoteResult>> {
  let secret = false;
  const answer = await once(
    ctx,
    principal.memberId,
    requestId,
    `close-vote:${motionId}`,
    200,
    async (tx) => {
      const { motion, meeting, access } = await motionAccess(ctx, tx, principal, motionId);
      requireChair(access);
      if (motion.state !== 'voting') {
        throw new ConflictError('vote_closed', 'No vote is open on this motion');
      }
      requireOpen(meeting);
      let counts: ReturnType<typeof tally>;
      if (motion.vote_method === 'secret') {
        // The ballot box knows choices only, never who (the council votes by roll call only).
        secret = true;
        const choices = await closeSecretBox(tx, motionId);
        counts = tally(choices.filter((c): c is VoteChoice => c !== null));
      } else {
        const ballots = await choicesOf(tx, motionId);
        const cast = ballots.filter(
          (b): b is typeof b & { choice: VoteChoice } => b.choice !== null,
        );
        if (access.body.kind === 'council') {
          // A delegate votes for the seats they hold now, by the rule the running tally used.
          const seats = await seatsHeld(tx);
          counts = councilTally(
            cast.map((b) => ({ choice: b.choice, seats: seats.get(b.member_id) ?? 0 })),
            access.body.weighted_votes,
          );
        } else {
          counts = tally(cast.map((b) => b.choice));
        }
      }
      const [attendance, size] = await Promise.all([
        attendanceCount(tx, meeting.id),
        rollSize(tx, access.body),
      ]);
      const quorate = isQuorate(quorumOf(meeting), attendance, size);
      const carried = quorate && carries(counts, motion.vote_majority ?? 'simple');
      const outcome = !quorate ? 'invalid' : carried ? 'carried' : 'failed';
      const state = transition(motion.state, 'close_vote', { outcome });
      const now = ctx.clock.now();
      await updateMotion(tx, motionId, { state, vote_closed_at: now, ...counts, quorate });
      if (motion.vote_method !== 'roll_call') await dropChoices(tx, motionId);
      const events: Parameters<typeof enqueueEvents>[2][number][] = [
        {
          name: 'motion.decided',
          payload: {
            motionId,
            meetingId: meeting.id,
            bodyId: meeting.body_id,
            outcome,
            ...counts,
          },
        },
      ];
      if (carried && motion.amends_id) {
        await updateMotion(tx, motion.amends_id, { text: motion.text });
      } else if (carried) {
        const decisionId = randomUUID();
        await insertDecision(tx, {
          id: decisionId,
          body_id: meeting.body_id,
          meeting_id: meeting.id,
          motion_id: motionId,
          text: motion.text,
          decided_at: now,
        });
        events.push({
          name: 'decision.recorded',
          payload: { decisionId, bodyId: meeting.body_id, meetingId: meeting.id, motionId },
        });
      }
      await enqueueEvents(ctx, tx, events, now);
      return { ...counts, carried, quorate };
    },
  );
  // The box's rows were rewritten in the close's transaction; their old versions go now.
  if (secret) await sealBallotBoxes(ctx);
  return answer;
}

// ---- decisions register

export async function listDecisions(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  q: string | undefined,
): Promise<DecisionView[]> {
  const access = await accessToBody(ctx, ctx.db, principal, bodyId);
  requireRoll(access);
  const decisions = await decisionsOf(ctx.db, { bodyId, q });
  const items = await actionItemsOf(
    ctx.db,
    decisions.map((d) => d.id),
  );
  return decisions.map((d) => ({
    id: d.id,
    bodyId: d.body_id,
    text: d.text,
    motionId: d.motion_id,
    meetingId: d.meeting_id,
    meetingTitle: d.meeting_title,
    decidedAt: d.decided_at.toISOString(),
    actionItems: items.filter((i) => i.decision_id === d.id).map(presentActionItem),
  }));
}

async function actionItemView(db: Executor, decisionId: string, itemId: string) {
  const row = (await actionItemsOf(db, [decisionId])).find((i) => i.id === itemId);
  if (!row) throw new NotFoundError('No such action item');
  return presentActionItem(row);
}

/** The secretary or the chair adds an action item to a decision: owner a member or a group. */
export async function addActionItem(
  ctx: AppContext,
  principal: Principal,
  decisionId: string,
  input: z.output<typeof newActionItemBody>,
): Promise<Answer<ActionItemView>> {
  return once(ctx, principal.memberId, input.requestId, `item:${decisionId}`, 201, async (tx) => {
    const decision = await findDecision(tx, decisionId);
    if (!decision) throw new NotFoundError('No such decision');
    const access = await accessToBody(ctx, tx, principal, decision.body_id);
    requireRecorder(access);
    let ownerMember: string | null = null;
    let ownerGroup: string | null = null;
    if (input.owner && 'memberId' in input.owner) {
      if (!(await isOnRoll(tx, access.body, input.owner.memberId))) {
        throw new ValidationError('The owner must be a member of this body', [
          { path: 'owner.memberId', message: 'not a member of this body' },
        ]);
      }
      ownerMember = input.owner.memberId;
    } else if (input.owner) {
      const group = await groupInArea(tx, input.owner.groupId);
      if (!group || (access.body.home_area_id && group.area_id !== access.body.home_area_id)) {
        throw new ValidationError('The owner must be a working group of this area', [
          { path: 'owner.groupId', message: 'not a working group of this area' },
        ]);
      }
      ownerGroup = group.id;
    }
    const id = randomUUID();
    await insertActionItem(tx, {
      id,
      decision_id: decisionId,
      text: input.text,
      owner_member_id: ownerMember,
      owner_group_id: ownerGroup,
      due: input.due ?? null,
      created_at: ctx.clock.now(),
    });
    return actionItemView(tx, decisionId, id);
  });
}

/** The secretary, the chair or the owning member marks an action item open or done. */
export async function setActionItem(
  ctx: AppContext,
  principal: Principal,
  itemId: string,
  input: z.output<typeof actionItemStatusBody>,
): Promise<Answer<ActionItemView>> {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `item-status:${itemId}`,
    200,
    async (tx) => {
      const item = await findActionItem(tx, itemId);
      if (!item) throw new NotFoundError('No such action item');
      const access = await accessToBody(ctx, tx, principal, item.body_id);
      requireRoll(access);
      if (!access.recording && item.owner_member_id !== principal.memberId) {
        throw new ForbiddenError('Only the secretary, the chair or the owner can do this');
      }
      await setActionItemStatus(tx, itemId, input.status);
      return actionItemView(tx, item.decision_id, itemId);
    },
  );
}
