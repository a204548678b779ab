import { randomUUID } from 'node:crypto';
import {
  againstMandate,
  DEFAULT_SEAT_RULE,
  ratificationsNeeded,
  ratificationState,
  seatsFor,
  type appointDelegateBody,
  type BodyMandates,
  type CommitteeSeats,
  type CouncilItem,
  type CouncilMeeting,
  type CouncilView,
  type DelegateView,
  type MandateView,
  type mandateBody,
  type Principal,
  type RatificationView,
  type ratifyBody,
  type ReportBack,
  type requireRatificationBody,
  type SeatRule,
  type toCouncilAgendaBody,
} from '@tocsin/core';
import type { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  audit,
  enqueueEvents,
  type AppContext,
  type Executor,
} from '../../platform';
import { canOrganize } from '../../membership';
import {
  accessToBody,
  isOnRoll,
  once,
  requireRoll,
  type Answer,
  type BodyAccess,
} from '../assemblies';
import {
  agendaOf,
  answerRatification,
  answersOf,
  appendAgendaItem,
  carriedMotionOf,
  choicesOfMembers,
  committeesWithActive,
  councilBodyId,
  councilDecision,
  councilItem,
  councilMeeting,
  currentDelegateCount,
  delegateElectionHeld,
  delegatesDuring,
  insertDelegate,
  insertRatification,
  lastCouncilMeeting,
  memberName,
  lockRatification,
  mandatesOf,
  nextCouncilMeeting,
  ratifications,
  rollCallMotions,
  seatedCommitteeIds,
  seatedDelegates,
  setWeightedVotes,
  settleRatification,
  upsertMandate,
  type CouncilMeetingRow,
} from './council.repository';

const iso = (d: Date) => d.toISOString();

