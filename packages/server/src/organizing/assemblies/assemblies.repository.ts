import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform';
import type { SpeakerKind } from '@tocsin/core';

// Every query of bodies, meetings, speakers, motions, ballots, decisions and request ids.

const nameOf = sql<string>`coalesce(m.display_name, m.handle)`;

// Bodies are made with their area or group, in its transaction (migration
// 20261205165000_assemblies_fixes): reading them writes nothing.

export interface BodyRow {
  id: string;
  kind: 'neighborhood' | 'workplace' | 'working_group' | 'council';
  area_id: string | null;
  group_id: string | null;
  /** The area the body answers to: its own, its group's, or null for the council. */
  home_area_id: string | null;
  name: string;
  chair_id: string | null;
  chair_name: string | null;
  secretary_id: string | null;
  secretary_name: string | null;
  seconding_required: boolean;
  /** The council's: votes weigh as many seats as the delegate holds. */
  weighted_votes: boolean;
}

function bodiesQuery(db: Executor) {
  return db
    .selectFrom('bodies as b')
    .leftJoin('areas as a', 'a.id', 'b.area_id')
    .leftJoin('working_groups as g', 'g.id', 'b.group_id')
    .leftJoin('members as c', 'c.id', 'b.chair_id')
    .leftJoin('members as s', 's.id', 'b.secretary_id')
    .select([
      'b.id',
      'b.kind',
      'b.area_id',
      'b.group_id',
      sql<string | null>`coalesce(b.area_id, g.area_id)`.as('home_area_id'),
      sql<string>`coalesce(a.name, g.name, 'Council')`.as('name'),
      'b.chair_id',
      sql<string | null>`coalesce(c.display_name, c.handle)`.as('chair_name'),
      'b.secretary_id',
      sql<string | null>`coalesce(s.display_name, s.handle)`.as('secretary_name'),
      'b.seconding_required',
      'b.weighted_votes',
    ]);
}

export function findBody(db: Executor, bodyId: string): Promise<BodyRow | undefined> {
  return bodiesQuery(db).where('b.id', '=', bodyId).executeTakeFirst();
}

/** The bodies whose roll holds the member: areas they hold a role in, groups they joined. */
export function bodiesOnRollOf(db: Executor, memberId: string): Promise<BodyRow[]> {
  return bodiesQuery(db)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('area_roles as r')
            .select('r.member_id')
            .whereRef('r.area_id', '=', 'b.area_id')
            .where('r.member_id', '=', memberId),
        ),
        eb.exists(
          eb
            .selectFrom('working_group_members as wm')
            .select('wm.member_id')
            .whereRef('wm.group_id', '=', 'b.group_id')
            .where('wm.member_id', '=', memberId),
        ),
        // The council: a seated delegate (issue 17).
        eb.and([
          eb('b.kind', '=', 'council'),
          eb.exists(
            eb
              .selectFrom('council_seats as cs')
              .select('cs.member_id')
              .where('cs.member_id', '=', memberId),
          ),
        ]),
      ]),
    )
    .orderBy('b.kind')
    .orderBy('name')
    .execute();
}

/** The bodies of these areas (and of their groups), for an organizer who may appoint officers. */
export function bodiesOfAreas(db: Executor, areaIds: readonly string[]): Promise<BodyRow[]> {
  if (areaIds.length === 0) return Promise.resolve([]);
  return bodiesQuery(db)
    .where((eb) => eb.or([eb('b.area_id', 'in', areaIds), eb('g.area_id', 'in', areaIds)]))
    .execute();
}

