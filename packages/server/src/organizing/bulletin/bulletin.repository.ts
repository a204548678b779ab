import { sql, type Insertable, type Kysely } from 'kysely';
import type { Db, Executor } from '../../platform';

/** What reaches one member: the areas they are in (with those above), their bodies, follows. */
export interface Reach {
  /** Areas whose posts reach the member: each area they hold a role in, and its ancestors. */
  areaIds: string[];
  /** Bodies whose roll holds the member. */
  bodyIds: string[];
  followed: string[];
  muted: string[];
}

// Every query of posts, follows and digest settings. The server DB types come from the platform.

type Tables = Db extends Kysely<infer T> ? T : never;
type PostInsert = Insertable<Tables['bulletin_posts']>;

/** A post row with its body's name, the reached area's name and the author's name. */
export interface PostRow {
  id: string;
  body_id: string;
  body_name: string;
  kind: 'announcement' | 'meeting' | 'decision' | 'event' | 'need';
  title: string;
  text: string;
  audience: 'city' | 'area' | 'body';
  area_id: string | null;
  area_name: string | null;
  status: 'pending' | 'published' | 'withdrawn';
  pinned_until: Date | null;
  author_id: string | null;
  author_name: string | null;
  request_id: string | null;
  auto_type: string | null;
  ref_id: string | null;
  starts_at: Date | null;
  auto_day: string | null;
  auto_count: number | null;
  event_id: string | null;
  created_at: Date;
  published_at: Date | null;
}

function postsQuery(db: Executor) {
  return db
    .selectFrom('bulletin_posts as p')
    .innerJoin('bodies as b', 'b.id', 'p.body_id')
    .leftJoin('areas as ba', 'ba.id', 'b.area_id')
    .leftJoin('working_groups as g', 'g.id', 'b.group_id')
    .leftJoin('areas as pa', 'pa.id', 'p.area_id')
    .leftJoin('members as au', 'au.id', 'p.author_id')
    .select([
      'p.id',
      'p.body_id',
      sql<string>`coalesce(ba.name, g.name, 'Council')`.as('body_name'),
      'p.kind',
      'p.title',
      'p.text',
      'p.audience',
      'p.area_id',
      'pa.name as area_name',
      'p.status',
      'p.pinned_until',
      'p.author_id',
      sql<string | null>`coalesce(au.display_name, au.handle)`.as('author_name'),
      'p.request_id',
      'p.auto_type',
      'p.ref_id',
      'p.starts_at',
      'p.auto_day',
      'p.auto_count',
      'p.event_id',
      'p.created_at',
      'p.published_at',
    ]);
}

export function findPost(db: Executor, id: string): Promise<PostRow | undefined> {
  return postsQuery(db).where('p.id', '=', id).executeTakeFirst();
}

export function findPostByRequest(db: Executor, requestId: string): Promise<PostRow | undefined> {
  return postsQuery(db).where('p.request_id', '=', requestId).executeTakeFirst();
}

/** Locks a post for a change of status (approve, withdraw). */
export async function lockPost(db: Executor, id: string): Promise<void> {
  await db.selectFrom('bulletin_posts').select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * Inserts a post; for an automatic one a second insert with the same key adds nothing (the bus
 * delivers at least once). Returns whether it was inserted.
 */
export async function insertPost(db: Executor, row: PostInsert): Promise<boolean> {
  const result = await db
    .insertInto('bulletin_posts')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function setPostStatus(
  db: Executor,
  id: string,
  change: { status: 'published' | 'withdrawn'; approved_by?: string; published_at?: Date },
): Promise<void> {
  await db.updateTable('bulletin_posts').set(change).where('id', '=', id).execute();
}

/** Published posts that reach the member (their reach, mutes applied), newest first. */
export function reachingPosts(db: Executor, reach: Reach) {
  const areaIds = reach.areaIds.length > 0 ? reach.areaIds : [NIL];
  const bodyIds = reach.bodyIds.length > 0 ? reach.bodyIds : [NIL];
  const followed = reach.followed.length > 0 ? reach.followed : [NIL];
  let query = postsQuery(db)
    .where('p.status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('p.audience', '=', 'city'),
        eb.and([eb('p.audience', '=', 'area'), eb('p.area_id', 'in', areaIds)]),
        eb.and([eb('p.audience', '=', 'body'), eb('p.body_id', 'in', bodyIds)]),
        eb.and([eb('p.audience', '!=', 'body'), eb('p.body_id', 'in', followed)]),
      ]),
    );
  if (reach.muted.length > 0) query = query.where('p.body_id', 'not in', reach.muted);
  return query;
}

const NIL = '00000000-0000-0000-0000-000000000000';

export function feedPage(
  db: Executor,
  reach: Reach,
  now: Date,
  before: Date | null,
  limit: number,
): Promise<PostRow[]> {
  let query = reachingPosts(db, reach).where((eb) =>
    eb.or([eb('p.pinned_until', 'is', null), eb('p.pinned_until', '<=', now)]),
  );
  if (before) query = query.where('p.published_at', '<', before);
  return query.orderBy('p.published_at', 'desc').orderBy('p.id').limit(limit).execute();
}

