import { randomInt, randomUUID } from 'node:crypto';
import {
  generateMinutes,
  isQuorate,
  meetingTransition,
  nextOccurrence,
  orderSpeakers,
  DEFAULT_SPEAKER_SECONDS,
  type approveMinutesBody,
  type checkInBody,
  type MeetingSummary,
  type MeetingView,
  type minutesBody,
  type MinutesView,
  type newMeetingBody,
  type Principal,
  type SpeakerKind,
  type speakerOrderBody,
  type VoteChoice,
} from '@tocsin/core';
import type { z } from 'zod';
import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
  enqueueEvents,
  type AppContext,
  type Executor,
  type Tx,
} from '../../platform';
import {
  bodyAccess,
  requireChair,
  requireRecorder,
  requireRoll,
  type BodyAccess,
} from './assemblies.policy';
import { liveState, presentSummary, quorumOf } from './assemblies.presenter';
import {
  actionItemsOf,
  addSpeaker,
  agendaOf,
  attendanceCount,
  attendees,
  checkIn,
  decisionsOf,
  endAllSpeakers,
  endCurrentSpeaker,
  findBody,
  findMeeting,
  insertMeeting,
  isCheckedIn,
  lockMeeting,
  motionRows,
  myOpenBallots,
  rollCallChoices,
  rollSize,
  seriesStart,
  speakerRows,
  startSpeaker,
  timesSpoken,
  updateMeeting,
  withdrawSpeaker,
  type MeetingRow,
} from './assemblies.repository';
import { accessToBody } from './bodies.service';
import { once, type Answer } from './requests';

export interface MeetingAccess {
  meeting: MeetingRow;
  access: BodyAccess;
}

/**
 * A meeting and what the caller may do in its body: 404 for an unknown id, 403 for anyone not on
 * the body's roll. With `tx`, the meeting's row is locked so its writes go one at a time.
 */
export async function meetingAccess(
  ctx: AppContext,
  db: Executor,
  principal: Principal,
  meetingId: string,
  lock?: Tx,
): Promise<MeetingAccess> {
  const meeting = lock ? await lockMeeting(lock, meetingId) : await findMeeting(db, meetingId);
  if (!meeting) throw new NotFoundError('No such meeting');
  const body = await findBody(db, meeting.body_id);
  if (!body) throw new NotFoundError('No such meeting');
  const access = await bodyAccess(ctx, db, principal, body);
  requireRoll(access);
  return { meeting, access };
}

/** Members act only while the meeting is open: 409 before it opens and once it closed. */
export function requireOpen(meeting: MeetingRow): void {
  if (meeting.state === 'closed') {
    throw new ConflictError('meeting_closed', 'The meeting is closed');
  }
  if (meeting.state !== 'open') {
    throw new ConflictError('meeting_not_open', 'The meeting has not opened yet');
  }
}

export async function requireCheckedIn(db: Executor, meetingId: string, memberId: string) {
  if (!(await isCheckedIn(db, meetingId, memberId))) {
    throw new AppError(403, 'check_in_first', 'Check in to the meeting first');
  }
}

/** POST /bodies/:bodyId/meetings: the chair or the secretary schedules a meeting. */
export async function scheduleMeeting(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof newMeetingBody>,
): Promise<Answer<{ meeting: MeetingSummary }>> {
  return once(ctx, principal.memberId, input.requestId, `meeting:${bodyId}`, 201, async (tx) => {
    const access = await accessToBody(ctx, tx, principal, bodyId);
    requireRecorder(access);
    const now = ctx.clock.now();
    const id = randomUUID();
    await insertMeeting(
      tx,
      {
        id,
        body_id: bodyId,
        title: input.title,
        starts_at: new Date(input.startsAt),
        place: input.place ?? null,
        remote: input.remote ?? false,
        quorum_members: input.quorum && 'members' in input.quorum ? input.quorum.members : null,
        quorum_percent: input.quorum && 'percent' in input.quorum ? input.quorum.percent : null,
        recurrence: input.recurrence ?? null,
        previous_id: null,
        speaker_order: input.speakerOrder ?? 'progressive',
        speaker_seconds: input.speakerSeconds ?? DEFAULT_SPEAKER_SECONDS,
        created_by: principal.memberId,
        created_at: now,
      },
      input.agenda.map((item) => ({ title: item.title, minutes: item.minutes ?? null })),
    );
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'meeting.scheduled',
          payload: { meetingId: id, bodyId, startsAt: new Date(input.startsAt).toISOString() },
        },
      ],
      now,
    );
    const meeting = await findMeeting(tx, id);
    if (!meeting) throw new NotFoundError('No such meeting');
    return { meeting: presentSummary(meeting) };
  });
}

