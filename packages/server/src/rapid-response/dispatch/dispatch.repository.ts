import type { DispatchState, Executor } from '../../platform';

/** On-shift, active responders with a known coarse cell, and the areas they respond in. */
export function onShiftResponders(db: Executor) {
  return db
    .selectFrom('responder_shifts')
    .innerJoin('members', 'members.id', 'responder_shifts.member_id')
    .innerJoin('area_roles', 'area_roles.member_id', 'members.id')
    .select([
      'members.id as memberId',
      'responder_shifts.coarse_cell as cell',
      'area_roles.area_id as areaId',
    ])
    .where('responder_shifts.on_shift', '=', true)
    .where('responder_shifts.coarse_cell', 'is not', null)
    .where('members.status', '=', 'active')
    .where('area_roles.role', 'in', ['responder', 'admin'])
    .execute();
}

export function dispatchesOf(db: Executor, incidentId: string) {
  return db
    .selectFrom('dispatches')
    .select(['id', 'member_id', 'state', 'round', 'offered_at'])
    .where('incident_id', '=', incidentId)
    .execute();
}

export async function insertDispatches(
  db: Executor,
  rows: { id: string; incidentId: string; memberId: string; round: number; now: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('dispatches')
    .values(
      rows.map((r) => ({
        id: r.id,
        incident_id: r.incidentId,
        member_id: r.memberId,
        state: 'offered' as const,
        round: r.round,
        offered_at: r.now,
      })),
    )
    .onConflict((oc) => oc.columns(['incident_id', 'member_id']).doNothing())
    .execute();
}

export function lockDispatch(db: Executor, id: string) {
  return db
    .selectFrom('dispatches')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setDispatchState(
  db: Executor,
  ids: string[],
  state: DispatchState,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('dispatches')
    .set({ state, responded_at: now })
    .where('id', 'in', ids)
    .execute();
}

/** Incidents with offers older than `before` and nobody going yet: time to ask the next ones. */
export function staleOffers(db: Executor, before: Date) {
  return db
    .selectFrom('dispatches')
    .innerJoin('incidents', 'incidents.id', 'dispatches.incident_id')
    .select('dispatches.incident_id')
    .distinct()
    .where('dispatches.state', '=', 'offered')
    .where('dispatches.offered_at', '<', before)
    .where('incidents.state', 'in', ['reported', 'corroborated', 'confirmed'])
    .execute();
}

/** Stands down every open dispatch of an incident (it ended); returns who was told. */
export async function standDownOpenDispatches(db: Executor, incidentId: string, now: Date) {
  return db
    .updateTable('dispatches')
    .set({ state: 'stood_down', responded_at: now })
    .where('incident_id', '=', incidentId)
    .where('state', 'in', ['offered', 'accepted', 'on_scene'])
    .returning(['id', 'member_id'])
    .execute();
}

/** On-shift, active responders (with or without a known cell) and the areas they respond in. */
export function onShiftRespondersWithHandles(db: Executor, memberIds?: readonly string[]) {
  let query = db
    .selectFrom('responder_shifts')
    .innerJoin('members', 'members.id', 'responder_shifts.member_id')
    .innerJoin('area_roles', 'area_roles.member_id', 'members.id')
    .select([
      'members.id as memberId',
      'members.handle as handle',
      'responder_shifts.coarse_cell as cell',
      'area_roles.area_id as areaId',
    ])
    .where('responder_shifts.on_shift', '=', true)
    .where('members.status', '=', 'active')
    .where('area_roles.role', 'in', ['responder', 'admin']);
  if (memberIds) query = query.where('members.id', 'in', memberIds);
  return query.execute();
}

/** The open dispatches (offered, accepted, on scene) of these members. */
export function openDispatchesOf(db: Executor, memberIds: readonly string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dispatches')
    .select(['id', 'incident_id', 'member_id', 'state'])
    .where('member_id', 'in', memberIds)
    .where('state', 'in', ['offered', 'accepted', 'on_scene'])
    .orderBy('offered_at')
    .execute();
}

/** Offers an incident to a member again (a closed dispatch of theirs becomes a new offer). */
export async function reofferDispatch(
  db: Executor,
  id: string,
  round: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable('dispatches')
    .set({ state: 'offered', round, offered_at: now, responded_at: null })
    .where('id', '=', id)
    .execute();
}