export function pinnedPosts(db: Executor, reach: Reach, now: Date): Promise<PostRow[]> {
  return reachingPosts(db, reach)
    .where('p.pinned_until', '>', now)
    .orderBy('p.published_at', 'desc')
    .limit(10)
    .execute();
}

/** Posts published in [from, to) that reach the member. */
export function postsBetween(
  db: Executor,
  reach: Reach,
  from: Date,
  to: Date,
  kinds?: readonly PostRow['kind'][],
): Promise<PostRow[]> {
  let query = reachingPosts(db, reach)
    .where('p.published_at', '>=', from)
    .where('p.published_at', '<', to);
  if (kinds) query = query.where('p.kind', 'in', kinds);
  return query.orderBy('p.published_at', 'desc').limit(200).execute();
}

/** City-wide posts waiting for a second person, oldest first. */
export function pendingCityPosts(db: Executor): Promise<PostRow[]> {
  return postsQuery(db)
    .where('p.status', '=', 'pending')
    .orderBy('p.created_at')
    .limit(100)
    .execute();
}

export async function setFollow(
  db: Executor,
  memberId: string,
  bodyId: string,
  state: 'follow' | 'mute' | 'default',
): Promise<void> {
  if (state === 'default') {
    await db
      .deleteFrom('bulletin_follows')
      .where('member_id', '=', memberId)
      .where('body_id', '=', bodyId)
      .execute();
    return;
  }
  await db
    .insertInto('bulletin_follows')
    .values({ member_id: memberId, body_id: bodyId, state })
    .onConflict((oc) => oc.columns(['member_id', 'body_id']).doUpdateSet({ state }))
    .execute();
}

export function followsOf(db: Executor, memberId: string) {
  return db
    .selectFrom('bulletin_follows as f')
    .innerJoin('bodies as b', 'b.id', 'f.body_id')
    .leftJoin('areas as a', 'a.id', 'b.area_id')
    .leftJoin('working_groups as g', 'g.id', 'b.group_id')
    .select([
      'f.body_id',
      'f.state',
      sql<string>`coalesce(a.name, g.name, 'Council')`.as('body_name'),
    ])
    .where('f.member_id', '=', memberId)
    .orderBy('body_name')
    .execute();
}

export function settingsOf(db: Executor, memberId: string) {
  return db
    .selectFrom('bulletin_settings')
    .selectAll()
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

export async function saveSettings(
  db: Executor,
  memberId: string,
  values: { digest_time: string; quiet_start: string | null; quiet_end: string | null },
): Promise<void> {
  await db
    .insertInto('bulletin_settings')
    .values({ member_id: memberId, ...values, last_digest_day: null })
    .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
    .execute();
}

/** Confirmed incidents per area whose confirmation fell in [from, to): counts, never reports. */
export async function confirmedIncidentCounts(
  db: Executor,
  from: Date,
  to: Date,
): Promise<{ area_id: string; n: number }[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['area_id', sql<string>`count(*)`.as('n')])
    .where('confirmed_at', '>=', from)
    .where('confirmed_at', '<', to)
    .where('merged_into', 'is', null)
    .where('area_id', 'is not', null)
    .groupBy('area_id')
    .execute();
  return rows.flatMap((r) => (r.area_id ? [{ area_id: r.area_id, n: Number(r.n) }] : []));
}

/** Events starting in [from, to) that the member may see (public, or of their reach). */
export function eventsBetween(db: Executor, reach: Reach, from: Date, to: Date) {
  return db
    .selectFrom('events as e')
    .innerJoin('bulletin_posts as p', (join) =>
      join.onRef('p.event_id', '=', 'e.id').on('p.auto_type', '=', 'event_announced'),
    )
    .innerJoin('bodies as b', 'b.id', 'e.body_id')
    .leftJoin('areas as a', 'a.id', 'b.area_id')
    .leftJoin('working_groups as g', 'g.id', 'b.group_id')
    .select([
      'e.id',
      'e.title',
      'e.starts_at',
      sql<string>`coalesce(a.name, g.name, 'Council')`.as('body_name'),
    ])
    .where('e.starts_at', '>=', from)
    .where('e.starts_at', '<', to)
    .where('p.id', 'in', reachingPosts(db, reach).clearSelect().select('p.id'))
    .orderBy('e.starts_at')
    .execute();
}

/** Members with a push subscription, with what their digest needs: status, roles, settings. */
export async function digestCandidates(db: Executor) {
  const members = await db
    .selectFrom('members as m')
    .leftJoin('bulletin_settings as s', 's.member_id', 'm.id')
    .select([
      'm.id',
      'm.status',
      'm.sponsor_id',
      'm.language',
      's.digest_time',
      's.quiet_start',
      's.quiet_end',
      's.last_digest_day',
    ])
    .where('m.status', '!=', 'suspended')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('push_subscriptions as ps')
          .select('ps.id')
          .whereRef('ps.member_id', '=', 'm.id'),
      ),
    )
    .execute();
  const ids = members.map((m) => m.id);
  const roles =
    ids.length === 0
      ? []
      : await db
          .selectFrom('area_roles')
          .select(['member_id', 'area_id', 'role'])
          .where('member_id', 'in', ids)
          .execute();
  return { members, roles };
}