/** GET /meetings/:id: the live state, the caller's part, and the officers' part for them. */
export async function getMeeting(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
): Promise<MeetingView> {
  const { meeting, access } = await meetingAccess(ctx, ctx.db, principal, meetingId);
  const state = await liveState(ctx.db, access.body, meeting);
  const [checkedIn, ballots] = await Promise.all([
    isCheckedIn(ctx.db, meetingId, principal.memberId),
    myOpenBallots(ctx.db, meetingId, principal.memberId),
  ]);
  const officer = access.recording
    ? {
        code: meeting.state === 'open' ? meeting.code : null,
        attendees: (await attendees(ctx.db, meetingId)).map((row) => ({
          id: row.id,
          name: row.name,
          remote: row.remote,
          at: row.checked_in_at.toISOString(),
        })),
      }
    : null;
  return {
    ...state,
    me: {
      memberId: principal.memberId,
      roles: access.roles,
      checkedIn,
      ballots: ballots
        .filter((b): b is { motion_id: string; choice: VoteChoice } => b.choice !== null)
        .map((b) => ({ motionId: b.motion_id, choice: b.choice })),
    },
    officer,
  };
}

/** The state other members see, for the stream; null when the meeting is gone. */
export async function streamState(ctx: AppContext, meetingId: string) {
  const meeting = await findMeeting(ctx.db, meetingId);
  if (!meeting) return null;
  const body = await findBody(ctx.db, meeting.body_id);
  if (!body) return null;
  return liveState(ctx.db, body, meeting);
}

/** Whether a member may follow a meeting's live state (on its body's roll). */
export async function mayFollow(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
): Promise<boolean> {
  const meeting = await findMeeting(ctx.db, meetingId);
  const body = meeting && (await findBody(ctx.db, meeting.body_id));
  if (!body) return false;
  return (await bodyAccess(ctx, ctx.db, principal, body)).onRoll;
}

function meetingCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function step(meeting: MeetingRow, action: 'open' | 'close') {
  const next = meetingTransition(meeting.state, action);
  if (!next.ok) {
    throw new ConflictError(
      meeting.state === 'closed' ? 'meeting_closed' : 'meeting_state',
      `Cannot ${action}: ${next.reason}`,
    );
  }
  return next.state;
}

export async function openMeeting(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  requestId: string,
): Promise<Answer<MeetingSummary>> {
  return once(ctx, principal.memberId, requestId, `open:${meetingId}`, 200, async (tx) => {
    const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId, tx);
    requireChair(access);
    const state = step(meeting, 'open');
    const now = ctx.clock.now();
    const agenda = await agendaOf(tx, meetingId);
    await updateMeeting(tx, meetingId, {
      state,
      code: meetingCode(),
      opened_at: now,
      current_item: agenda.length > 0 ? 0 : null,
    });
    await enqueueEvents(
      ctx,
      tx,
      [{ name: 'meeting.opened', payload: { meetingId, bodyId: meeting.body_id } }],
      now,
    );
    return presentSummary({ ...meeting, state });
  });
}

/**
 * The chair closes the meeting (not while a vote is open). A recurring meeting schedules its next
 * one, with the same agenda and settings.
 */