function addMonths(date: Date, months: number): Date {
  const next = new Date(date.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/** The city pack's seat rule (defaults 10 and 100). */
export async function seatRule(ctx: AppContext): Promise<SeatRule> {
  const council = (await ctx.areas.get()).settings?.council;
  return council ? { minimum: council.seatMinimum, block: council.seatBlock } : DEFAULT_SEAT_RULE;
}

/** Council pages are for members past probation (delegates' names, the agenda). */
function requireMember(principal: Principal): void {
  if (principal.status !== 'active') {
    throw new ForbiddenError('The council is shown to active members');
  }
}

async function isCityOrganizer(ctx: AppContext, principal: Principal): Promise<boolean> {
  const city = (await ctx.areas.get()).city;
  return city ? canOrganize(principal, [city.id]) : false;
}

function requireCommittee(access: BodyAccess): void {
  if (access.body.kind !== 'neighborhood' && access.body.kind !== 'workplace') {
    throw new ValidationError('Only a neighborhood or workplace committee sits in the council', [
      { path: 'bodyId', message: 'not a neighborhood or workplace body' },
    ]);
  }
}

function requireRecording(access: BodyAccess): void {
  requireRoll(access);
  if (!access.recording) {
    throw new ForbiddenError('Only the secretary or the chair records what the committee decided');
  }
}

async function requireCarried(db: Executor, bodyId: string, motionId: string) {
  const motion = await carriedMotionOf(db, bodyId, motionId);
  if (!motion) {
    throw new ValidationError('This needs a motion the committee carried', [
      { path: 'motionId', message: 'not a carried motion of this body' },
    ]);
  }
  return motion;
}

async function presentMeeting(db: Executor, row: CouncilMeetingRow): Promise<CouncilMeeting> {
  const agenda = await agendaOf(db, row.id);
  return {
    id: row.id,
    title: row.title,
    startsAt: iso(row.starts_at),
    state: row.state,
    agenda: agenda.map((i): CouncilItem => ({
      id: i.id,
      position: i.position,
      title: i.title,
      fromBody: i.from_body_id && i.from_name ? { id: i.from_body_id, name: i.from_name } : null,
    })),
  };
}

function presentMandate(row: Awaited<ReturnType<typeof mandatesOf>>[number]): MandateView {
  return {
    bodyId: row.body_id,
    bodyName: row.body_name,
    itemId: row.item_id,
    meetingId: row.meeting_id,
    position: row.position,
    note: row.note,
    motionId: row.motion_id,
    setAt: iso(row.set_at),
  };
}

/** GET /council: seats per committee, the seated delegates, the next and last meetings. */
export async function getCouncil(ctx: AppContext, principal: Principal): Promise<CouncilView> {
  requireMember(principal);
  const council = await councilBodyId(ctx.db);
  if (!council) throw new NotFoundError('No council');
  const rule = await seatRule(ctx);
  const [committees, delegates, next, last] = await Promise.all([
    committeesWithActive(ctx.db),
    seatedDelegates(ctx.db),
    nextCouncilMeeting(ctx.db),
    lastCouncilMeeting(ctx.db),
  ]);
  const byBody = new Map<string, DelegateView[]>();
  for (const d of delegates) {
    const list = byBody.get(d.body_id) ?? [];
    list.push({
      holderId: d.holder_id,
      member: { id: d.member_id, name: d.name },
      seat: d.seat,
      termEnd: iso(d.term_end),
      source: d.source,
    });
    byBody.set(d.body_id, list);
  }
  const seated: CommitteeSeats[] = [];
  for (const c of committees) {
    const seats = seatsFor(c.active, rule);
    if (seats === 0) continue;
    const held = byBody.get(c.id) ?? [];
    seated.push({
      bodyId: c.id,
      name: c.name,
      kind: c.kind,
      seats,
      vacant: Math.max(0, seats - held.length),
      delegates: held,
    });
  }
  const mine = delegates.filter((d) => d.member_id === principal.memberId);
  const mandates = next
    ? await mandatesOf(ctx.db, {
        bodyIds: [...new Set(mine.map((d) => d.body_id))],
        meetingId: next.id,
      })
    : [];
  return {
    bodyId: council.id,
    rule: { minimum: rule.minimum, block: rule.block },
    weightedVotes: council.weighted_votes,
    totalSeats: seated.reduce((sum, c) => sum + c.seats, 0),
    committees: seated,
    nextMeeting: next ? await presentMeeting(ctx.db, next) : null,
    lastMeeting: last ? await presentMeeting(ctx.db, last) : null,
    me: {
      seats: mine.length,
      mandates: mandates.map(presentMandate),
      canConfigure: await isCityOrganizer(ctx, principal),
    },
  };
}

/** PUT /council/settings: a city organizer weighs delegates' votes by seats, or not. */
export async function setCouncilSettings(
  ctx: AppContext,
  principal: Principal,
  input: { requestId: string; weightedVotes: boolean },
): Promise<Answer<{ weightedVotes: boolean }>> {
  return once(ctx, principal.memberId, input.requestId, 'council-settings', 200, async (tx) => {
    if (!(await isCityOrganizer(ctx, principal))) {
      throw new ForbiddenError('Only a city organizer changes the council’s settings');
    }
    await setWeightedVotes(tx, input.weightedVotes);
    await audit(tx, {
      at: ctx.clock.now(),
      actorId: principal.memberId,
      action: 'council.settings',
      details: { weightedVotes: input.weightedVotes },
    });
    return { weightedVotes: input.weightedVotes };
  });
}

/**
 * POST /bodies/:bodyId/delegates: until the body has held a delegate election, its carried motion
 * appoints a delegate to a vacant seat (the secretary or the chair records it).
 */
export async function appointDelegate(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof appointDelegateBody>,
): Promise<Answer<DelegateView>> {
  return once(ctx, principal.memberId, input.requestId, `delegate:${bodyId}`, 201, async (tx) => {
    const access = await accessToBody(ctx, tx, principal, bodyId);
    requireRecording(access);
    requireCommittee(access);
    await requireCarried(tx, bodyId, input.motionId);
    if (await delegateElectionHeld(tx, bodyId)) {
      throw new ConflictError(
        'election_held',
        'This body elects its delegates: appointment is only until its first election',
      );
    }
    if (!(await isOnRoll(tx, access.body, input.memberId))) {
      throw new ValidationError('A delegate must be a member of the body', [
        { path: 'memberId', message: 'not a member of this body' },
      ]);
    }
    const [committee] = await committeesWithActive(tx, [bodyId]);
    const seats = seatsFor(committee?.active ?? 0, await seatRule(ctx));
    const now = ctx.clock.now();
    if ((await currentDelegateCount(tx, bodyId, now)) >= seats) {
      throw new ConflictError(
        'no_vacant_seat',
        seats === 0 ? 'This body has too few members for a council seat' : 'Every seat is filled',
      );
    }
    const id = randomUUID();
    const termEnd = addMonths(now, input.termMonths);
    await insertDelegate(tx, {
      id,
      body_id: bodyId,
      member_id: input.memberId,
      term_start: now,
      term_end: termEnd,
    });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'council.delegate_appointed',
      areaId: access.body.home_area_id,
      targetId: id,
      details: { motionId: input.motionId },
    });
    const seated = (await seatedDelegates(tx)).find((d) => d.holder_id === id);
    const name = await memberName(tx, input.memberId);
    return {
      holderId: id,
      member: { id: input.memberId, name },
      seat: seated?.seat ?? 0,
      termEnd: iso(termEnd),
      source: 'appointment' as const,
    };
  });
}

