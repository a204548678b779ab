import { sql } from 'kysely';
import type { Executor } from '../../platform';

// Every query of the council: seats (view council_seats), committees' active members, council
// meetings and their agenda, mandates, report-back votes, ratifications.

const nameOf = sql<string>`coalesce(m.display_name, m.handle)`;
const areaName = sql<string>`coalesce(a.name, 'Council')`;

export function councilBodyId(
  db: Executor,
): Promise<{ id: string; weighted_votes: boolean } | undefined> {
  return db
    .selectFrom('bodies')
    .select(['id', 'weighted_votes'])
    .where('kind', '=', 'council')
    .executeTakeFirst();
}

export async function setWeightedVotes(db: Executor, weighted: boolean): Promise<void> {
  await db
    .updateTable('bodies')
    .set({ weighted_votes: weighted })
    .where('kind', '=', 'council')
    .execute();
}

/** Neighborhood and workplace bodies with their active members (past probation), by name. */
export async function committeesWithActive(
  db: Executor,
  bodyIds?: readonly string[],
): Promise<{ id: string; name: string; kind: 'neighborhood' | 'workplace'; active: number }[]> {
  let query = db
    .selectFrom('bodies as b')
    .innerJoin('areas as a', 'a.id', 'b.area_id')
    .leftJoin('area_roles as r', 'r.area_id', 'b.area_id')
    .leftJoin('members as m', (join) =>
      join.onRef('m.id', '=', 'r.member_id').on('m.status', '=', 'active'),
    )
    .select(['b.id', areaName.as('name'), 'b.kind', sql<string>`count(distinct m.id)`.as('active')])
    .where('b.kind', 'in', ['neighborhood', 'workplace'])
    .where('a.archived_at', 'is', null)
    .groupBy(['b.id', 'a.name', 'b.kind'])
    .orderBy('a.name');
  if (bodyIds) {
    if (bodyIds.length === 0) return [];
    query = query.where('b.id', 'in', bodyIds);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as 'neighborhood' | 'workplace',
    active: Number(r.active),
  }));
}

/** The seated delegates (view council_seats), with names. */
export function seatedDelegates(db: Executor) {
  return db
    .selectFrom('council_seats as s')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .select([
      's.holder_id',
      's.body_id',
      's.member_id',
      's.seat',
      's.term_end',
      's.source',
      nameOf.as('name'),
    ])
    .orderBy('s.body_id')
    .orderBy('s.seat')
    .execute();
}

/** The members seated now for one committee (a delegate holding two seats once). */
export async function seatedMembersOf(db: Executor, bodyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('council_seats')
    .select('member_id')
    .distinct()
    .where('body_id', '=', bodyId)
    .execute();
  return rows.map((r) => r.member_id);
}

