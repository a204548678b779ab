import { randomUUID } from 'node:crypto';
import type { AlertKind } from '@tocsin/core';
import { sql } from 'kysely';
import type { Executor } from '../../platform';

export interface PushSubscriptionRow {
  id: string;
  memberId: string;
  endpoint: string;
  createdAt: Date;
}

/** Saves a browser's subscription for a member; an endpoint seen before moves to this member. */
export async function upsertSubscription(
  db: Executor,
  memberId: string,
  input: { endpoint: string; p256dh: string; auth: string },
  now: Date,
): Promise<PushSubscriptionRow> {
  const values = {
    member_id: memberId,
    p256dh: input.p256dh,
    auth: input.auth,
    created_at: now,
    last_success_at: null,
    failures: 0,
  };
  const row = await db
    .insertInto('push_subscriptions')
    .values({ id: randomUUID(), endpoint: input.endpoint, ...values })
    .onConflict((oc) => oc.column('endpoint').doUpdateSet(values))
    .returning(['id', 'member_id', 'endpoint', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, memberId: row.member_id, endpoint: row.endpoint, createdAt: row.created_at };
}

/** Keeps a member's newest `max` subscriptions (browsers they still use), deleting the rest. */
export async function trimSubscriptions(db: Executor, memberId: string, max: number) {
  const keep = db
    .selectFrom('push_subscriptions')
    .select('id')
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(max);
  await db
    .deleteFrom('push_subscriptions')
    .where('member_id', '=', memberId)
    .where('id', 'not in', keep)
    .execute();
}

export async function deleteSubscription(db: Executor, memberId: string, endpoint: string) {
  await db
    .deleteFrom('push_subscriptions')
    .where('member_id', '=', memberId)
    .where('endpoint', '=', endpoint)
    .execute();
}

/** Members who could be pushed (a subscription, not suspended), with their roles and choices. */
export async function pushCandidateRows(db: Executor) {
  const subscribed = db.selectFrom('push_subscriptions').select('member_id');
  const [members, prefs, roles, shifts] = await Promise.all([
    db
      .selectFrom('members')
      .select(['id', 'status', 'sponsor_id'])
      .where('status', '!=', 'suspended')
      .where('id', 'in', subscribed)
      .execute(),
    db.selectFrom('alert_preferences').selectAll().where('member_id', 'in', subscribed).execute(),
    db
      .selectFrom('area_roles')
      .select(['member_id', 'area_id', 'role'])
      .where('member_id', 'in', subscribed)
      .execute(),
    db
      .selectFrom('responder_shifts')
      .select('member_id')
      .where('on_shift', '=', true)
      .where('member_id', 'in', subscribed)
      .execute(),
  ]);
  return { members, prefs, roles, onShift: new Set(shifts.map((s) => s.member_id)) };
}

/**
 * Member → kinds already told about an incident (and the incidents merged into it), by socket
 * (the delivery log) or by push, leaving out `alertId` itself: the gateway may be recording it
 * right now, and whether it did first must not change who is pushed.
 */
export async function toldLog(
  db: Executor,
  incidentId: string,
  alertId: string,
): Promise<Map<string, Set<AlertKind>>> {
  const incidents = db
    .selectFrom('incidents')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', incidentId), eb('merged_into', '=', incidentId)]));
  const rows = await db
    .selectFrom('alert_deliveries')
    .select([sql<string>`unnest(member_ids)`.as('member_id'), 'kind'])
    .where('incident_id', 'in', incidents)
    .where('alert_id', '!=', alertId)
    .unionAll(
      db
        .selectFrom('push_deliveries')
        .select(['member_id', 'kind'])
        .where('incident_id', 'in', incidents)
        .where('alert_id', '!=', alertId),
    )
    .execute();
  const log = new Map<string, Set<AlertKind>>();
  for (const { member_id, kind } of rows) {
    let kinds = log.get(member_id);
    if (!kinds) log.set(member_id, (kinds = new Set()));
    kinds.add(kind);
  }
  return log;
}

const CHUNK = 1_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Records that these members are pushed for the alert and returns those not recorded before: a
 * redelivered event (another node, a restart) pushes nobody twice.
 */
export async function claimPushes(
  db: Executor,
  alert: { alertId: string; incidentId: string; kind: AlertKind },
  memberIds: readonly string[],
  now: Date,
): Promise<string[]> {
  const claimed: string[] = [];
  for (const chunk of chunks(memberIds)) {
    const rows = await db
      .insertInto('push_deliveries')
      .values(
        chunk.map((memberId) => ({
          alert_id: alert.alertId,
          member_id: memberId,
          incident_id: alert.incidentId,
          kind: alert.kind,
          pushed_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['alert_id', 'member_id']).doNothing())
      .returning('member_id')
      .execute();
    claimed.push(...rows.map((r) => r.member_id));
  }
  return claimed;
}

export async function subscriptionsOf(db: Executor, memberIds: readonly string[]) {
  const rows = [];
  for (const chunk of chunks(memberIds)) {
    rows.push(
      ...(await db
        .selectFrom('push_subscriptions')
        .select(['id', 'endpoint', 'p256dh', 'auth'])
        .where('member_id', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

/** Consecutive failures after which a subscription that has not worked for a week is dropped. */
export const MAX_FAILURES = 20;
const STALE_MS = 7 * 86_400_000;

/** Books what the push services answered: success resets, gone deletes, failure counts. */
export async function recordOutcomes(
  db: Executor,
  outcomes: { sent: string[]; gone: string[]; failed: string[] },
  now: Date,
): Promise<void> {
  for (const ids of chunks(outcomes.sent)) {
    await db
      .updateTable('push_subscriptions')
      .set({ last_success_at: now, failures: 0 })
      .where('id', 'in', ids)
      .execute();
  }
  for (const ids of chunks(outcomes.gone)) {
    await db.deleteFrom('push_subscriptions').where('id', 'in', ids).execute();
  }
  for (const ids of chunks(outcomes.failed)) {
    await db
      .updateTable('push_subscriptions')
      .set({ failures: sql`failures + 1` })
      .where('id', 'in', ids)
      .execute();
    await db
      .deleteFrom('push_subscriptions')
      .where('id', 'in', ids)
      .where('failures', '>=', MAX_FAILURES)
      .where((eb) =>
        eb.or([
          eb('last_success_at', 'is', null),
          eb('last_success_at', '<', new Date(now.getTime() - STALE_MS)),
        ]),
      )
      .execute();
  }
}