/** GET /bodies/:bodyId/mandates: the committee's roll sees the next council agenda and its mandates. */
export async function bodyMandates(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
): Promise<BodyMandates> {
  const access = await accessToBody(ctx, ctx.db, principal, bodyId);
  requireRoll(access);
  requireCommittee(access);
  const next = await nextCouncilMeeting(ctx.db);
  const mandates = next ? await mandatesOf(ctx.db, { bodyIds: [bodyId], meetingId: next.id }) : [];
  return {
    meeting: next ? await presentMeeting(ctx.db, next) : null,
    mandates: mandates.map(presentMandate),
    canRecord: access.recording,
  };
}

/** PUT /bodies/:bodyId/mandates/:itemId: the committee's carried motion sets its mandate. */
export async function setMandate(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  itemId: string,
  input: z.output<typeof mandateBody>,
): Promise<Answer<MandateView>> {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `mandate:${bodyId}:${itemId}`,
    200,
    async (tx) => {
      const access = await accessToBody(ctx, tx, principal, bodyId);
      requireRecording(access);
      requireCommittee(access);
      const item = await councilItem(tx, itemId);
      if (!item) throw new NotFoundError('No such council agenda item');
      if (item.state === 'closed') {
        throw new ConflictError('meeting_closed', 'The council meeting is over');
      }
      await requireCarried(tx, bodyId, input.motionId);
      const now = ctx.clock.now();
      await upsertMandate(tx, {
        body_id: bodyId,
        item_id: itemId,
        meeting_id: item.meeting_id,
        position: input.position,
        note: input.note ?? null,
        motion_id: input.motionId,
        set_at: now,
      });
      // The committee's seated delegates are told: stream and a calm push (mandate-notice.ts).
      await enqueueEvents(
        ctx,
        tx,
        [
          {
            name: 'mandate.changed',
            payload: {
              bodyId,
              itemId,
              meetingId: item.meeting_id,
              setBy: principal.memberId,
            },
          },
        ],
        now,
      );
      const [row] = await mandatesOf(tx, { bodyIds: [bodyId], meetingId: item.meeting_id }).then(
        (rows) => rows.filter((r) => r.item_id === itemId),
      );
      if (!row) throw new NotFoundError('No such mandate');
      return presentMandate(row);
    },
  );
}

