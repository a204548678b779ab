import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform';

// Every query of elections, nominations, the roll side (tokens issued), the ballot box, office
// holders and recall petitions. No query joins the roll side to the box: nothing links them.

const nameOf = (alias: string) =>
  sql<string>`coalesce(${sql.ref(`${alias}.display_name`)}, ${sql.ref(`${alias}.handle`)})`;

export function electionRows(db: Executor) {
  return db
    .selectFrom('elections as e')
    .leftJoin('office_holders as h', 'h.id', 'e.recall_of')
    .leftJoin('members as hm', 'hm.id', 'h.member_id')
    .select([
      'e.id',
      'e.body_id',
      'e.kind',
      'e.office',
      'e.seats',
      'e.term_months',
      'e.voting_opens_at',
      'e.voting_closes_at',
      'e.recall_of',
      'e.fills_vacancy_of',
      'e.public_key',
      'e.counted_at',
      'e.result',
      'h.member_id as recall_member_id',
      nameOf('hm').as('recall_member_name'),
    ]);
}
export type ElectionRow = Awaited<
  ReturnType<ReturnType<typeof electionRows>['executeTakeFirstOrThrow']>
>;

export function findElection(db: Executor, id: string) {
  return electionRows(db).where('e.id', '=', id).executeTakeFirst();
}

/** Locks the election's row: its count, its tokens and its ballots are decided one at a time. */
export async function lockElection(tx: Tx, id: string) {
  await sql`select id from elections where id = ${id} for update`.execute(tx);
  return findElection(tx, id);
}

export function electionsOfBody(db: Executor, bodyId: string) {
  return electionRows(db)
    .where('e.body_id', '=', bodyId)
    .orderBy('e.voting_closes_at', 'desc')
    .orderBy('e.id')
    .execute();
}

export async function privateKeyOf(db: Executor, id: string): Promise<string> {
  const row = await db
    .selectFrom('elections')
    .select('private_key')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.private_key;
}

export async function insertElection(
  db: Executor,
  row: {
    id: string;
    body_id: string;
    kind: 'office' | 'recall';
    office: 'delegate' | 'chair' | 'secretary' | 'coordinator';
    seats: number;
    term_months: number;
    voting_opens_at: Date;
    voting_closes_at: Date;
    recall_of: string | null;
    fills_vacancy_of: string | null;
    public_key: string;
    private_key: string;
    created_by: string | null;
    created_at: Date;
  },
): Promise<void> {
  await db.insertInto('elections').values(row).execute();
}

export async function storeCount(
  db: Executor,
  id: string,
  at: Date,
  result: unknown,
  blt: string,
): Promise<void> {
  await db
    .updateTable('elections')
    .set({ counted_at: at, result: JSON.stringify(result), blt })
    .where('id', '=', id)
    .execute();
}

export async function bltOf(db: Executor, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('elections')
    .select('blt')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.blt ?? null;
}

/** Elections whose voting closed and that are not counted yet. */
export async function uncounted(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('elections')
    .select('id')
    .where('counted_at', 'is', null)
    .where('voting_closes_at', '<=', now)
    .execute();
  return rows.map((r) => r.id);
}

// ---- nominations

export function nominationRows(db: Executor) {
  return db
    .selectFrom('election_nominations as n')
    .innerJoin('members as nm', 'nm.id', 'n.nominee_id')
    .leftJoin('members as bm', 'bm.id', 'n.nominated_by')
    .select([
      'n.id',
      'n.election_id',
      'n.nominee_id',
      nameOf('nm').as('nominee_name'),
      'n.nominated_by',
      nameOf('bm').as('nominated_by_name'),
      'n.statement',
      'n.accepted_at',
      'n.created_at',
    ]);
}
export type NominationRow = Awaited<
  ReturnType<ReturnType<typeof nominationRows>['executeTakeFirstOrThrow']>
>;