export async function closeMeeting(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  requestId: string,
): Promise<Answer<MeetingSummary>> {
  return once(ctx, principal.memberId, requestId, `close:${meetingId}`, 200, async (tx) => {
    const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId, tx);
    requireChair(access);
    const state = step(meeting, 'close');
    const motions = await motionRows(tx, { meetingId });
    if (motions.some((m) => m.state === 'voting')) {
      throw new ConflictError('vote_open', 'Close the open vote first');
    }
    const now = ctx.clock.now();
    await endAllSpeakers(tx, meetingId, now);
    await updateMeeting(tx, meetingId, { state, code: null, closed_at: now, current_item: null });
    let nextId: string | null = null;
    if (meeting.recurrence) {
      nextId = randomUUID();
      // On the city's clocks: a weekly 19:00 stays at 19:00 across daylight-saving changes, and
      // the series' first meeting keeps its time and day of the month (ADR 0031).
      const timeZone = (await ctx.areas.get()).settings?.timeZone ?? 'UTC';
      const first = (await seriesStart(tx, meetingId)) ?? meeting.starts_at;
      const startsAt = nextOccurrence(meeting.starts_at, meeting.recurrence, timeZone, first);
      const agenda = await agendaOf(tx, meetingId);
      await insertMeeting(
        tx,
        {
          id: nextId,
          body_id: meeting.body_id,
          title: meeting.title,
          starts_at: startsAt,
          place: meeting.place,
          remote: meeting.remote,
          quorum_members: meeting.quorum_members,
          quorum_percent: meeting.quorum_percent,
          recurrence: meeting.recurrence,
          previous_id: meetingId,
          speaker_order: meeting.speaker_order,
          speaker_seconds: meeting.speaker_seconds,
          created_by: principal.memberId,
          created_at: now,
        },
        agenda,
      );
      await enqueueEvents(
        ctx,
        tx,
        [
          {
            name: 'meeting.scheduled',
            payload: {
              meetingId: nextId,
              bodyId: meeting.body_id,
              startsAt: startsAt.toISOString(),
            },
          },
        ],
        now,
      );
    }
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'meeting.closed',
          payload: { meetingId, bodyId: meeting.body_id, nextMeetingId: nextId },
        },
      ],
      now,
    );
    return presentSummary({ ...meeting, state });
  });
}

export async function nextAgendaItem(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  requestId: string,
): Promise<Answer<{ currentItem: number | null }>> {
  return once(ctx, principal.memberId, requestId, `agenda:${meetingId}`, 200, async (tx) => {
    const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId, tx);
    requireChair(access);
    requireOpen(meeting);
    const agenda = await agendaOf(tx, meetingId);
    const current = meeting.current_item;
    const next = current !== null && current + 1 < agenda.length ? current + 1 : null;
    await updateMeeting(tx, meetingId, { current_item: next });
    return { currentItem: next };
  });
}

/**
 * A member of the body checks in with the code on the projector, or without one (remotely) when
 * the meeting allows remote participation. Checking in twice counts once.
 */
export async function checkInToMeeting(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  input: z.output<typeof checkInBody>,
): Promise<Answer<{ attendance: number; quorate: boolean; remote: boolean }>> {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `check-in:${meetingId}`,
    200,
    async (tx) => {
      const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId);
      requireOpen(meeting);
      let remote = false;
      if (input.code === undefined) {
        if (!meeting.remote) {
          throw new ValidationError('This meeting needs the code shown in the room', [
            { path: 'code', message: 'required: this meeting has no remote participation' },
          ]);
        }
        remote = true;
      } else if (input.code !== meeting.code) {
        throw new ValidationError('That is not the code on the screen', [
          { path: 'code', message: 'not the code of this meeting' },
        ]);
      }
      await checkIn(tx, meetingId, principal.memberId, remote, ctx.clock.now());
      const [attendance, size] = await Promise.all([
        attendanceCount(tx, meetingId),
        rollSize(tx, access.body),
      ]);
      return { attendance, quorate: isQuorate(quorumOf(meeting), attendance, size), remote };
    },
  );
}

/** A checked-in member asks to speak (or raises a point); one waiting request of each kind. */
export async function requestToSpeak(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  input: { requestId: string; kind: SpeakerKind },
): Promise<Answer<{ id: string; kind: SpeakerKind; position: number | null }>> {
  return once(ctx, principal.memberId, input.requestId, `speak:${meetingId}`, 201, async (tx) => {
    const { meeting } = await meetingAccess(ctx, tx, principal, meetingId);
    requireOpen(meeting);
    await requireCheckedIn(tx, meetingId, principal.memberId);
    const id = await addSpeaker(tx, {
      id: randomUUID(),
      meetingId,
      memberId: principal.memberId,
      kind: input.kind,
      now: ctx.clock.now(),
    });
    const state = await orderedQueue(tx, meeting);
    const index = state.findIndex((entry) => entry.id === id);
    return { id, kind: input.kind, position: index < 0 ? null : index + 1 };
  });
}