/**
 * GET /bodies/:bodyId/report-back/:meetingId: per council agenda item, the committee's mandate and
 * how each of its delegates voted in the roll calls under that item; a vote against the mandate
 * is flagged.
 */
export async function reportBack(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  meetingId: string,
): Promise<ReportBack> {
  const access = await accessToBody(ctx, ctx.db, principal, bodyId);
  requireRoll(access);
  requireCommittee(access);
  const meeting = await councilMeeting(ctx.db, meetingId);
  if (!meeting) throw new NotFoundError('No such council meeting');
  const from = meeting.opened_at ?? meeting.starts_at;
  const to = meeting.closed_at ?? ctx.clock.now();
  const [view, mandates, delegates, motions] = await Promise.all([
    presentMeeting(ctx.db, meeting),
    mandatesOf(ctx.db, { bodyIds: [bodyId], meetingId }),
    delegatesDuring(ctx.db, bodyId, from, to),
    rollCallMotions(ctx.db, meetingId),
  ]);
  const choices = await choicesOfMembers(
    ctx.db,
    motions.map((m) => m.id),
    delegates.map((d) => d.member_id),
  );
  const choiceOf = new Map(choices.map((c) => [`${c.motion_id}:${c.member_id}`, c.choice]));
  const mandateOf = new Map(mandates.map((m) => [m.item_id, m.position]));
  return {
    meeting: view,
    items: view.agenda.map((item) => {
      const mandate = mandateOf.get(item.id) ?? null;
      return {
        itemId: item.id,
        position: item.position,
        title: item.title,
        mandate,
        votes: motions
          .filter((m) => m.agenda_item === item.position)
          .flatMap((m) =>
            delegates.map((d) => {
              const choice = choiceOf.get(`${m.id}:${d.member_id}`) ?? null;
              return {
                motionId: m.id,
                motionText: m.text,
                delegate: { id: d.member_id, name: d.name },
                choice,
                againstMandate: againstMandate(mandate, choice),
              };
            }),
          ),
      };
    }),
  };
}

/** POST /bodies/:bodyId/council-agenda: a committee's carried motion joins the next council agenda. */
export async function toCouncilAgenda(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  input: z.output<typeof toCouncilAgendaBody>,
): Promise<Answer<{ meetingId: string; item: CouncilItem }>> {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `council-agenda:${bodyId}`,
    201,
    async (tx) => {
      const access = await accessToBody(ctx, tx, principal, bodyId);
      requireRecording(access);
      requireCommittee(access);
      const motion = await requireCarried(tx, bodyId, input.motionId);
      const next = await nextCouncilMeeting(tx);
      if (!next || next.state !== 'scheduled') {
        throw new ConflictError('no_council_meeting', 'No council meeting is scheduled');
      }
      const title = motion.text.length > 200 ? `${motion.text.slice(0, 199)}…` : motion.text;
      const agenda = await agendaOf(tx, next.id);
      if (agenda.some((i) => i.from_body_id === bodyId && i.title === title)) {
        throw new ConflictError(
          'already_on_agenda',
          'This motion is already on the council agenda',
        );
      }
      const item = await appendAgendaItem(tx, { meeting_id: next.id, title, from_body_id: bodyId });
      return {
        meetingId: next.id,
        item: {
          id: item.id,
          position: item.position,
          title,
          fromBody: { id: bodyId, name: access.body.name },
        },
      };
    },
  );
}

// ---- ratification

async function ratificationViews(db: Executor, decisionId?: string): Promise<RatificationView[]> {
  const rows = await ratifications(db, decisionId);
  const answers = await answersOf(
    db,
    rows.map((r) => r.decision_id),
  );
  return rows.map((r) => {
    const mine = answers.filter((a) => a.decision_id === r.decision_id);
    const ratified = mine.filter((a) => a.ratify === true).length;
    const rejected = mine.filter((a) => a.ratify === false).length;
    return {
      decisionId: r.decision_id,
      text: r.text,
      sharePercent: r.share_percent,
      state: r.state,
      needed: ratificationsNeeded(mine.length, r.share_percent),
      committees: mine.length,
      ratified,
      rejected,
      pending: mine.length - ratified - rejected,
      effectiveAt: r.state === 'ratified' && r.settled_at ? iso(r.settled_at) : null,
      answers: mine.map((a) => ({ bodyId: a.body_id, name: a.name, ratify: a.ratify })),
    };
  });
}

