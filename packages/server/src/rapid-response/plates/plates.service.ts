import { parsePlateKey, quotaWaitMs, type Principal } from '@tocsin/core';
import {
  NotFoundError,
  RateLimitedError,
  ValidationError,
  audit,
  memberTimesSince,
  transact,
  type AppContext,
  type Executor,
  type Tx,
} from '../../platform';
import { keyedHash, type AreaSnapshot } from '../../membership';
import { cityDay } from '../incidents';
import {
  mayApprove,
  mayCorrect,
  meetsListingRule,
  PLATE_LIMITS,
  PLATE_RETENTION_MS,
  requireActive,
  requireRoleSomewhere,
} from './plates.policy';
import {
  presentApproval,
  presentListed,
  presentUnlisted,
  type PlateApprovalView,
  type PlateLookupView,
} from './plates.presenter';
import {
  addApproval,
  countApprovals,
  deleteExpiredPlates,
  deletePlate,
  findPlate,
  insertLookup,
  linkIncident,
  linksOf,
  lockMemberLookups,
  lockPlate,
  platesOfIncident,
  setListedAt,
  upsertPlate,
  type PlateLink,
} from './plates.repository';

function requirePlateKey(raw: string): string {
  const key = parsePlateKey(raw);
  if (key === null) {
    throw new ValidationError('plate: not a licence plate', [
      { path: 'plate', message: 'not a licence plate' },
    ]);
  }
  return key;
}

/** What audit rows carry instead of the plate. */
function plateHash(ctx: AppContext, key: string): string {
  return keyedHash(ctx.secrets.serverKey, 'plate', key);
}

function isConfirmed(link: PlateLink): boolean {
  return link.confirmedAt !== null && link.state !== 'false_alarm' && link.state !== 'merged';
}

interface PlateStatus {
  listedAt: Date | null;
  links: PlateLink[];
  confirmed: PlateLink[];
  approvals: number;
}

async function statusOf(db: Executor, key: string, now: Date): Promise<PlateStatus | null> {
  // The same reads whether or not the plate exists, so timing does not tell them apart.
  const plate = await findPlate(db, key, now);
  const links = await linksOf(db, key);
  const approvals = await countApprovals(db, key);
  if (!plate) return null;
  return { listedAt: plate.listed_at, links, confirmed: links.filter(isConfirmed), approvals };
}

function ruleHolds(status: PlateStatus): boolean {
  const confirmedIncidents = new Set(status.confirmed.map((link) => link.incidentId)).size;
  return meetsListingRule({ confirmedIncidents, approvals: status.approvals });
}

/**
 * Listed means it was listed and still meets the rule: a confirmation later found to be a false
 * alarm stops counting at once, without waiting for anyone to re-evaluate.
 */
function isListed(status: PlateStatus): boolean {
  return status.listedAt !== null && ruleHolds(status);
}

/** Lists or unlists a plate by the rule; the caller holds the plate's row lock. */
async function evaluateListing(
  ctx: AppContext,
  tx: Tx,
  key: string,
  now: Date,
  actorId: string | null,
): Promise<boolean> {
  const status = await statusOf(tx, key, now);
  if (!status) return false;
  const holds = ruleHolds(status);
  if (holds === (status.listedAt !== null)) return holds;
  await setListedAt(tx, key, holds ? now : null);
  await audit(tx, {
    at: now,
    actorId,
    action: holds ? 'plate.listed' : 'plate.unlisted',
    details: { plateHash: plateHash(ctx, key) },
  });
  return holds;
}

/** The area chains of the incidents a plate was seen in (also before they were merged). */
function chainsOf(links: readonly PlateLink[], areas: AreaSnapshot): string[][] {
  const ids = new Set(links.flatMap((link) => [link.areaId, link.seenInAreaId]));
  return [...ids].map((id) => areas.chainOrCity(id));
}

/**
 * Records plates seen in a report of an incident, in the report's transaction: the plate's
 * last-seen day (city day) and expiry move forward, and it is linked to the incident.
 */
export async function recordPlateSightings(
  ctx: AppContext,
  tx: Tx,
  incidentId: string,
  plateKeys: readonly string[],
  now: Date,
): Promise<void> {
  const keys = [...new Set(plateKeys)].sort();
  if (keys.length === 0) return;
  const timeZone = (await ctx.areas.get()).settings?.timeZone ?? 'UTC';
  const day = cityDay(now, timeZone);
  const expiresAt = new Date(now.getTime() + PLATE_RETENTION_MS);
  for (const key of keys) {
    await upsertPlate(tx, key, day, expiresAt);
    await linkIncident(tx, key, incidentId, day);
    // Seen in an incident confirmed already: it may meet the rule now.
    await evaluateListing(ctx, tx, key, now, null);
  }
}

