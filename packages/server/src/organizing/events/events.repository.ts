import { sql, type Insertable, type Kysely } from 'kysely';
import type { Principal } from '@tocsin/core';
import type { Db, Executor } from '../../platform';

type Tables = Db extends Kysely<infer T> ? T : never;
type EventsTable = Tables['events'];

// Every query of events, roles, RSVPs and calendar keys.

export interface EventRow {
  id: string;
  body_id: string;
  body_name: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  public_place: string;
  cell: string | null;
  visibility: 'members' | 'public';
  slug: string;
  created_by: string | null;
  request_id: string | null;
  after_action: string | null;
  reminders_sent: string[];
}

function eventsQuery(db: Executor) {
  return db
    .selectFrom('events as e')
    .innerJoin('bodies as b', 'b.id', 'e.body_id')
    .leftJoin('areas as a', 'a.id', 'b.area_id')
    .leftJoin('working_groups as g', 'g.id', 'b.group_id')
    .select([
      'e.id',
      'e.body_id',
      sql<string>`coalesce(a.name, g.name, 'Council')`.as('body_name'),
      'e.title',
      'e.description',
      'e.starts_at',
      'e.ends_at',
      'e.place',
      'e.public_place',
      'e.cell',
      'e.visibility',
      'e.slug',
      'e.created_by',
      'e.request_id',
      'e.after_action',
      'e.reminders_sent',
    ]);
}

export function findEvent(db: Executor, id: string): Promise<EventRow | undefined> {
  return eventsQuery(db).where('e.id', '=', id).executeTakeFirst();
}

export function findEventByRequest(db: Executor, requestId: string) {
  return eventsQuery(db).where('e.request_id', '=', requestId).executeTakeFirst();
}

export function findPublicEvent(db: Executor, slug: string): Promise<EventRow | undefined> {
  return eventsQuery(db)
    .where('e.slug', '=', slug)
    .where('e.visibility', '=', 'public')
    .executeTakeFirst();
}

export async function insertEvent(
  db: Executor,
  row: Insertable<EventsTable>,
  roles: readonly { role: string; needed: number }[],
): Promise<void> {
  await db.insertInto('events').values(row).execute();
  if (roles.length > 0) {
    await db
      .insertInto('event_roles')
      .values(roles.map((r, position) => ({ event_id: row.id, ...r, position })))
      .execute();
  }
}

/** Events starting in [from, to), optionally of one body, earliest first. */
export function eventsBetween(
  db: Executor,
  from: Date,
  to: Date,
  bodyId: string | undefined,
): Promise<EventRow[]> {
  let query = eventsQuery(db).where('e.starts_at', '>=', from).where('e.starts_at', '<', to);
  if (bodyId) query = query.where('e.body_id', '=', bodyId);
  return query.orderBy('e.starts_at').orderBy('e.id').limit(500).execute();
}