/** GET /council/ratifications: the dashboard. */
export async function listRatifications(
  ctx: AppContext,
  principal: Principal,
): Promise<{ ratifications: RatificationView[] }> {
  requireMember(principal);
  return { ratifications: await ratificationViews(ctx.db) };
}

/**
 * POST /council/decisions/:decisionId/ratification: whoever chairs the council sends a decision
 * to the committees seated now; it takes effect once the share of them ratified it.
 */
export async function requireRatification(
  ctx: AppContext,
  principal: Principal,
  decisionId: string,
  input: z.output<typeof requireRatificationBody>,
): Promise<Answer<RatificationView>> {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `ratification:${decisionId}`,
    201,
    async (tx) => {
      const decision = await councilDecision(tx, decisionId);
      if (!decision) throw new NotFoundError('No such council decision');
      const access = await accessToBody(ctx, tx, principal, decision.body_id);
      requireRoll(access);
      if (!access.chairing) throw new ForbiddenError('Only the council’s chair can do this');
      if ((await ratifications(tx, decisionId)).length > 0) {
        throw new ConflictError('ratification_exists', 'This decision already awaits ratification');
      }
      const committees = await seatedCommitteeIds(tx);
      if (committees.length === 0) {
        throw new ConflictError('no_committees', 'No committee holds a seat');
      }
      await insertRatification(
        tx,
        {
          decision_id: decisionId,
          share_percent: input.sharePercent ?? null,
          created_at: ctx.clock.now(),
        },
        committees,
      );
      const [view] = await ratificationViews(tx, decisionId);
      if (!view) throw new NotFoundError('No such ratification');
      return view;
    },
  );
}

/** PUT /bodies/:bodyId/ratifications/:decisionId: a committee's carried motion answers. */
export async function ratify(
  ctx: AppContext,
  principal: Principal,
  bodyId: string,
  decisionId: string,
  input: z.output<typeof ratifyBody>,
): Promise<Answer<RatificationView>> {
  return once(
    ctx,
    principal.memberId,
    input.requestId,
    `ratify:${bodyId}:${decisionId}`,
    200,
    async (tx) => {
      const access = await accessToBody(ctx, tx, principal, bodyId);
      requireRecording(access);
      requireCommittee(access);
      const locked = await lockRatification(tx, decisionId);
      if (!locked) throw new NotFoundError('No ratification of this decision');
      if (locked.state !== 'pending') {
        throw new ConflictError('ratification_settled', `The decision is already ${locked.state}`);
      }
      await requireCarried(tx, bodyId, input.motionId);
      const now = ctx.clock.now();
      const updated = await answerRatification(tx, {
        decision_id: decisionId,
        body_id: bodyId,
        ratify: input.ratify,
        motion_id: input.motionId,
        at: now,
      });
      if (updated === 0) throw new ForbiddenError('This committee was not asked to ratify it');
      const [before] = await ratificationViews(tx, decisionId);
      if (!before) throw new NotFoundError('No such ratification');
      const state = ratificationState({
        committees: before.committees,
        ratified: before.ratified,
        rejected: before.rejected,
        sharePercent: before.sharePercent,
      });
      if (state !== 'pending') {
        await settleRatification(tx, decisionId, state, now);
        await audit(tx, {
          at: now,
          actorId: principal.memberId,
          action: `council.decision_${state}`,
          targetId: decisionId,
        });
      }
      const [view] = await ratificationViews(tx, decisionId);
      if (!view) throw new NotFoundError('No such ratification');
      return view;
    },
  );
}
