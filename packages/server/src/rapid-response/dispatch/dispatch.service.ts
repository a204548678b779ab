import { randomUUID } from 'node:crypto';
import { cellCenter, haversineMeters, placeDisc, inDisc, type Principal } from '@tocsin/core';
import {
  ConflictError,
  NotFoundError,
  enqueueEvents,
  transact,
  type AppContext,
  type Tx,
} from '../../platform';
import { NEXT_STATE, ownsDispatch, type DispatchResponse } from './dispatch.policy';
import { findIncident, lockIncident, presentIncident } from '../incidents';
import {
  dispatchesOf,
  insertDispatches,
  lockDispatch,
  onShiftResponders,
  setDispatchState,
  staleOffers,
  standDownOpenDispatches,
} from './dispatch.repository';

/** How many responders are asked at once, how many should go, how long an offer waits. */
export const DISPATCH = { fanOut: 3, wanted: 2, answerWithinMs: 2 * 60_000 } as const;

interface IncidentPoint {
  id: string;
  lat: number;
  lng: number;
  areaId: string | null;
}

/**
 * Offers the incident to the nearest on-shift responders in range who have not been asked yet:
 * responders of the incident's area (or above) whose coarse cell is within the city's alert
 * radius of it. Each offer leaves through the outbox as `dispatch.offered`.
 */
export async function offerDispatches(
  ctx: AppContext,
  tx: Tx,
  incident: IncidentPoint,
  round: number,
  exclude: string[] = [],
): Promise<number> {
  const areas = await ctx.areas.get();
  const chain = new Set(areas.chainOrCity(incident.areaId));
  const radius = areas.settings?.defaultAlertRadiusMeters ?? 1000;
  const asked = new Set([
    ...exclude,
    ...(await dispatchesOf(tx, incident.id)).map((d) => d.member_id),
  ]);
  const candidates = new Map<string, number>();
  for (const r of await onShiftResponders(tx)) {
    if (!r.cell || asked.has(r.memberId) || !chain.has(r.areaId)) continue;
    if (!inDisc(placeDisc(r.cell, radius), incident.lat, incident.lng)) continue;
    candidates.set(r.memberId, haversineMeters(cellCenter(r.cell), incident));
  }
  const chosen = [...candidates]
    .sort((a, b) => a[1] - b[1])
    .slice(0, DISPATCH.fanOut)
    .map(([id]) => id);
  if (chosen.length === 0) return 0;
  const now = ctx.clock.now();
  const rows = chosen.map((memberId) => ({
    id: randomUUID(),
    incidentId: incident.id,
    memberId,
    round,
    now,
  }));
  await insertDispatches(tx, rows);
  const row = await findIncident(tx, incident.id);
  const snapshot = row ? presentIncident(row, areas) : null;
  await enqueueEvents(
    ctx,
    tx,
    rows.map((r) => ({
      name: 'dispatch.offered',
      payload: {
        dispatchId: r.id,
        memberId: r.memberId,
        state: 'offered',
        incident: snapshot,
      },
    })),
    now,
  );
  return rows.length;
}

/** A responder answers an offer: accept, decline, on scene, clear. */
export async function respondToDispatch(
  ctx: AppContext,
  principal: Principal,
  dispatchId: string,
  response: DispatchResponse,
) {
  return transact(ctx, async (tx) => {
    const dispatch = await lockDispatch(tx, dispatchId);
    if (!dispatch || !ownsDispatch(principal, dispatch))
      throw new NotFoundError('No such dispatch');
    const step = NEXT_STATE[response];
    if (!step.from.includes(dispatch.state)) {
      throw new ConflictError('dispatch_state', `This dispatch is ${dispatch.state}`);
    }
    const now = ctx.clock.now();
    await setDispatchState(tx, [dispatch.id], step.to, now);
    if (response === 'accept') {
      const all = await dispatchesOf(tx, dispatch.incident_id);
      const going = all.filter(
        (d) => d.id === dispatch.id || d.state === 'accepted' || d.state === 'on_scene',
      );
      if (going.length >= DISPATCH.wanted) {
        const waiting = all.filter((d) => d.state === 'offered' && d.id !== dispatch.id);
        await setDispatchState(
          tx,
          waiting.map((d) => d.id),
          'stood_down',
          now,
        );
        await enqueueEvents(
          ctx,
          tx,
          waiting.map((d) => ({
            name: 'dispatch.offered',
            payload: {
              dispatchId: d.id,
              memberId: d.member_id,
              state: 'stood_down',
              incident: null,
            },
          })),
          now,
        );
      }
    }
    if (response === 'decline') await escalateIncident(ctx, tx, dispatch.incident_id);
    return { id: dispatch.id, state: step.to };
  });
}

/** Asks the next responders when nobody is going and nobody is left to answer. */
async function escalateIncident(ctx: AppContext, tx: Tx, incidentId: string): Promise<number> {
  const incident = await lockIncident(tx, incidentId);
  if (!incident || !['reported', 'corroborated', 'confirmed'].includes(incident.state)) return 0;
  const all = await dispatchesOf(tx, incidentId);
  const going = all.filter((d) => d.state === 'accepted' || d.state === 'on_scene').length;
  const cutoff = ctx.clock.now().getTime() - DISPATCH.answerWithinMs;
  const waiting = all.filter(
    (d) => d.state === 'offered' && d.offered_at.getTime() > cutoff,
  ).length;
  if (going >= DISPATCH.wanted || waiting > 0) return 0;
  const stale = all.filter((d) => d.state === 'offered').map((d) => d.id);
  await setDispatchState(tx, stale, 'expired', ctx.clock.now());
  const round = Math.max(0, ...all.map((d) => d.round)) + 1;
  return offerDispatches(
    ctx,
    tx,
    { id: incident.id, lat: incident.lat, lng: incident.lng, areaId: incident.area_id },
    round,
  );
}

/** Periodic: offers nobody answered within two minutes expire and the next responders are asked. */
export async function escalateDispatches(ctx: AppContext): Promise<number> {
  const before = new Date(ctx.clock.now().getTime() - DISPATCH.answerWithinMs);
  let offered = 0;
  for (const { incident_id } of await staleOffers(ctx.db, before)) {
    offered += await transact(ctx, (tx) => escalateIncident(ctx, tx, incident_id));
  }
  return offered;
}

/** Stands down every open dispatch of an incident that is over, telling each member through the outbox. */
export async function standDownDispatches(
  ctx: AppContext,
  tx: Tx,
  incidentId: string,
): Promise<void> {
  const stood = await standDownOpenDispatches(tx, incidentId, ctx.clock.now());
  await enqueueEvents(
    ctx,
    tx,
    stood.map((d) => ({
      name: 'dispatch.offered',
      payload: { dispatchId: d.id, memberId: d.member_id, state: 'stood_down', incident: null },
    })),
    ctx.clock.now(),
  );
}