export function rolesOf(db: Executor, eventId: string) {
  return db
    .selectFrom('event_roles')
    .select(['role', 'needed'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
}

export interface EventCounts {
  going: number;
  maybe: number;
  checkedIn: number;
  byRole: Map<string, number>;
}

/** How many answered what, and signed up for each role: counts, never who. */
export async function countsOf(db: Executor, eventIds: readonly string[]) {
  const out = new Map<string, EventCounts>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .selectFrom('event_rsvps')
    .select([
      'event_id',
      'answer',
      'role',
      sql<string>`count(*)`.as('n'),
      sql<string>`count(checked_in_at)`.as('checked'),
    ])
    .where('event_id', 'in', eventIds)
    .groupBy(['event_id', 'answer', 'role'])
    .execute();
  for (const id of eventIds) out.set(id, { going: 0, maybe: 0, checkedIn: 0, byRole: new Map() });
  for (const r of rows) {
    const c = out.get(r.event_id);
    if (!c) continue;
    const n = Number(r.n);
    if (r.answer === 'going') c.going += n;
    if (r.answer === 'maybe') c.maybe += n;
    c.checkedIn += Number(r.checked);
    if (r.role && r.answer !== 'no') c.byRole.set(r.role, (c.byRole.get(r.role) ?? 0) + n);
  }
  return out;
}

export function rsvpOf(db: Executor, eventId: string, memberId: string) {
  return db
    .selectFrom('event_rsvps')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

export function answersOf(db: Executor, eventIds: readonly string[], memberId: string) {
  if (eventIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('event_rsvps')
    .select(['event_id', 'answer'])
    .where('event_id', 'in', eventIds)
    .where('member_id', '=', memberId)
    .execute();
}

export async function saveRsvp(
  db: Executor,
  row: {
    event_id: string;
    member_id: string;
    answer: 'going' | 'maybe' | 'no';
    role: string | null;
    listed: boolean;
    updated_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('event_rsvps')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['event_id', 'member_id']).doUpdateSet({
        answer: row.answer,
        role: row.role,
        listed: row.listed,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function checkIn(db: Executor, eventId: string, memberId: string, at: Date) {
  await db
    .insertInto('event_rsvps')
    .values({
      event_id: eventId,
      member_id: memberId,
      answer: 'going',
      role: null,
      listed: false,
      checked_in_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['event_id', 'member_id']).doUpdateSet({
        answer: 'going',
        checked_in_at: sql`coalesce(event_rsvps.checked_in_at, excluded.checked_in_at)`,
        updated_at: at,
      }),
    )
    .execute();
}

/** Role holders who chose to be listed, for the organizers' coordination. */
export function listedHolders(db: Executor, eventId: string) {
  return db
    .selectFrom('event_rsvps as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['r.role', 'm.id', sql<string>`coalesce(m.display_name, m.handle)`.as('name')])
    .where('r.event_id', '=', eventId)
    .where('r.listed', '=', true)
    .where('r.role', 'is not', null)
    .where('r.answer', '!=', 'no')
    .orderBy('name')
    .execute();
}

export async function setAfterAction(db: Executor, eventId: string, note: string | null) {
  await db.updateTable('events').set({ after_action: note }).where('id', '=', eventId).execute();
}

/** Events starting within a day that still have a reminder to send. */
export function eventsNeedingReminders(db: Executor, now: Date) {
  return db
    .selectFrom('events')
    .select(['id', 'starts_at', 'reminders_sent'])
    .where('starts_at', '>', now)
    .where('starts_at', '<=', new Date(now.getTime() + 24 * 3_600_000))
    .where(sql<boolean>`cardinality(reminders_sent) < 2`)
    .execute();
}

/** Marks a reminder as sent; false when another node already did. */
export async function claimReminder(db: Executor, eventId: string, kind: string) {
  const result = await db
    .updateTable('events')
    .set({ reminders_sent: sql`array_append(reminders_sent, ${kind})` })
    .where('id', '=', eventId)
    .where(sql<boolean>`not (${kind} = any(reminders_sent))`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function goingMembers(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_rsvps as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select('r.member_id')
    .where('r.event_id', '=', eventId)
    .where('r.answer', 'in', ['going', 'maybe'])
    .where('m.status', '!=', 'suspended')
    .execute();
  return rows.map((r) => r.member_id);
}

/** RSVPs (who answered) go a month after their event ended; the event keeps no names. */
export async function purgeRsvps(db: Executor, endedBefore: Date): Promise<void> {
  await db
    .deleteFrom('event_rsvps')
    .where(
      'event_id',
      'in',
      db.selectFrom('events').select('id').where('ends_at', '<', endedBefore),
    )
    .execute();
}

export function calendarKeyOf(db: Executor, memberId: string) {
  return db
    .selectFrom('calendar_keys')
    .select(['nonce'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

export async function saveCalendarKey(
  db: Executor,
  row: { member_id: string; nonce: string; key_hash: string; created_at: Date },
  options: { keepExisting?: boolean } = {},
) {
  await db
    .insertInto('calendar_keys')
    .values(row)
    .onConflict((oc) =>
      options.keepExisting
        ? oc.column('member_id').doNothing()
        : oc.column('member_id').doUpdateSet({
            nonce: row.nonce,
            key_hash: row.key_hash,
            created_at: row.created_at,
          }),
    )
    .execute();
}

export function memberByKeyHash(db: Executor, keyHash: string) {
  return db
    .selectFrom('calendar_keys as k')
    .innerJoin('members as m', 'm.id', 'k.member_id')
    .select(['m.id', 'm.status', 'm.sponsor_id'])
    .where('k.key_hash', '=', keyHash)
    .where('m.status', '!=', 'suspended')
    .executeTakeFirst();
}

/** The principal of a member found by something other than a session (a calendar key). */
export async function principalOfMember(
  db: Executor,
  member: { id: string; status: Principal['status']; sponsor_id: string | null },
): Promise<Principal> {
  const roles = await db
    .selectFrom('area_roles')
    .select(['area_id', 'role'])
    .where('member_id', '=', member.id)
    .execute();
  return {
    memberId: member.id,
    status: member.status,
    sponsorId: member.sponsor_id,
    roles: roles.map((r) => ({ areaId: r.area_id, role: r.role })),
  };
}