/** The waiting requests in the order the chair calls them. */
async function orderedQueue(db: Executor, meeting: MeetingRow) {
  const [rows, spoken] = await Promise.all([
    speakerRows(db, meeting.id),
    timesSpoken(db, meeting.id),
  ]);
  const waiting = rows
    .filter((r) => r.state === 'waiting')
    .map((r) => ({
      id: r.id,
      memberId: r.member_id,
      kind: r.kind,
      requestedAt: r.requested_at.getTime(),
      seq: Number(r.seq),
      startedAt: r.started_at,
      name: r.name,
    }));
  return orderSpeakers(waiting, spoken, meeting.speaker_order);
}

/** The member takes back every waiting request (naturally idempotent: a repeat withdraws none). */
export async function withdrawFromQueue(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
): Promise<{ withdrawn: number }> {
  const { meeting } = await meetingAccess(ctx, ctx.db, principal, meetingId);
  requireOpen(meeting);
  const withdrawn = await withdrawSpeaker(ctx.db, meetingId, principal.memberId, ctx.clock.now());
  return { withdrawn };
}

/** The chair ends the current turn and calls the next speaker in order. */
export async function callNextSpeaker(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  requestId: string,
) {
  return once(ctx, principal.memberId, requestId, `next-speaker:${meetingId}`, 200, async (tx) => {
    const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId, tx);
    requireChair(access);
    requireOpen(meeting);
    const now = ctx.clock.now();
    await endCurrentSpeaker(tx, meetingId, now);
    const queue = await orderedQueue(tx, meeting);
    const next = queue[0];
    if (!next) return { current: null };
    await startSpeaker(tx, next.id, now);
    return {
      current: {
        id: next.id,
        member: { id: next.memberId, name: next.name },
        kind: next.kind,
        requestedAt: new Date(next.requestedAt).toISOString(),
        startedAt: now.toISOString(),
        seconds: meeting.speaker_seconds,
      },
    };
  });
}

/** The chair switches the speakers list between progressive stack and first come. */
export async function setSpeakerOrder(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  input: z.output<typeof speakerOrderBody>,
): Promise<Answer<MeetingSummary>> {
  return once(ctx, principal.memberId, input.requestId, `order:${meetingId}`, 200, async (tx) => {
    const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId, tx);
    requireChair(access);
    if (meeting.state === 'closed')
      throw new ConflictError('meeting_closed', 'The meeting is closed');
    await updateMeeting(tx, meetingId, { speaker_order: input.order });
    return presentSummary(meeting);
  });
}

// ---- minutes

async function generatedMinutes(db: Executor, access: BodyAccess, meeting: MeetingRow) {
  const [agenda, attendance, size, motions, roll, decisions] = await Promise.all([
    agendaOf(db, meeting.id),
    attendanceCount(db, meeting.id),
    rollSize(db, access.body),
    motionRows(db, { meetingId: meeting.id }),
    rollCallChoices(db, meeting.id),
    decisionsOf(db, { meetingId: meeting.id }),
  ]);
  const items = await actionItemsOf(
    db,
    decisions.map((d) => d.id),
  );
  return generateMinutes({
    bodyName: access.body.name,
    title: meeting.title,
    startsAt: meeting.starts_at.toISOString(),
    place: meeting.place,
    openedAt: meeting.opened_at?.toISOString() ?? null,
    closedAt: meeting.closed_at?.toISOString() ?? null,
    attendance,
    rollSize: size,
    quorum: quorumOf(meeting),
    recurrence: meeting.recurrence,
    agenda,
    motions: motions.map((m) => {
      const decision = decisions.find((d) => d.motion_id === m.id);
      return {
        id: m.id,
        originalText: m.original_text,
        text: m.text,
        mover: m.mover_name,
        seconder: m.seconder_name,
        amends: m.amends_id,
        state: m.state,
        method: m.vote_method,
        majority: m.vote_majority,
        result:
          m.yes !== null && m.no !== null && m.abstain !== null
            ? { yes: m.yes, no: m.no, abstain: m.abstain }
            : null,
        quorate: m.quorate,
        rollCall:
          m.vote_method === 'roll_call'
            ? roll
                .filter((r) => r.motion_id === m.id && r.choice !== null)
                .map((r) => ({ name: r.name, choice: r.choice as VoteChoice }))
            : null,
        decision: decision
          ? {
              actionItems: items
                .filter((i) => i.decision_id === decision.id)
                .map((i) => ({
                  text: i.text,
                  owner: i.owner_member_name ?? i.owner_group_name,
                  due: i.due,
                  status: i.status,
                })),
            }
          : null,
      };
    }),
  });
}