/** The delegates of a body holding office now (seated or beyond the body's seats). */
export async function currentDelegateCount(
  db: Executor,
  bodyId: string,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom('office_holders')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('body_id', '=', bodyId)
    .where('office', '=', 'delegate')
    .where('ended_at', 'is', null)
    .where('term_end', '>', now)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function delegateElectionHeld(db: Executor, bodyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('elections')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('kind', '=', 'office')
    .where('office', '=', 'delegate')
    .where('counted_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertDelegate(
  db: Executor,
  row: { id: string; body_id: string; member_id: string; term_start: Date; term_end: Date },
): Promise<void> {
  await db
    .insertInto('office_holders')
    .values({ ...row, office: 'delegate', source: 'appointment', election_id: null })
    .execute();
}

/** A carried motion of the body, or nothing. */
export function carriedMotionOf(db: Executor, bodyId: string, motionId: string) {
  return db
    .selectFrom('motions as mo')
    .innerJoin('meetings as mt', 'mt.id', 'mo.meeting_id')
    .select(['mo.id', 'mo.text', 'mo.vote_closed_at'])
    .where('mo.id', '=', motionId)
    .where('mt.body_id', '=', bodyId)
    .where('mo.state', '=', 'carried')
    .where('mo.amends_id', 'is', null)
    .executeTakeFirst();
}

export interface CouncilMeetingRow {
  id: string;
  body_id: string;
  title: string;
  starts_at: Date;
  state: 'scheduled' | 'open' | 'closed';
  opened_at: Date | null;
  closed_at: Date | null;
}

const meetingColumns = [
  'mt.id',
  'mt.body_id',
  'mt.title',
  'mt.starts_at',
  'mt.state',
  'mt.opened_at',
  'mt.closed_at',
] as const;

/** The council's open meeting, or else its next scheduled one. */
export function nextCouncilMeeting(db: Executor): Promise<CouncilMeetingRow | undefined> {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('bodies as b', 'b.id', 'mt.body_id')
    .select(meetingColumns)
    .where('b.kind', '=', 'council')
    .where('mt.state', 'in', ['scheduled', 'open'])
    .orderBy(sql`case when mt.state = 'open' then 0 else 1 end`)
    .orderBy('mt.starts_at')
    .limit(1)
    .executeTakeFirst();
}

export function lastCouncilMeeting(db: Executor): Promise<CouncilMeetingRow | undefined> {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('bodies as b', 'b.id', 'mt.body_id')
    .select(meetingColumns)
    .where('b.kind', '=', 'council')
    .where('mt.state', '=', 'closed')
    .orderBy('mt.closed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function councilMeeting(db: Executor, meetingId: string) {
  return db
    .selectFrom('meetings as mt')
    .innerJoin('bodies as b', 'b.id', 'mt.body_id')
    .select(meetingColumns)
    .where('b.kind', '=', 'council')
    .where('mt.id', '=', meetingId)
    .executeTakeFirst();
}

export function agendaOf(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_agenda_items as i')
    .leftJoin('bodies as b', 'b.id', 'i.from_body_id')
    .leftJoin('areas as a', 'a.id', 'b.area_id')
    .select([
      'i.id',
      'i.position',
      'i.title',
      'i.from_body_id',
      sql<string | null>`a.name`.as('from_name'),
    ])
    .where('i.meeting_id', '=', meetingId)
    .orderBy('i.position')
    .execute();
}

/** A council agenda item with its meeting's state. */
export function councilItem(db: Executor, itemId: string) {
  return db
    .selectFrom('meeting_agenda_items as i')
    .innerJoin('meetings as mt', 'mt.id', 'i.meeting_id')
    .innerJoin('bodies as b', 'b.id', 'mt.body_id')
    .select(['i.id', 'i.meeting_id', 'i.position', 'mt.state'])
    .where('i.id', '=', itemId)
    .where('b.kind', '=', 'council')
    .executeTakeFirst();
}

export async function appendAgendaItem(
  db: Executor,
  item: { meeting_id: string; title: string; from_body_id: string },
): Promise<{ id: string; position: number }> {
  const last = await db
    .selectFrom('meeting_agenda_items')
    .select(sql<number | null>`max(position)`.as('p'))
    .where('meeting_id', '=', item.meeting_id)
    .executeTakeFirst();
  const position = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
  return db
    .insertInto('meeting_agenda_items')
    .values({ ...item, position, minutes: null })
    .returning(['id', 'position'])
    .executeTakeFirstOrThrow();
}

export function mandatesOf(db: Executor, where: { bodyIds: readonly string[]; meetingId: string }) {
  if (where.bodyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('council_mandates as c')
    .innerJoin('bodies as b', 'b.id', 'c.body_id')
    .innerJoin('areas as a', 'a.id', 'b.area_id')
    .innerJoin('meeting_agenda_items as i', 'i.id', 'c.item_id')
    .select([
      'c.body_id',
      'a.name as body_name',
      'c.item_id',
      'c.meeting_id',
      'c.position',
      'c.note',
      'c.motion_id',
      'c.set_at',
    ])
    .where('c.body_id', 'in', where.bodyIds)
    .where('c.meeting_id', '=', where.meetingId)
    .orderBy('i.position')
    .orderBy('a.name')
    .execute();
}

export async function upsertMandate(
  db: Executor,
  row: {
    body_id: string;
    item_id: string;
    meeting_id: string;
    position: 'for' | 'against' | 'abstain' | 'free';
    note: string | null;
    motion_id: string;
    set_at: Date;
  },
): Promise<void> {
  const change = {
    meeting_id: row.meeting_id,
    position: row.position,
    note: row.note,
    motion_id: row.motion_id,
    set_at: row.set_at,
  };
  await db
    .insertInto('council_mandates')
    .values(row)
    .onConflict((oc) => oc.columns(['body_id', 'item_id']).doUpdateSet(change))
    .execute();
}

/** The body's delegates whose term overlapped the meeting (seated or not then). */
export function delegatesDuring(db: Executor, bodyId: string, from: Date, to: Date) {
  return db
    .selectFrom('office_holders as h')
    .innerJoin('members as m', 'm.id', 'h.member_id')
    .select(['h.member_id', nameOf.as('name')])
    .distinct()
    .where('h.body_id', '=', bodyId)
    .where('h.office', '=', 'delegate')
    .where('h.term_start', '<=', to)
    .where((eb) => eb.or([eb('h.ended_at', 'is', null), eb('h.ended_at', '>=', from)]))
    .where('h.term_end', '>=', from)
    .orderBy('name')
    .execute();
}

/** A closed meeting's decided roll-call motions (not amendments) with their agenda item. */
export function rollCallMotions(db: Executor, meetingId: string) {
  return db
    .selectFrom('motions')
    .select(['id', 'text', 'agenda_item'])
    .where('meeting_id', '=', meetingId)
    .where('vote_method', '=', 'roll_call')
    .where('state', 'in', ['carried', 'failed', 'invalid'])
    .orderBy('moved_at')
    .execute();
}

export function choicesOfMembers(
  db: Executor,
  motionIds: readonly string[],
  memberIds: readonly string[],
) {
  if (motionIds.length === 0 || memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ballots')
    .select(['motion_id', 'member_id', 'choice'])
    .where('motion_id', 'in', motionIds)
    .where('member_id', 'in', memberIds)
    .execute();
}

// ---- ratification

export function councilDecision(db: Executor, decisionId: string) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('bodies as b', 'b.id', 'd.body_id')
    .select(['d.id', 'd.text', 'd.body_id'])
    .where('d.id', '=', decisionId)
    .where('b.kind', '=', 'council')
    .executeTakeFirst();
}

export async function seatedCommitteeIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('council_seats').select('body_id').distinct().execute();
  return rows.map((r) => r.body_id);
}

export async function insertRatification(
  db: Executor,
  row: { decision_id: string; share_percent: number | null; created_at: Date },
  bodyIds: readonly string[],
): Promise<void> {
  await db
    .insertInto('council_ratifications')
    .values({ ...row, state: 'pending', settled_at: null })
    .execute();
  await db
    .insertInto('ratification_answers')
    .values(
      bodyIds.map((body_id) => ({
        decision_id: row.decision_id,
        body_id,
        ratify: null,
        motion_id: null,
        answered_at: null,
      })),
    )
    .execute();
}

export function ratifications(db: Executor, decisionId?: string) {
  let query = db
    .selectFrom('council_ratifications as r')
    .innerJoin('decisions as d', 'd.id', 'r.decision_id')
    .select([
      'r.decision_id',
      'd.text',
      'r.share_percent',
      'r.state',
      'r.settled_at',
      'r.created_at',
    ])
    .orderBy('r.created_at', 'desc');
  if (decisionId) query = query.where('r.decision_id', '=', decisionId);
  return query.execute();
}

export function answersOf(db: Executor, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('ratification_answers as x')
    .innerJoin('bodies as b', 'b.id', 'x.body_id')
    .innerJoin('areas as a', 'a.id', 'b.area_id')
    .select(['x.decision_id', 'x.body_id', 'a.name', 'x.ratify'])
    .where('x.decision_id', 'in', decisionIds)
    .orderBy('a.name')
    .execute();
}

/** Locks the ratification row (answers from two committees at once are counted in turn). */
export function lockRatification(db: Executor, decisionId: string) {
  return db
    .selectFrom('council_ratifications')
    .select(['decision_id', 'state', 'share_percent'])
    .where('decision_id', '=', decisionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function answerRatification(
  db: Executor,
  row: { decision_id: string; body_id: string; ratify: boolean; motion_id: string; at: Date },
): Promise<number> {
  const result = await db
    .updateTable('ratification_answers')
    .set({ ratify: row.ratify, motion_id: row.motion_id, answered_at: row.at })
    .where('decision_id', '=', row.decision_id)
    .where('body_id', '=', row.body_id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function settleRatification(
  db: Executor,
  decisionId: string,
  state: 'ratified' | 'rejected',
  at: Date,
): Promise<void> {
  await db
    .updateTable('council_ratifications')
    .set({ state, settled_at: at })
    .where('decision_id', '=', decisionId)
    .execute();
}

export async function memberName(db: Executor, memberId: string): Promise<string> {
  const row = await db
    .selectFrom('members')
    .select(['display_name', 'handle'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row?.display_name ?? row?.handle ?? '';
}