/** Re-evaluates the plates of an incident a verifier just confirmed, in that transaction. */
export async function onIncidentConfirmed(
  ctx: AppContext,
  tx: Tx,
  incidentId: string,
): Promise<void> {
  const now = ctx.clock.now();
  for (const key of await platesOfIncident(tx, incidentId)) {
    if (await lockPlate(tx, key, now)) await evaluateListing(ctx, tx, key, now, null);
  }
}

/**
 * Is this plate listed? Active members only, rate limited, every answer audited by a keyed hash.
 * A plate reported but not listed answers exactly like one never seen.
 */
export async function lookupPlate(
  ctx: AppContext,
  principal: Principal,
  raw: string,
): Promise<PlateLookupView> {
  requireActive(principal, 'look up plates');
  const key = requirePlateKey(raw);
  const areas = await ctx.areas.get();
  const now = ctx.clock.now();
  return transact(ctx, async (tx) => {
    await lockMemberLookups(tx, principal.memberId);
    const { windowMs, lookupsPerMember: limit } = PLATE_LIMITS;
    const since = new Date(now.getTime() - windowMs);
    const times = await memberTimesSince(tx, 'plate_lookups', 'at', principal.memberId, since);
    const wait = quotaWaitMs({ limit, windowMs }, times, now.getTime());
    if (wait !== null) {
      throw new RateLimitedError(
        'plate_lookup_rate_limited',
        'Too many plate lookups; try again later',
        wait / 1000,
      );
    }
    const status = await statusOf(tx, key, now);
    const listed = status !== null && isListed(status);
    await insertLookup(tx, {
      plateHash: plateHash(ctx, key),
      memberId: principal.memberId,
      at: now,
      listed,
    });
    return listed ? presentListed(status.confirmed, areas) : presentUnlisted();
  });
}

/** A verifier of an area where the plate was seen approves it; two and a confirmation list it. */
export async function approvePlate(
  ctx: AppContext,
  principal: Principal,
  raw: string,
): Promise<PlateApprovalView> {
  requireActive(principal, 'approve plates');
  requireRoleSomewhere(principal, 'verifier');
  const key = requirePlateKey(raw);
  const areas = await ctx.areas.get();
  const now = ctx.clock.now();
  return transact(ctx, async (tx) => {
    // The row lock orders concurrent approvals, so the second one counts the first.
    const plate = await lockPlate(tx, key, now);
    const links = plate ? await linksOf(tx, key) : [];
    if (!plate || !mayApprove(principal, chainsOf(links, areas))) {
      throw new NotFoundError('No such plate');
    }
    if (await addApproval(tx, key, principal.memberId, now)) {
      await audit(tx, {
        at: now,
        actorId: principal.memberId,
        action: 'plate.approved',
        details: { plateHash: plateHash(ctx, key) },
      });
    }
    const listed = await evaluateListing(ctx, tx, key, now, principal.memberId);
    return presentApproval(listed, await countApprovals(tx, key));
  });
}

/** An organizer of an area where the plate was seen, or an admin, removes a wrong plate. */
export async function removePlate(
  ctx: AppContext,
  principal: Principal,
  raw: string,
  reason: string,
): Promise<void> {
  requireActive(principal, 'correct plates');
  requireRoleSomewhere(principal, 'organizer');
  const key = requirePlateKey(raw);
  const areas = await ctx.areas.get();
  const now = ctx.clock.now();
  await transact(ctx, async (tx) => {
    const plate = await lockPlate(tx, key, now);
    const links = plate ? await linksOf(tx, key) : [];
    if (!plate || !mayCorrect(principal, chainsOf(links, areas))) {
      throw new NotFoundError('No such plate');
    }
    await deletePlate(tx, key);
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'plate.removed',
      details: { plateHash: plateHash(ctx, key), reason },
    });
  });
}

/** Deletes plates not seen again within the retention period, with their links and approvals. */
export function expirePlates(ctx: AppContext, now: Date): Promise<number> {
  return deleteExpiredPlates(ctx.db, now);
}