export async function markDigestSent(
  db: Executor,
  memberId: string,
  day: string,
  defaults: { digest_time: string; quiet_start: string | null; quiet_end: string | null },
): Promise<void> {
  await db
    .insertInto('bulletin_settings')
    .values({ member_id: memberId, ...defaults, last_digest_day: day })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ last_digest_day: day }))
    .execute();
}

/** The saved quiet hours of these members (no row: the defaults). */
export function quietHoursOf(db: Executor, memberIds: readonly string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('bulletin_settings')
    .select(['member_id', 'quiet_start', 'quiet_end'])
    .where('member_id', 'in', memberIds)
    .execute();
}

/** The push states of these members, locked for the change. */
export function lockPushStates(db: Executor, memberIds: readonly string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('bulletin_push_state')
    .select(['member_id', 'state'])
    .where('member_id', 'in', memberIds)
    .orderBy('member_id')
    .forUpdate()
    .execute();
}

export async function savePushStates(
  db: Executor,
  rows: readonly { member_id: string; state: string; next_flush_at: Date | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) {
    await db
      .insertInto('bulletin_push_state')
      .values(rows.slice(i, i + 1_000))
      .onConflict((oc) =>
        oc.column('member_id').doUpdateSet((eb) => ({
          state: eb.ref('excluded.state'),
          next_flush_at: eb.ref('excluded.next_flush_at'),
        })),
      )
      .execute();
  }
}

/** Members whose held posts may go out now. */
export async function dueFlushes(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('bulletin_push_state')
    .select('member_id')
    .where('next_flush_at', '<=', now)
    .limit(5_000)
    .execute();
  return rows.map((r) => r.member_id);
}

/** Confirmed incidents per area of a day, for the automatic summary posts. */
export { confirmedIncidentCounts as incidentCountsOfDay };

/** The body of an area (neighborhood or workplace), for its summary posts. */
export function bodyIdOfArea(db: Executor, areaId: string) {
  return db.selectFrom('bodies').select('id').where('area_id', '=', areaId).executeTakeFirst();
}

export function meetingTitle(db: Executor, meetingId: string) {
  return db
    .selectFrom('meetings')
    .select(['title', 'starts_at'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
}

export function decisionText(db: Executor, decisionId: string) {
  return db.selectFrom('decisions').select('text').where('id', '=', decisionId).executeTakeFirst();
}

export function eventForPost(db: Executor, eventId: string) {
  return db
    .selectFrom('events')
    .select(['title', 'starts_at'])
    .where('id', '=', eventId)
    .executeTakeFirst();
}

/** Pushes logged before `before` go (the log only serves the calm rules' recent checks). */
export async function purgePushLog(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('bulletin_pushes').where('at', '<', before).execute();
}

export async function groupSlug(db: Executor, groupId: string): Promise<string | null> {
  const row = await db
    .selectFrom('working_groups')
    .select('slug')
    .where('id', '=', groupId)
    .executeTakeFirst();
  return row?.slug ?? null;
}

export function followRows(db: Executor, memberId: string) {
  return db
    .selectFrom('bulletin_follows')
    .select(['body_id', 'state'])
    .where('member_id', '=', memberId)
    .execute();
}

/**
 * Unsuspended members: all of them (`areaIds` null), or those with a role in one of the areas,
 * or following the body.
 */
export async function membersReached(
  db: Executor,
  areaIds: readonly string[] | null,
  bodyId: string,
): Promise<string[]> {
  let query = db
    .selectFrom('members as m')
    .select('m.id')
    .distinct()
    .where('m.status', '!=', 'suspended');
  if (areaIds !== null) {
    const areas = areaIds.length > 0 ? areaIds : [NIL];
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('area_roles as r')
            .select('r.member_id')
            .whereRef('r.member_id', '=', 'm.id')
            .where('r.area_id', 'in', areas),
        ),
        eb.exists(
          eb
            .selectFrom('bulletin_follows as f')
            .select('f.member_id')
            .whereRef('f.member_id', '=', 'm.id')
            .where('f.body_id', '=', bodyId)
            .where('f.state', '=', 'follow'),
        ),
      ]),
    );
  }
  return (await query.execute()).map((r) => r.id);
}

export async function mutedBy(db: Executor, bodyId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('bulletin_follows')
    .select('member_id')
    .where('body_id', '=', bodyId)
    .where('state', '=', 'mute')
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

export async function memberLanguage(db: Executor, memberId: string): Promise<string | null> {
  const row = await db
    .selectFrom('members')
    .select('language')
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row?.language ?? null;
}

export async function logPushes(
  db: Executor,
  memberIds: readonly string[],
  kind: 'posts' | 'digest' | 'reminder',
  at: Date,
): Promise<void> {
  for (let i = 0; i < memberIds.length; i += 1_000) {
    await db
      .insertInto('bulletin_pushes')
      .values(memberIds.slice(i, i + 1_000).map((member_id) => ({ member_id, kind, at })))
      .execute();
  }
}
