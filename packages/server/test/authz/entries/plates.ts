import { randomBytes, randomUUID } from 'node:crypto';
import { incidentCell } from '@tocsin/core';
import { transact } from '../../../src/platform/context';
import { hashPlate } from '../../../src/rapid-response/plates/plate-hash';
import {
  onIncidentConfirmed,
  recordPlateSightings,
} from '../../../src/rapid-response/plates/plates.service';
import { everyMember, type MatrixEntry, type World } from '../types';

/**
 * A fresh plate seen in a confirmed (and ended, so no report joins it) incident of this area;
 * `listed` adds two decided (opaque) approvals. Returns the plate as a URL segment.
 */
async function seenPlate(world: World, listed: boolean): Promise<string> {
  const { ctx } = world;
  const now = ctx.clock.now();
  const incidentId = randomUUID();
  const key = `MN:P${randomBytes(4).toString('hex').slice(0, 5).toUpperCase()}`;
  const hash = await hashPlate(ctx, key);
  await transact(ctx, async (tx) => {
    await tx
      .insertInto('incidents')
      .values({
        id: incidentId,
        state: 'ended',
        area_id: world.area.id,
        lat: world.point.lat,
        lng: world.point.lng,
        coarse_cell: incidentCell(world.point.lat, world.point.lng),
        activity: null,
        day: now.toISOString().slice(0, 10),
        first_report_at: now,
        last_report_at: now,
        last_activity_at: now,
        corroborated_at: now,
        confirmed_at: now,
        closed_at: now,
      })
      .execute();
    await recordPlateSightings(ctx, tx, incidentId, [hash], now);
    if (!listed) return;
    await tx
      .insertInto('plate_approvals')
      .values(
        ['a', 'b'].map((tag) => ({
          plate_hash: hash,
          verifier_id: null,
          approver_tag: tag,
          approved_at: now,
        })),
      )
      .execute();
    await onIncidentConfirmed(ctx, tx, incidentId);
  });
  return encodeURIComponent(key);
}

/**
 * Plates: any active member looks up (probation 403); verifiers of the plate's area (and admins)
 * approve; organizers of its area (and admins) correct, an organizer elsewhere gets 404.
 */
export const platesEntries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/plates/:plate',
    request: async (world) => ({ url: `/api/v1/plates/${await seenPlate(world, true)}` }),
    expect: everyMember(200, { probation: 403 }),
  },
  {
    method: 'POST',
    url: '/api/v1/plates/:plate/approvals',
    request: async (world) => ({
      url: `/api/v1/plates/${await seenPlate(world, false)}/approvals`,
    }),
    expect: everyMember(403, { verifier: 200, admin: 200 }),
  },
  {
    method: 'DELETE',
    url: '/api/v1/plates/:plate',
    request: async (world) => ({
      url: `/api/v1/plates/${await seenPlate(world, true)}`,
      payload: { reason: 'authorization matrix' },
    }),
    expect: everyMember(403, { otherOrganizer: 404, organizer: 204, admin: 204 }),
  },
];