async function minutesView(
  db: Executor,
  access: BodyAccess,
  meeting: MeetingRow,
): Promise<MinutesView> {
  return {
    markdown: meeting.minutes_markdown ?? (await generatedMinutes(db, access, meeting)),
    edited: meeting.minutes_markdown !== null,
    approved: meeting.minutes_approved_at !== null,
    approvedAt: meeting.minutes_approved_at?.toISOString() ?? null,
    approvedBy: meeting.minutes_approved_by,
  };
}

export async function getMinutes(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
): Promise<MinutesView> {
  const { meeting, access } = await meetingAccess(ctx, ctx.db, principal, meetingId);
  return minutesView(ctx.db, access, meeting);
}

/** The secretary edits the minutes of a closed meeting until they are approved. */
export async function editMinutes(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  input: z.output<typeof minutesBody>,
): Promise<Answer<MinutesView>> {
  return once(ctx, principal.memberId, input.requestId, `minutes:${meetingId}`, 200, async (tx) => {
    const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId, tx);
    requireRecorder(access);
    if (meeting.state !== 'closed') {
      throw new ConflictError('meeting_not_closed', 'Minutes are edited once the meeting closed');
    }
    if (meeting.minutes_approved_at) {
      throw new ConflictError('minutes_approved', 'These minutes are approved');
    }
    const now = ctx.clock.now();
    await updateMeeting(tx, meetingId, {
      minutes_markdown: input.markdown,
      minutes_edited_at: now,
    });
    return minutesView(tx, access, {
      ...meeting,
      minutes_markdown: input.markdown,
      minutes_edited_at: now,
    });
  });
}

/** The chair of a later, open meeting of the same body records that it approved the minutes. */
export async function approveMinutes(
  ctx: AppContext,
  principal: Principal,
  meetingId: string,
  input: z.output<typeof approveMinutesBody>,
): Promise<Answer<MinutesView>> {
  return once(ctx, principal.memberId, input.requestId, `approve:${meetingId}`, 200, async (tx) => {
    const { meeting, access } = await meetingAccess(ctx, tx, principal, meetingId, tx);
    requireChair(access);
    const at = await findMeeting(tx, input.atMeetingId);
    if (!at || at.body_id !== meeting.body_id || at.id === meeting.id) {
      throw new ValidationError('Minutes are approved by a later meeting of the same body', [
        { path: 'atMeetingId', message: 'not a meeting of this body' },
      ]);
    }
    if (meeting.state !== 'closed') {
      throw new ConflictError('meeting_not_closed', 'The meeting has not closed');
    }
    if (at.state !== 'open' || at.starts_at <= meeting.starts_at) {
      throw new ConflictError('not_next_meeting', 'Approve minutes during a later, open meeting');
    }
    if (meeting.minutes_approved_at) {
      throw new ConflictError('minutes_approved', 'These minutes are approved');
    }
    const now = ctx.clock.now();
    await updateMeeting(tx, meetingId, { minutes_approved_at: now, minutes_approved_by: at.id });
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'minutes.approved',
          payload: { meetingId, bodyId: meeting.body_id, atMeetingId: at.id },
        },
      ],
      now,
    );
    return minutesView(tx, access, {
      ...meeting,
      minutes_approved_at: now,
      minutes_approved_by: at.id,
    });
  });
}