function rollQuery(db: Executor, body: Pick<BodyRow, 'kind' | 'area_id' | 'group_id'>) {
  if (body.kind === 'working_group' && body.group_id) {
    return db
      .selectFrom('working_group_members as r')
      .innerJoin('members as m', 'm.id', 'r.member_id')
      .where('r.group_id', '=', body.group_id)
      .where('m.status', '!=', 'suspended');
  }
  if (body.kind === 'council') {
    // The council's roll: the delegates seated now (view council_seats, issue 17).
    return db
      .selectFrom('council_seats as r')
      .innerJoin('members as m', 'm.id', 'r.member_id')
      .where('m.status', '!=', 'suspended');
  }
  return db
    .selectFrom('area_roles as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .where('r.area_id', '=', body.area_id ?? '00000000-0000-0000-0000-000000000000')
    .where('m.status', '!=', 'suspended');
}

/** The ids of the unsuspended members on a body's roll (the bulletin's audience of a body). */
export async function rollMemberIds(
  db: Executor,
  body: Pick<BodyRow, 'kind' | 'area_id' | 'group_id'>,
): Promise<string[]> {
  const rows = await rollQuery(db, body).select('m.id').distinct().execute();
  return rows.map((r) => r.id);
}

/** How many unsuspended members are on the body's roll (the council's: its seated delegates). */
export async function rollSize(
  db: Executor,
  body: Pick<BodyRow, 'kind' | 'area_id' | 'group_id'>,
): Promise<number> {
  const row = await rollQuery(db, body)
    .select(sql<string>`count(distinct m.id)`.as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function isOnRoll(
  db: Executor,
  body: Pick<BodyRow, 'kind' | 'area_id' | 'group_id'>,
  memberId: string,
): Promise<boolean> {
  const row = await rollQuery(db, body)
    .select('m.id')
    .where('m.id', '=', memberId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Seats each council delegate holds now, by member (a weighted council vote counts them). */
export async function seatsHeld(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('council_seats')
    .select(['member_id', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, Number(r.n)]));
}

/** The roll's members by name (at most `limit`), for choosing officers and owners. */
export async function rollMembers(
  db: Executor,
  body: Pick<BodyRow, 'kind' | 'area_id' | 'group_id'>,
  limit: number,
): Promise<{ id: string; name: string }[]> {
  return rollQuery(db, body)
    .select(['m.id', nameOf.as('name')])
    .distinct()
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** The working groups of an area, by name. */
export function groupsOfArea(
  db: Executor,
  areaId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('working_groups')
    .select(['id', 'name'])
    .where('area_id', '=', areaId)
    .orderBy('name')
    .execute();
}

export async function setOfficers(
  db: Executor,
  bodyId: string,
  change: { chair_id?: string | null; secretary_id?: string | null; seconding_required?: boolean },
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await db.updateTable('bodies').set(change).where('id', '=', bodyId).execute();
}

// ---- meetings

export type MeetingRow = Awaited<ReturnType<typeof findMeeting>> & object;

export function findMeeting(db: Executor, meetingId: string) {
  return db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
}

/** Locks the meeting's row for the rest of the transaction: its writes go one at a time. */
export function lockMeeting(tx: Tx, meetingId: string) {
  return tx
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst();
}

export function meetingsOfBody(db: Executor, bodyId: string) {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('body_id', '=', bodyId)
    .orderBy('starts_at', 'desc')
    .limit(200)
    .execute();
}

export async function insertMeeting(
  db: Executor,
  meeting: {
    id: string;
    body_id: string;
    title: string;
    starts_at: Date;
    place: string | null;
    remote: boolean;
    quorum_members: number | null;
    quorum_percent: number | null;
    recurrence: 'weekly' | 'biweekly' | 'monthly' | null;
    previous_id: string | null;
    speaker_order: 'progressive' | 'fifo';
    speaker_seconds: number;
    created_by: string | null;
    created_at: Date;
  },
  agenda: readonly { title: string; minutes: number | null }[],
): Promise<void> {
  await db
    .insertInto('meetings')
    .values({ ...meeting, state: 'scheduled' })
    .execute();
  if (agenda.length > 0) {
    await db
      .insertInto('meeting_agenda_items')
      .values(
        agenda.map((item, position) => ({
          meeting_id: meeting.id,
          position,
          title: item.title,
          minutes: item.minutes,
        })),
      )
      .execute();
  }
}

export async function updateMeeting(
  db: Executor,
  meetingId: string,
  change: Partial<{
    state: 'scheduled' | 'open' | 'closed';
    code: string | null;
    opened_at: Date;
    closed_at: Date;
    current_item: number | null;
    speaker_order: 'progressive' | 'fifo';
    minutes_markdown: string;
    minutes_edited_at: Date;
    minutes_approved_at: Date;
    minutes_approved_by: string;
  }>,
): Promise<void> {
  await db.updateTable('meetings').set(change).where('id', '=', meetingId).execute();
}

export function agendaOf(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_agenda_items')
    .select(['position', 'title', 'minutes'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

// ---- attendance

export async function checkIn(
  db: Executor,
  meetingId: string,
  memberId: string,
  remote: boolean,
  now: Date,
): Promise<void> {
  await db
    .insertInto('meeting_attendance')
    .values({ meeting_id: meetingId, member_id: memberId, remote, checked_in_at: now })
    .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doNothing())
    .execute();
}

export async function attendanceCount(db: Executor, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_attendance')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function isCheckedIn(db: Executor, meetingId: string, memberId: string) {
  const row = await db
    .selectFrom('meeting_attendance')
    .select('member_id')
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Who checked in: for the chair and the secretary only. */
export function attendees(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_attendance as at')
    .innerJoin('members as m', 'm.id', 'at.member_id')
    .select(['m.id', nameOf.as('name'), 'at.remote', 'at.checked_in_at'])
    .where('at.meeting_id', '=', meetingId)
    .orderBy('at.checked_in_at')
    .execute();
}

// ---- speakers

export function speakerRows(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_speakers as sp')
    .innerJoin('members as m', 'm.id', 'sp.member_id')
    .select([
      'sp.id',
      'sp.member_id',
      nameOf.as('name'),
      'sp.kind',
      'sp.state',
      'sp.requested_at',
      'sp.seq',
      'sp.started_at',
    ])
    .where('sp.meeting_id', '=', meetingId)
    .where('sp.state', 'in', ['waiting', 'speaking'])
    .execute();
}

/** How many `speak` turns each member has had (or is having) in the meeting. */
export async function timesSpoken(db: Executor, meetingId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('meeting_speakers')
    .select(['member_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', 'speak')
    .where('state', 'in', ['speaking', 'done'])
    .groupBy('member_id')
    .execute();
  return new Map(rows.map((row) => [row.member_id, Number(row.n)]));
}

/** Adds a waiting request; an existing waiting one of the same kind is kept and returned. */
export async function addSpeaker(
  db: Executor,
  row: { id: string; meetingId: string; memberId: string; kind: SpeakerKind; now: Date },
): Promise<string> {
  // A second waiting request of the same kind (two taps at once, too) adds nothing.
  await db
    .insertInto('meeting_speakers')
    .values({
      id: row.id,
      meeting_id: row.meetingId,
      member_id: row.memberId,
      kind: row.kind,
      state: 'waiting',
      requested_at: row.now,
    })
    .onConflict((oc) =>
      oc.columns(['meeting_id', 'member_id', 'kind']).where('state', '=', 'waiting').doNothing(),
    )
    .execute();
  const waiting = await db
    .selectFrom('meeting_speakers')
    .select('id')
    .where('meeting_id', '=', row.meetingId)
    .where('member_id', '=', row.memberId)
    .where('kind', '=', row.kind)
    .where('state', '=', 'waiting')
    .executeTakeFirst();
  return waiting?.id ?? row.id;
}

export async function withdrawSpeaker(
  db: Executor,
  meetingId: string,
  memberId: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('meeting_speakers')
    .set({ state: 'withdrawn', ended_at: now })
    .where('meeting_id', '=', meetingId)
    .where('member_id', '=', memberId)
    .where('state', '=', 'waiting')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endCurrentSpeaker(db: Executor, meetingId: string, now: Date) {
  await db
    .updateTable('meeting_speakers')
    .set({ state: 'done', ended_at: now })
    .where('meeting_id', '=', meetingId)
    .where('state', '=', 'speaking')
    .execute();
}

export async function startSpeaker(db: Executor, speakerId: string, now: Date) {
  await db
    .updateTable('meeting_speakers')
    .set({ state: 'speaking', started_at: now })
    .where('id', '=', speakerId)
    .execute();
}

export async function endAllSpeakers(db: Executor, meetingId: string, now: Date) {
  await db
    .updateTable('meeting_speakers')
    .set({ state: 'done', ended_at: now })
    .where('meeting_id', '=', meetingId)
    .where('state', 'in', ['waiting', 'speaking'])
    .execute();
}

// ---- motions and ballots

export function motionRows(db: Executor, where: { meetingId: string } | { motionId: string }) {
  const query = db
    .selectFrom('motions as mo')
    .leftJoin('members as m', 'm.id', 'mo.mover_id')
    .leftJoin('members as s', 's.id', 'mo.seconder_id')
    .leftJoin('decisions as d', 'd.motion_id', 'mo.id')
    .selectAll('mo')
    .select([
      nameOf.as('mover_name'),
      sql<string | null>`coalesce(s.display_name, s.handle)`.as('seconder_name'),
      'd.id as decision_id',
    ])
    .orderBy('mo.moved_at')
    .orderBy('mo.id');
  return 'meetingId' in where
    ? query.where('mo.meeting_id', '=', where.meetingId).execute()
    : query.where('mo.id', '=', where.motionId).execute();
}
export type MotionRow = Awaited<ReturnType<typeof motionRows>>[number];

export function lockMotion(tx: Tx, motionId: string) {
  return tx
    .selectFrom('motions')
    .selectAll()
    .where('id', '=', motionId)
    .forUpdate()
    .executeTakeFirst();
}

/** Holds the motion's row against a concurrent close while a ballot is cast (ballots share it). */
export function shareMotion(tx: Tx, motionId: string) {
  return tx
    .selectFrom('motions')
    .select(['id', 'meeting_id', 'state', 'vote_method'])
    .where('id', '=', motionId)
    .forShare()
    .executeTakeFirst();
}

export async function insertMotion(
  db: Executor,
  motion: {
    id: string;
    meeting_id: string;
    amends_id: string | null;
    text: string;
    original_text: string;
    mover_id: string;
    agenda_item: number | null;
    moved_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('motions')
    .values({ ...motion, state: 'moved' })
    .execute();
}

export async function updateMotion(
  db: Executor,
  motionId: string,
  change: Partial<{
    state: 'moved' | 'seconded' | 'voting' | 'carried' | 'failed' | 'invalid' | 'withdrawn';
    text: string;
    seconder_id: string;
    vote_method: 'open' | 'roll_call' | 'secret';
    vote_majority: 'simple' | 'two_thirds' | 'consensus_minus_one';
    vote_opened_at: Date;
    vote_closed_at: Date;
    yes: number;
    no: number;
    abstain: number;
    quorate: boolean;
  }>,
): Promise<void> {
  await db.updateTable('motions').set(change).where('id', '=', motionId).execute();
}

/** Casts or replaces the member's ballot while the vote is open. */
export async function castBallot(
  db: Executor,
  motionId: string,
  memberId: string,
  choice: 'yes' | 'no' | 'abstain',
  now: Date,
): Promise<void> {
  await db
    .insertInto('ballots')
    .values({ motion_id: motionId, member_id: memberId, choice, cast_at: now })
    .onConflict((oc) =>
      oc.columns(['motion_id', 'member_id']).doUpdateSet({ choice, cast_at: now }),
    )
    .execute();
}

/**
 * The running tally and the number of voters (ballots in a secret box) of a meeting's votes. In
 * the council (`council`), the ballots are grouped by the seats their voters hold now too (view
 * `council_seats`), so the running tally weighs them as the closing count does (`councilTally`);
 * elsewhere `seats` is null.
 */
export async function ballotCounts(db: Executor, meetingId: string, council = false) {
  const base = db
    .selectFrom('ballots as b')
    .innerJoin('motions as mo', 'mo.id', 'b.motion_id')
    .where('mo.meeting_id', '=', meetingId);
  const rows = council
    ? await base
        .leftJoin(
          db
            .selectFrom('council_seats')
            .select(['member_id', (eb) => eb.fn.countAll<string>().as('n')])
            .groupBy('member_id')
            .as('cs'),
          'cs.member_id',
          'b.member_id',
        )
        .select([
          'b.motion_id',
          'b.choice',
          sql<string>`coalesce(cs.n, 0)`.as('seats'),
          (eb) => eb.fn.countAll<string>().as('n'),
        ])
        .groupBy(['b.motion_id', 'b.choice', 'cs.n'])
        .execute()
    : await base
        .select([
          'b.motion_id',
          'b.choice',
          sql<null>`null`.as('seats'),
          (eb) => eb.fn.countAll<string>().as('n'),
        ])
        .groupBy(['b.motion_id', 'b.choice'])
        .execute();
  // A secret vote's box: how many ballots, never the choices while it is open (ADR 0025).
  const secret = await db
    .selectFrom('motion_secret_ballots as s')
    .innerJoin('motions as mo', 'mo.id', 's.motion_id')
    .select(['s.motion_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('mo.meeting_id', '=', meetingId)
    .groupBy('s.motion_id')
    .execute();
  return [
    ...rows.map((row) => ({
      motionId: row.motion_id,
      choice: row.choice,
      seats: row.seats === null ? null : Number(row.seats),
      n: Number(row.n),
    })),
    ...secret.map((row) => ({
      motionId: row.motion_id,
      choice: null,
      seats: null,
      n: Number(row.n),
    })),
  ];
}

export function choicesOf(db: Executor, motionId: string) {
  return db
    .selectFrom('ballots as b')
    .innerJoin('members as m', 'm.id', 'b.member_id')
    .select(['b.member_id', 'b.choice', nameOf.as('name')])
    .where('b.motion_id', '=', motionId)
    .orderBy('name')
    .execute();
}

/** The caller's own choices in the meeting's open votes. */
export function myOpenBallots(db: Executor, meetingId: string, memberId: string) {
  return db
    .selectFrom('ballots as b')
    .innerJoin('motions as mo', 'mo.id', 'b.motion_id')
    .select(['b.motion_id', 'b.choice'])
    .where('mo.meeting_id', '=', meetingId)
    .where('mo.state', '=', 'voting')
    .where('b.member_id', '=', memberId)
    .execute();
}

/** Drops who chose what in an open vote: only "voted" remains. */
export async function dropChoices(db: Executor, motionId: string): Promise<void> {
  await db.updateTable('ballots').set({ choice: null }).where('motion_id', '=', motionId).execute();
}

/** Names and choices of a meeting's roll-call votes, for its minutes. */
export function rollCallChoices(db: Executor, meetingId: string) {
  return db
    .selectFrom('ballots as b')
    .innerJoin('motions as mo', 'mo.id', 'b.motion_id')
    .innerJoin('members as m', 'm.id', 'b.member_id')
    .select(['b.motion_id', 'b.choice', nameOf.as('name')])
    .where('mo.meeting_id', '=', meetingId)
    .where('mo.vote_method', '=', 'roll_call')
    .where('b.choice', 'is not', null)
    .orderBy('name')
    .execute();
}

// ---- decisions and action items

export async function insertDecision(
  db: Executor,
  decision: {
    id: string;
    body_id: string;
    meeting_id: string;
    motion_id: string;
    text: string;
    decided_at: Date;
  },
): Promise<void> {
  await db.insertInto('decisions').values(decision).execute();
}

export function findDecision(db: Executor, decisionId: string) {
  return db.selectFrom('decisions').selectAll().where('id', '=', decisionId).executeTakeFirst();
}

export function decisionsOf(
  db: Executor,
  where: { bodyId: string; q?: string | undefined } | { meetingId: string },
) {
  let query = db
    .selectFrom('decisions as d')
    .innerJoin('meetings as mt', 'mt.id', 'd.meeting_id')
    .select([
      'd.id',
      'd.body_id',
      'd.text',
      'd.motion_id',
      'd.meeting_id',
      'mt.title as meeting_title',
      'd.decided_at',
    ])
    .orderBy('d.decided_at', 'desc')
    .orderBy('d.id')
    .limit(500);
  if ('meetingId' in where) return query.where('d.meeting_id', '=', where.meetingId).execute();
  query = query.where('d.body_id', '=', where.bodyId);
  if (where.q) {
    const pattern = `%${where.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`d.text ilike ${pattern}`);
  }
  return query.execute();
}

export function actionItemsOf(db: Executor, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('action_items as ai')
    .leftJoin('members as m', 'm.id', 'ai.owner_member_id')
    .leftJoin('working_groups as g', 'g.id', 'ai.owner_group_id')
    .select([
      'ai.id',
      'ai.decision_id',
      'ai.text',
      'ai.owner_member_id',
      sql<string | null>`coalesce(m.display_name, m.handle)`.as('owner_member_name'),
      'ai.owner_group_id',
      'g.name as owner_group_name',
      'ai.due',
      'ai.status',
    ])
    .where('ai.decision_id', 'in', decisionIds)
    .orderBy('ai.created_at')
    .orderBy('ai.id')
    .execute();
}
export type ActionItemRow = Awaited<ReturnType<typeof actionItemsOf>>[number];

export async function insertActionItem(
  db: Executor,
  item: {
    id: string;
    decision_id: string;
    text: string;
    owner_member_id: string | null;
    owner_group_id: string | null;
    due: string | null;
    created_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('action_items')
    .values({ ...item, status: 'open' })
    .execute();
}

export function findActionItem(db: Executor, itemId: string) {
  return db
    .selectFrom('action_items as ai')
    .innerJoin('decisions as d', 'd.id', 'ai.decision_id')
    .select(['ai.id', 'ai.decision_id', 'ai.owner_member_id', 'd.body_id'])
    .where('ai.id', '=', itemId)
    .executeTakeFirst();
}

export async function setActionItemStatus(db: Executor, itemId: string, status: 'open' | 'done') {
  await db.updateTable('action_items').set({ status }).where('id', '=', itemId).execute();
}

export function groupInArea(db: Executor, groupId: string) {
  return db
    .selectFrom('working_groups')
    .select(['id', 'area_id', 'name'])
    .where('id', '=', groupId)
    .executeTakeFirst();
}

// ---- request ids

/** Claims a request id for this write; false when it was already used (the answer is stored). */
export async function claimRequest(
  tx: Tx,
  requestId: string,
  memberId: string,
  operation: string,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .insertInto('organizing_requests')
    .values({
      request_id: requestId,
      member_id: memberId,
      operation,
      status: 0,
      response: '{}',
      created_at: now,
    })
    .onConflict((oc) => oc.column('request_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export function findRequest(db: Executor, requestId: string) {
  return db
    .selectFrom('organizing_requests')
    .select(['member_id', 'operation', 'status', 'response'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function storeAnswer(
  tx: Tx,
  requestId: string,
  status: number,
  response: unknown,
): Promise<void> {
  await tx
    .updateTable('organizing_requests')
    .set({ status, response: JSON.stringify(response) })
    .where('request_id', '=', requestId)
    .execute();
}

/** When the first meeting of a recurring series started (following `previous_id` back). */
export async function seriesStart(db: Executor, meetingId: string): Promise<Date | undefined> {
  const result = await sql<{ starts_at: Date | string }>`
    with recursive chain (id, previous_id, starts_at) as (
      select id, previous_id, starts_at from meetings where id = ${meetingId}
      union all
      select m.id, m.previous_id, m.starts_at from meetings m join chain c on m.id = c.previous_id
    )
    select starts_at from chain where previous_id is null`.execute(db);
  const row = result.rows[0];
  return row ? new Date(row.starts_at) : undefined;
}

/** Forgets request ids older than `before` (a retry comes within minutes, not days). */
export async function purgeRequests(db: Executor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('organizing_requests')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findMotionMeeting(db: Executor, motionId: string) {
  const row = await db
    .selectFrom('motions')
    .select('meeting_id')
    .where('id', '=', motionId)
    .executeTakeFirst();
  return row?.meeting_id;
}
