import { sql } from 'kysely';
import type { AidCategory, AidOutcome, AidUrgency } from '@tocsin/core';
import type { Executor, Tx } from '../../platform';

// The only file of mutual aid with SQL.

export type AidRequestRow = Awaited<ReturnType<typeof findAidRequest>> & object;

export async function findAidRequest(db: Executor, id: string, forUpdate = false) {
  let query = db.selectFrom('aid_requests').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertAidRequest(
  tx: Tx,
  row: {
    id: string;
    areaId: string;
    category: AidCategory;
    urgency: AidUrgency;
    description: string | null;
    autoMatch: boolean;
    onBehalf: boolean;
    requesterId: string;
    now: Date;
  },
): Promise<void> {
  await tx
    .insertInto('aid_requests')
    .values({
      id: row.id,
      area_id: row.areaId,
      category: row.category,
      urgency: row.urgency,
      description: row.description,
      auto_match: row.autoMatch,
      on_behalf: row.onBehalf,
      requester_id: row.requesterId,
      state: 'open',
      outcome: null,
      created_at: row.now,
    })
    .execute();
}

export async function setMatched(tx: Tx, id: string): Promise<void> {
  await tx.updateTable('aid_requests').set({ state: 'matched' }).where('id', '=', id).execute();
}

export async function setClosed(tx: Tx, id: string, outcome: AidOutcome, now: Date): Promise<void> {
  await tx
    .updateTable('aid_requests')
    .set({ state: 'closed', outcome, closed_at: now })
    .where('id', '=', id)
    .execute();
}

/** Open requests of the given areas, oldest first. */
export async function openRequestsIn(db: Executor, areaIds: string[]) {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('aid_requests')
    .select(['id', 'category', 'area_id', 'urgency', 'created_at'])
    .where('area_id', 'in', areaIds)
    .where('state', '=', 'open')
    .orderBy('created_at', 'asc')
    .orderBy('id')
    .execute();
}

/** Requests of the areas not yet closed, with the requester's handle, for the coordinators. */
export async function queueRequestsIn(db: Executor, areaIds: string[]) {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('aid_requests as r')
    .leftJoin('members as m', 'm.id', 'r.requester_id')
    .select([
      'r.id',
      'r.category',
      'r.area_id',
      'r.urgency',
      'r.created_at',
      'r.description',
      'r.on_behalf',
      'r.state',
      'r.auto_match',
      'r.requester_id',
      'm.handle as requester_handle',
    ])
    .where('r.area_id', 'in', areaIds)
    .where('r.state', '=', 'open')
    .orderBy('r.created_at', 'asc')
    .execute();
}

export async function takersOf(db: Executor, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('aid_takes as t')
    .innerJoin('members as m', 'm.id', 't.volunteer_id')
    .select(['t.id', 't.request_id', 't.volunteer_id', 'm.handle', 't.created_at'])
    .where('t.request_id', 'in', requestIds)
    .orderBy('t.created_at')
    .execute();
}

export async function findTake(db: Executor, id: string) {
  return db.selectFrom('aid_takes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTakeOf(db: Executor, requestId: string, volunteerId: string) {
  return db
    .selectFrom('aid_takes')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
}

export async function insertTake(
  tx: Tx,
  row: { id: string; requestId: string; volunteerId: string; now: Date },
): Promise<void> {
  await tx
    .insertInto('aid_takes')
    .values({
      id: row.id,
      request_id: row.requestId,
      volunteer_id: row.volunteerId,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(['request_id', 'volunteer_id']).doNothing())
    .execute();
}

/** Once paired, the other offers to take it are no longer needed. */
export async function deleteTakes(tx: Tx, requestId: string): Promise<void> {
  await tx.deleteFrom('aid_takes').where('request_id', '=', requestId).execute();
}

export async function insertMatch(
  tx: Tx,
  row: { id: string; requestId: string; volunteerId: string; automatic: boolean; now: Date },
): Promise<void> {
  await tx
    .insertInto('aid_matches')
    .values({
      id: row.id,
      request_id: row.requestId,
      volunteer_id: row.volunteerId,
      automatic: row.automatic,
      created_at: row.now,
    })
    .execute();
}

export async function findMatch(db: Executor, id: string) {
  return db.selectFrom('aid_matches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function matchOfRequest(db: Executor, requestId: string) {
  return db
    .selectFrom('aid_matches')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function handleOf(db: Executor, memberId: string | null): Promise<string | null> {
  if (!memberId) return null;
  const row = await db
    .selectFrom('members')
    .select('handle')
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row?.handle ?? null;
}

export async function messagesOf(db: Executor, matchId: string) {
  return db
    .selectFrom('aid_messages')
    .select(['id', 'author_id', 'body', 'created_at'])
    .where('match_id', '=', matchId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
}

export async function insertMessage(
  tx: Tx,
  row: { id: string; matchId: string; authorId: string; body: string; now: Date },
): Promise<void> {
  await tx
    .insertInto('aid_messages')
    .values({
      id: row.id,
      match_id: row.matchId,
      author_id: row.authorId,
      body: row.body,
      created_at: row.now,
    })
    .execute();
}

export async function insertOffer(
  tx: Tx,
  row: {
    id: string;
    memberId: string;
    areaId: string;
    category: AidCategory;
    availability: string;
    until: string | null;
    now: Date;
  },
): Promise<void> {
  await tx
    .insertInto('aid_offers')
    .values({
      id: row.id,
      member_id: row.memberId,
      area_id: row.areaId,
      category: row.category,
      availability: row.availability,
      until: row.until,
      created_at: row.now,
    })
    .execute();
}

const offerColumns = [
  'id',
  'member_id',
  'area_id',
  'category',
  'availability',
  sql<string | null>`until::text`.as('until'),
  'created_at',
  'withdrawn_at',
] as const;

export async function findOffer(db: Executor, id: string) {
  return db.selectFrom('aid_offers').select(offerColumns).where('id', '=', id).executeTakeFirst();
}

export async function offersOf(db: Executor, memberId: string) {
  return db
    .selectFrom('aid_offers')
    .select(offerColumns)
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Offers of members among the given ids (to tell coordinators who has a covering offer). */
export async function offersOfMembers(db: Executor, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('aid_offers')
    .select(offerColumns)
    .where('member_id', 'in', memberIds)
    .where('withdrawn_at', 'is', null)
    .execute();
}

export async function withdrawOffer(tx: Tx, id: string, now: Date): Promise<void> {
  await tx
    .updateTable('aid_offers')
    .set({ withdrawn_at: now })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .execute();
}

export async function requestsOf(db: Executor, memberId: string) {
  return db
    .selectFrom('aid_requests as r')
    .leftJoin('aid_matches as x', 'x.request_id', 'r.id')
    .selectAll('r')
    .select('x.id as match_id')
    .where('r.requester_id', '=', memberId)
    .orderBy('r.created_at', 'desc')
    .limit(100)
    .execute();
}

/** The requests a volunteer offered to take or was paired with. */
export async function takesOf(db: Executor, memberId: string) {
  const offered = await db
    .selectFrom('aid_takes as t')
    .innerJoin('aid_requests as r', 'r.id', 't.request_id')
    .select(['r.id', 'r.category', 'r.state'])
    .where('t.volunteer_id', '=', memberId)
    .execute();
  const matched = await db
    .selectFrom('aid_matches as x')
    .innerJoin('aid_requests as r', 'r.id', 'x.request_id')
    .select(['r.id', 'r.category', 'r.state', 'x.id as match_id'])
    .where('x.volunteer_id', '=', memberId)
    .where('r.purged_at', 'is', null)
    .execute();
  return { offered, matched };
}

/** Areas where the member chairs or keeps the record of a mutual-aid working group's body. */
export async function mutualAidOfficerAreas(db: Executor, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('bodies as b')
    .innerJoin('working_groups as g', 'g.id', 'b.group_id')
    .select('g.area_id')
    .where('g.slug', '=', 'mutual-aid')
    .where((eb) => eb.or([eb('b.chair_id', '=', memberId), eb('b.secretary_id', '=', memberId)]))
    .execute();
  return rows.map((r) => r.area_id);
}

export async function statsRows(db: Executor, areaIds: string[]) {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('aid_requests')
    .select(['category', 'state', 'outcome', sql<number>`count(*)::int`.as('n')])
    .where('area_id', 'in', areaIds)
    .groupBy(['category', 'state', 'outcome'])
    .execute();
}

// Request ids of writes (a repeat gets the first answer).

export async function claimReceipt(
  tx: Tx,
  requestId: string,
  memberId: string,
  operation: string,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .insertInto('aid_receipts')
    .values({ request_id: requestId, member_id: memberId, operation, created_at: now })
    .onConflict((oc) => oc.column('request_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function findReceipt(db: Executor, requestId: string) {
  return db
    .selectFrom('aid_receipts')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function storeReceipt(
  tx: Tx,
  requestId: string,
  status: number,
  response: unknown,
): Promise<void> {
  await tx
    .updateTable('aid_receipts')
    .set({ status, response: JSON.stringify(response) })
    .where('request_id', '=', requestId)
    .execute();
}

// Retention.

/** Open requests made before `before`: they close as expired. */
export async function lockStaleOpen(tx: Tx, before: Date, limit: number) {
  return tx
    .selectFrom('aid_requests')
    .select(['id', 'area_id'])
    .where('state', '=', 'open')
    .where('created_at', '<=', before)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/**
 * Deletes what a request closed before `before` no longer needs: its description, its thread, its
 * takers, and who asked and who helped. Category, area, urgency and outcome stay for the counts.
 */
export async function purgeClosed(
  tx: Tx,
  before: Date,
  now: Date,
): Promise<{ requests: number; messages: number }> {
  const due = await tx
    .selectFrom('aid_requests')
    .select('id')
    .where('state', '=', 'closed')
    .where('closed_at', '<=', before)
    .where('purged_at', 'is', null)
    .forUpdate()
    .skipLocked()
    .execute();
  const ids = due.map((r) => r.id);
  if (ids.length === 0) return { requests: 0, messages: 0 };
  const matches = tx.selectFrom('aid_matches').select('id').where('request_id', 'in', ids);
  const messages = await tx
    .deleteFrom('aid_messages')
    .where('match_id', 'in', matches)
    .executeTakeFirst();
  await tx.deleteFrom('aid_takes').where('request_id', 'in', ids).execute();
  await tx
    .updateTable('aid_matches')
    .set({ volunteer_id: null })
    .where('request_id', 'in', ids)
    .execute();
  await tx
    .updateTable('aid_requests')
    .set({ description: null, requester_id: null, purged_at: now })
    .where('id', 'in', ids)
    .execute();
  return { requests: ids.length, messages: Number(messages.numDeletedRows) };
}

export async function expireOffers(tx: Tx, today: string, now: Date): Promise<number> {
  const result = await tx
    .updateTable('aid_offers')
    .set({ withdrawn_at: now })
    .where('withdrawn_at', 'is', null)
    .where('until', '<', today)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Withdrawn offers are not needed at all once a day old. */
export async function deleteWithdrawnOffers(tx: Tx, before: Date): Promise<number> {
  const result = await tx
    .deleteFrom('aid_offers')
    .where('withdrawn_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteReceipts(tx: Tx, before: Date): Promise<number> {
  const result = await tx
    .deleteFrom('aid_receipts')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
