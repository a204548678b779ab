import { randomUUID } from 'node:crypto';
import { cellToBoundary } from 'h3-js';
import {
  isDispatcherFor,
  isOpenDispatch,
  manualDispatch,
  type DispatchBoard,
  type Principal,
} from '@tocsin/core';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  enqueueEvents,
  transact,
  type AppContext,
} from '../../platform';
import { findIncident, isAreaStaff, lockIncident, presentIncident } from '../incidents';
import {
  dispatchesOf,
  insertDispatches,
  lockDispatch,
  onShiftRespondersWithHandles,
  openDispatchesOf,
  reofferDispatch,
  setDispatchState,
} from './dispatch.repository';

const OPEN_INCIDENT = new Set(['reported', 'corroborated', 'confirmed']);

/** Probation members hold roles they may not use yet (SECURITY 9): said plainly, as 403. */
function requireDispatcher(principal: Principal, chain: readonly string[], what: string): void {
  if (isDispatcherFor(principal, chain)) return;
  if (principal.status !== 'active') {
    throw new AppError(403, 'probation', 'Members on probation cannot dispatch');
  }
  throw new ForbiddenError(`Only dispatchers of this area can ${what}`);
}

/**
 * The console's responders for one area: on-shift responders who would be dispatched for its
 * incidents (responding in the area, above it or below it), each as a coarse cell only, with the
 * dispatches they are on.
 */
export async function dispatchBoard(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<DispatchBoard> {
  const areas = await ctx.areas.get();
  const area = areas.byId.get(areaId);
  if (!area || area.kind === 'workplace') throw new NotFoundError('No such area');
  const chain = areas.chainOrCity(areaId);
  requireDispatcher(principal, chain, 'see its responders');
  const byMember = new Map<string, { memberId: string; handle: string; cell: string }>();
  for (const r of await onShiftRespondersWithHandles(ctx.db)) {
    if (!r.cell || byMember.has(r.memberId)) continue;
    const here = chain.includes(r.areaId) || areas.chainOrCity(r.areaId).includes(areaId);
    if (here) byMember.set(r.memberId, { memberId: r.memberId, handle: r.handle, cell: r.cell });
  }
  const open = await openDispatchesOf(ctx.db, [...byMember.keys()]);
  return {
    responders: [...byMember.values()]
      .sort((a, b) => a.handle.localeCompare(b.handle))
      .map((r) => ({
        ...r,
        outline: cellToBoundary(r.cell).map(([lat, lng]) => ({ lat, lng })),
        dispatches: open
          .filter((d) => d.member_id === r.memberId)
          .map((d) => ({ id: d.id, incidentId: d.incident_id, state: d.state })),
      })),
  };
}

/**
 * A dispatcher offers an open incident to one on-shift responder of its area by hand; the offer
 * leaves through the outbox as `dispatch.offered`, like an automatic one.
 */
export async function dispatchByHand(
  ctx: AppContext,
  principal: Principal,
  incidentId: string,
  memberId: string,
) {
  const areas = await ctx.areas.get();
  return transact(ctx, async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    const chain = areas.chainOrCity(incident?.area_id ?? null);
    // An unverified report is unknown to everyone but the area's staff.
    if (!incident || (incident.state === 'reported' && !isAreaStaff(principal, chain)))
      throw new NotFoundError('No such incident');
    requireDispatcher(principal, chain, 'dispatch to this incident');
    if (!OPEN_INCIDENT.has(incident.state)) {
      throw new ConflictError('incident_state', `This incident is ${incident.state}`);
    }
    const areaId = incident.area_id;
    const responder = (await onShiftRespondersWithHandles(tx, [memberId])).some(
      (r) =>
        chain.includes(r.areaId) ||
        (areaId !== null && areas.chainOrCity(r.areaId).includes(areaId)),
    );
    if (!responder) throw new NotFoundError('No such responder on shift here');
    const all = await dispatchesOf(tx, incidentId);
    const existing = all.find((d) => d.member_id === memberId) ?? null;
    const decision = manualDispatch(existing?.state ?? null);
    if (!decision.ok) {
      throw new ConflictError(decision.code, 'This responder is already dispatched to it');
    }
    const now = ctx.clock.now();
    const round = Math.max(0, ...all.map((d) => d.round)) + 1;
    const id = existing?.id ?? randomUUID();
    if (existing) await reofferDispatch(tx, id, round, now);
    else await insertDispatches(tx, [{ id, incidentId, memberId, round, now }]);
    const row = await findIncident(tx, incidentId);
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'dispatch.offered',
          payload: {
            dispatchId: id,
            memberId,
            state: 'offered',
            incident: row ? presentIncident(row, areas) : null,
          },
        },
      ],
      now,
    );
    return { id, state: 'offered' as const };
  });
}

/** A dispatcher stands a responder down from an incident; the responder is told at once. */
export async function standDownByHand(ctx: AppContext, principal: Principal, dispatchId: string) {
  const areas = await ctx.areas.get();
  return transact(ctx, async (tx) => {
    const dispatch = await lockDispatch(tx, dispatchId);
    const incident = dispatch ? await findIncident(tx, dispatch.incident_id) : undefined;
    if (!dispatch || !incident) throw new NotFoundError('No such dispatch');
    requireDispatcher(principal, areas.chainOrCity(incident.area_id), 'stand responders down');
    if (!isOpenDispatch(dispatch.state)) {
      throw new ConflictError('dispatch_state', `This dispatch is ${dispatch.state}`);
    }
    const now = ctx.clock.now();
    await setDispatchState(tx, [dispatch.id], 'stood_down', now);
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'dispatch.offered',
          payload: {
            dispatchId: dispatch.id,
            memberId: dispatch.member_id,
            state: 'stood_down',
            incident: null,
          },
        },
      ],
      now,
    );
    return { id: dispatch.id, state: 'stood_down' as const };
  });
}