export function nominationsOf(db: Executor, electionId: string) {
  return nominationRows(db)
    .where('n.election_id', '=', electionId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
}

export function findNomination(db: Executor, id: string) {
  return nominationRows(db).where('n.id', '=', id).executeTakeFirst();
}

/** Adds a nomination; false when the member is already nominated in this election. */
export async function insertNomination(
  db: Executor,
  row: {
    id: string;
    election_id: string;
    nominee_id: string;
    nominated_by: string;
    statement: string | null;
    accepted_at: Date | null;
    created_at: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('election_nominations')
    .values(row)
    .onConflict((oc) => oc.columns(['election_id', 'nominee_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The member a handle names, or null (suspended or not, the roll check comes after). */
export async function memberIdByHandle(db: Executor, handle: string): Promise<string | null> {
  const row = await db
    .selectFrom('members')
    .select('id')
    .where('handle', '=', handle)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function acceptNomination(
  db: Executor,
  id: string,
  statement: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('election_nominations')
    .set({ statement, accepted_at: at })
    .where('id', '=', id)
    .execute();
}

// ---- the roll side

/** Records that the member got a token; false when they already had one. */
export async function recordTokenIssued(
  db: Executor,
  electionId: string,
  memberId: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('election_tokens')
    .values({ election_id: electionId, member_id: memberId })
    .onConflict((oc) => oc.columns(['election_id', 'member_id']).doNothing())
    .returning('member_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function tokenIssuedTo(db: Executor, electionId: string, memberId: string) {
  const row = await db
    .selectFrom('election_tokens')
    .select('member_id')
    .where('election_id', '=', electionId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function tokensIssued(db: Executor, electionId: string): Promise<number> {
  const row = await db
    .selectFrom('election_tokens')
    .select(sql<string>`count(*)`.as('n'))
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- the box

export async function insertBallot(
  db: Executor,
  row: {
    id: string;
    election_id: string;
    token_hash: string;
    receipt: string;
    ranking: string[];
    cast_day: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('election_ballots')
    .values({ ...row, ranking: JSON.stringify(row.ranking) })
    .onConflict((oc) => oc.columns(['election_id', 'token_hash']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function ballotByToken(db: Executor, electionId: string, tokenHash: string) {
  return db
    .selectFrom('election_ballots')
    .select(['receipt', 'ranking', sql<string>`cast_day::text`.as('day')])
    .where('election_id', '=', electionId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Every ballot of an election, by receipt: an order that says nothing of when it was cast. */
export async function ballotsOf(
  db: Executor,
  electionId: string,
): Promise<{ receipt: string; ranking: string[] }[]> {
  const rows = await db
    .selectFrom('election_ballots')
    .select(['receipt', 'ranking'])
    .where('election_id', '=', electionId)
    .orderBy('receipt')
    .execute();
  return rows.map((r) => ({ receipt: r.receipt, ranking: r.ranking as string[] }));
}

/**
 * After the count (in its transaction): the box's ballots and the roll's token records of the
 * election are deleted and written again, ballots by receipt and tokens by member id, in this one
 * transaction. The rows then share one transaction id (`xmin`) and lie in an order that says
 * nothing of when each was cast or issued; the old versions are dead rows that the vacuum after
 * commit removes from the files (platform `sealBallotBoxes`, ADR 0026).
 */
export async function rewriteBox(tx: Tx, electionId: string): Promise<void> {
  const ballots = await tx
    .selectFrom('election_ballots')
    // The day as text: a date read into a JS Date would come back shifted by the time zone.
    .select(['id', 'election_id', 'token_hash', 'receipt', 'ranking'])
    .select(sql<string>`cast_day::text`.as('cast_day'))
    .where('election_id', '=', electionId)
    .orderBy('receipt')
    .execute();
  const tokens = await tx
    .selectFrom('election_tokens')
    .select('member_id')
    .where('election_id', '=', electionId)
    .orderBy('member_id')
    .execute();
  await tx.deleteFrom('election_ballots').where('election_id', '=', electionId).execute();
  await tx.deleteFrom('election_tokens').where('election_id', '=', electionId).execute();
  for (let i = 0; i < ballots.length; i += 500) {
    await tx
      .insertInto('election_ballots')
      .values(ballots.slice(i, i + 500).map((b) => ({ ...b, ranking: JSON.stringify(b.ranking) })))
      .execute();
  }
  for (let i = 0; i < tokens.length; i += 1000) {
    await tx
      .insertInto('election_tokens')
      .values(tokens.slice(i, i + 1000).map((t) => ({ election_id: electionId, ...t })))
      .execute();
  }
}

export async function ballotCount(db: Executor, electionId: string): Promise<number> {
  const row = await db
    .selectFrom('election_ballots')
    .select(sql<string>`count(*)`.as('n'))
    .where('election_id', '=', electionId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---- office holders

export function holderRows(db: Executor) {
  return db
    .selectFrom('office_holders as h')
    .innerJoin('members as m', 'm.id', 'h.member_id')
    .select([
      'h.id',
      'h.body_id',
      'h.office',
      'h.member_id',
      nameOf('m').as('member_name'),
      'h.term_start',
      'h.term_end',
      'h.ended_at',
      'h.source',
      'h.election_id',
      'h.reminded_at',
    ]);
}
export type HolderRow = Awaited<
  ReturnType<ReturnType<typeof holderRows>['executeTakeFirstOrThrow']>
>;

/** The body's holders whose term has not ended, and who were not recalled. */
export function currentHolders(db: Executor, bodyId: string, now: Date) {
  return holderRows(db)
    .where('h.body_id', '=', bodyId)
    .where('h.ended_at', 'is', null)
    .where('h.term_end', '>', now)
    .orderBy('h.office')
    .orderBy('h.term_start')
    .orderBy('h.id')
    .execute();
}

export function findHolder(db: Executor, id: string) {
  return holderRows(db).where('h.id', '=', id).executeTakeFirst();
}

export async function insertHolder(
  db: Executor,
  row: {
    id: string;
    body_id: string;
    office: 'delegate' | 'chair' | 'secretary' | 'coordinator';
    member_id: string;
    term_start: Date;
    term_end: Date;
    source: 'election' | 'appointment';
    election_id: string | null;
  },
): Promise<void> {
  await db.insertInto('office_holders').values(row).execute();
}

export async function endHolder(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('office_holders').set({ ended_at: at }).where('id', '=', id).execute();
}

/** Current holders whose term ends before `before` and whose body was not yet reminded. */
export function termsToRemind(db: Executor, now: Date, before: Date) {
  return holderRows(db)
    .where('h.ended_at', 'is', null)
    .where('h.reminded_at', 'is', null)
    .where('h.term_end', '>', now)
    .where('h.term_end', '<=', before)
    .execute();
}

export async function markReminded(db: Executor, id: string, at: Date): Promise<boolean> {
  const updated = await db
    .updateTable('office_holders')
    .set({ reminded_at: at })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Whether the body has an office election still to count whose voting closes after `after`. */
export async function electionPending(
  db: Executor,
  bodyId: string,
  office: string,
  after: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('elections')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('office', '=', office as 'delegate')
    .where('kind', '=', 'office')
    .where('voting_closes_at', '>', after)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- recall

export function petitionRows(db: Executor) {
  return db
    .selectFrom('recall_petitions as p')
    .select([
      'p.id',
      'p.holder_id',
      'p.opened_at',
      'p.closes_at',
      'p.threshold',
      'p.state',
      'p.election_id',
      sql<string>`(select count(*) from recall_signatures s where s.petition_id = p.id)`.as(
        'signatures',
      ),
    ]);
}
export type PetitionRow = Awaited<
  ReturnType<ReturnType<typeof petitionRows>['executeTakeFirstOrThrow']>
>;

/** The holder's latest petition (live or not). */
export function latestPetition(db: Executor, holderId: string) {
  return petitionRows(db)
    .where('p.holder_id', '=', holderId)
    .orderBy('p.opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function petitionOfElection(db: Executor, electionId: string) {
  return petitionRows(db).where('p.election_id', '=', electionId).executeTakeFirst();
}

export async function insertPetition(
  db: Executor,
  row: { id: string; holder_id: string; opened_at: Date; closes_at: Date; threshold: number },
): Promise<void> {
  await db
    .insertInto('recall_petitions')
    .values({ ...row, state: 'open', election_id: null })
    .execute();
}

export async function setPetition(
  db: Executor,
  id: string,
  change: { state: 'open' | 'voting' | 'lapsed' | 'removed' | 'kept'; election_id?: string },
): Promise<void> {
  await db.updateTable('recall_petitions').set(change).where('id', '=', id).execute();
}

/** Open petitions whose window passed. */
export async function lapseExpiredPetitions(db: Executor, now: Date): Promise<number> {
  const result = await db
    .updateTable('recall_petitions')
    .set({ state: 'lapsed' })
    .where('state', '=', 'open')
    .where('closes_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function sign(db: Executor, petitionId: string, memberId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('recall_signatures')
    .values({ petition_id: petitionId, member_id: memberId })
    .onConflict((oc) => oc.columns(['petition_id', 'member_id']).doNothing())
    .returning('member_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function hasSigned(db: Executor, petitionId: string, memberId: string) {
  const row = await db
    .selectFrom('recall_signatures')
    .select('member_id')
    .where('petition_id', '=', petitionId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function lockPetition(tx: Tx, id: string): Promise<void> {
  await sql`select id from recall_petitions where id = ${id} for update`.execute(tx);
}
