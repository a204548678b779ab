import { randomBytes } from 'node:crypto';
import {
  countListingApprovals,
  parsePlateKey,
  quotaWaitMs,
  type PlateApprover,
  type Principal,
} from '@tocsin/core';
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
import type { AreaSnapshot } from '../../membership';
import { cityDay } from '../incidents';
import {
  mayApprove,
  mayCorrect,
  meetsListingRule,
  DEFAULT_VERIFIER_MIN_DAYS,
  PLATE_LIMITS,
  PLATE_RETENTION_MS,
  requireActive,
  requireRoleSomewhere,
  UNDECIDED_APPROVAL_MS,
} from './plates.policy';
import { hashPlate } from './plate-hash';
import {
  presentApproval,
  presentListed,
  presentUnlisted,
  type PlateApprovalView,
  type PlateLookupView,
} from './plates.presenter';
import {
  addApproval,
  clearPlates,
  countDecidedApprovals,
  deleteExpiredPlates,
  deletePlate,
  deleteStaleApprovals,
  findPlate,
  insertLookup,
  linkIncident,
  linksOf,
  lockMemberLookups,
  lockPlate,
  pendingApprovers,
  platesOfIncident,
  rehashPlate,
  reportersOfPlate,
  setListedAt,
  settleApprovals,
  upsertPlate,
  type PlateLink,
} from './plates.repository';

function requirePlateKey(raw: string, defaultState?: string): string {
  const key = parsePlateKey(raw, defaultState);
  if (key === null) {
    throw new ValidationError('plate: not a licence plate', [
      { path: 'plate', message: 'not a licence plate' },
    ]);
  }
  return key;
}

/**
 * The hashes a plate as written may be stored under: its canonical key (with the city's default
 * state) and, when that differs, the key plates had before keys were canonical (issue 20), so a
 * plate stored earlier as "QRT551" is still found when asked as "MN QRT551".
 */
async function candidateHashes(
  ctx: AppContext,
  raw: string,
  defaultState?: string,
): Promise<string[]> {
  const key = requirePlateKey(raw, defaultState);
  const legacy = parsePlateKey(raw);
  const keys = legacy === null || legacy === key ? [key] : [key, legacy];
  return Promise.all(keys.map((k) => hashPlate(ctx, k)));
}

async function firstStored(db: Executor, hashes: readonly string[], now: Date): Promise<string> {
  for (const hash of hashes) if (await findPlate(db, hash, now)) return hash;
  return hashes[0] ?? '';
}

function isConfirmed(link: PlateLink): boolean {
  return link.confirmedAt !== null && link.state !== 'false_alarm' && link.state !== 'merged';
}

interface PlateStatus {
  listedAt: Date | null;
  links: PlateLink[];
  confirmed: PlateLink[];
  /** Approvals that count: decided ones (opaque) and undecided ones that meet the rule. */
  approvals: number;
  /** Of those, the undecided ones: settled into opaque tags once the plate is listed. */
  pending: number;
}

/** The area chains of the incidents a plate was seen in (also before they were merged). */
function chainsOf(links: readonly PlateLink[], areas: AreaSnapshot): string[][] {
  const ids = new Set(links.flatMap((link) => [link.areaId, link.seenInAreaId]));
  return [...ids].map((id) => areas.chainOrCity(id));
}

/** Undecided approvals that count by core's listing rule (independence, vouched, role age). */
async function countingPending(
  db: Executor,
  hash: string,
  chains: readonly string[][],
  areas: AreaSnapshot,
  now: Date,
): Promise<number> {
  const inPlateAreas = (areaId: string) => chains.some((chain) => chain.includes(areaId));
  const approvers = (await pendingApprovers(db, hash)).map((a): PlateApprover => {
    const since = a.grants
      .filter((g) => g.role === 'admin' || inPlateAreas(g.areaId))
      .map((g) => g.grantedAt.getTime());
    return {
      memberId: a.memberId,
      sponsorId: a.sponsorId,
      vouched: a.active,
      verifierSince: since.length > 0 ? Math.min(...since) : Number.POSITIVE_INFINITY,
    };
  });
  if (approvers.length === 0) return 0;
  const reporters = (await reportersOfPlate(db, hash)).map((r) => ({
    memberId: r.member_id,
    sponsorId: r.sponsor_id,
  }));
  return countListingApprovals(approvers, reporters, {
    now: now.getTime(),
    minRoleDays: areas.settings?.plateVerifierMinDays ?? DEFAULT_VERIFIER_MIN_DAYS,
  });
}

async function statusOf(
  db: Executor,
  hash: string,
  areas: AreaSnapshot,
  now: Date,
): Promise<PlateStatus | null> {
  // The same reads whether or not the plate exists, so timing does not tell them apart.
  const plate = await findPlate(db, hash, now);
  const links = await linksOf(db, hash);
  const decided = await countDecidedApprovals(db, hash);
  const pending = await countingPending(db, hash, chainsOf(links, areas), areas, now);
  if (!plate) return null;
  return {
    listedAt: plate.listed_at,
    links,
    confirmed: links.filter(isConfirmed),
    approvals: decided + pending,
    pending,
  };
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

/**
 * Lists or unlists a plate by the rule; the caller holds the plate's row lock. Once it is listed
 * the approvals that counted keep only an opaque tag and their day (no verifier), and the rest
 * go. Audit entries name the plate's hash, never who acted on it.
 */
async function evaluateListing(
  tx: Tx,
  hash: string,
  areas: AreaSnapshot,
  now: Date,
): Promise<PlateStatus | null> {
  const status = await statusOf(tx, hash, areas, now);
  if (!status) return null;
  const holds = ruleHolds(status);
  if (holds) await settleApprovals(tx, hash, status.pending);
  if (holds === (status.listedAt !== null)) return status;
  await setListedAt(tx, hash, holds ? now : null);
  await audit(tx, {
    at: now,
    actorId: null,
    action: holds ? 'plate.listed' : 'plate.unlisted',
    details: { plateHash: hash },
  });
  return { ...status, listedAt: holds ? now : null };
}

/**
 * Records plates seen in a report of an incident, in the report's transaction, by their hashes
 * (hashPlates, computed before the transaction: each takes tens of milliseconds): the plate's
 * last-seen day (city day) and expiry move forward, and it is linked to the incident.
 */
export async function recordPlateSightings(
  ctx: AppContext,
  tx: Tx,
  incidentId: string,
  plateHashes: readonly string[],
  now: Date,
): Promise<void> {
  const hashes = [...new Set(plateHashes)].sort();
  if (hashes.length === 0) return;
  const areas = await ctx.areas.get();
  const day = cityDay(now, areas.settings?.timeZone ?? 'UTC');
  const expiresAt = new Date(now.getTime() + PLATE_RETENTION_MS);
  for (const hash of hashes) {
    await upsertPlate(tx, hash, day, expiresAt);
    await linkIncident(tx, hash, incidentId, day);
    // Seen in an incident confirmed already: it may meet the rule now.
    await evaluateListing(tx, hash, areas, now);
  }
}

/** Re-evaluates the plates of an incident a verifier just confirmed, in that transaction. */
export async function onIncidentConfirmed(
  ctx: AppContext,
  tx: Tx,
  incidentId: string,
): Promise<void> {
  const now = ctx.clock.now();
  const areas = await ctx.areas.get();
  for (const hash of await platesOfIncident(tx, incidentId)) {
    if (await lockPlate(tx, hash, now)) await evaluateListing(tx, hash, areas, now);
  }
}

/** When a member looked up plates since `since` (epoch ms, oldest first). */
const lookupTimesOfMember = (db: Executor, memberId: string, since: Date) =>
  memberTimesSince(db, 'plate_lookups', 'at', memberId, since);

/** Refuses a member over the lookup quota; `times` are their lookups in the window (epoch ms). */
function checkLookupQuota(times: readonly number[], now: Date): void {
  const { windowMs, lookupsPerMember: limit } = PLATE_LIMITS;
  const wait = quotaWaitMs({ limit, windowMs }, times, now.getTime());
  if (wait !== null) {
    throw new RateLimitedError(
      'plate_lookup_rate_limited',
      'Too many plate lookups; try again later',
      wait / 1000,
    );
  }
}

/**
 * Is this plate listed? Active members only, rate limited; the query is hashed like the stored
 * plates, and the lookup is recorded by member and time, never by plate. A plate reported but not
 * listed answers exactly like one never seen.
 */
export async function lookupPlate(
  ctx: AppContext,
  principal: Principal,
  raw: string,
): Promise<PlateLookupView> {
  requireActive(principal, 'look up plates');
  const areas = await ctx.areas.get();
  requirePlateKey(raw, areas.settings?.plateDefaultState);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - PLATE_LIMITS.windowMs);
  // A member over the quota costs no hash; the locked check below settles races.
  checkLookupQuota(await lookupTimesOfMember(ctx.db, principal.memberId, since), now);
  const hashes = await candidateHashes(ctx, raw, areas.settings?.plateDefaultState);
  return transact(ctx, async (tx) => {
    await lockMemberLookups(tx, principal.memberId);
    checkLookupQuota(await lookupTimesOfMember(tx, principal.memberId, since), now);
    const status = await statusOf(tx, await firstStored(tx, hashes, now), areas, now);
    const listed = status !== null && isListed(status);
    await insertLookup(tx, { memberId: principal.memberId, at: now, listed });
    return listed ? presentListed(status.confirmed, areas) : presentUnlisted();
  });
}

/**
 * A verifier of an area where the plate was seen approves it; two independent, seasoned
 * verifiers and a confirmation list it.
 */
export async function approvePlate(
  ctx: AppContext,
  principal: Principal,
  raw: string,
): Promise<PlateApprovalView> {
  requireActive(principal, 'approve plates');
  requireRoleSomewhere(principal, 'verifier');
  const areas = await ctx.areas.get();
  const now = ctx.clock.now();
  const hashes = await candidateHashes(ctx, raw, areas.settings?.plateDefaultState);
  return transact(ctx, async (tx) => {
    const hash = await firstStored(tx, hashes, now);
    // The row lock orders concurrent approvals, so the second one counts the first.
    const plate = await lockPlate(tx, hash, now);
    const links = plate ? await linksOf(tx, hash) : [];
    if (!plate || !mayApprove(principal, chainsOf(links, areas))) {
      throw new NotFoundError('No such plate');
    }
    const tag = randomBytes(16).toString('base64url');
    if (await addApproval(tx, { hash, verifierId: principal.memberId, tag, at: now })) {
      await audit(tx, {
        at: now,
        actorId: null,
        action: 'plate.approved',
        details: { plateHash: hash },
      });
    }
    const status = await evaluateListing(tx, hash, areas, now);
    return presentApproval(status !== null && isListed(status), status?.approvals ?? 0);
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
  const areas = await ctx.areas.get();
  const now = ctx.clock.now();
  const hashes = await candidateHashes(ctx, raw, areas.settings?.plateDefaultState);
  await transact(ctx, async (tx) => {
    const hash = await firstStored(tx, hashes, now);
    const plate = await lockPlate(tx, hash, now);
    const links = plate ? await linksOf(tx, hash) : [];
    if (!plate || !mayCorrect(principal, chainsOf(links, areas))) {
      throw new NotFoundError('No such plate');
    }
    await deletePlate(tx, hash);
    await audit(tx, {
      at: now,
      actorId: null,
      action: 'plate.removed',
      details: { plateHash: hash, reason },
    });
  });
}

/**
 * Deletes plates not seen again within the retention period, with their links and approvals,
 * and approvals left undecided for UNDECIDED_APPROVAL_MS (the verifier's link to the plate).
 */
export async function expirePlates(ctx: AppContext, now: Date): Promise<number> {
  await deleteStaleApprovals(ctx.db, new Date(now.getTime() - UNDECIDED_APPROVAL_MS));
  return deleteExpiredPlates(ctx.db, now);
}

/**
 * Rehashes plates stored in clear before plates were hashed (migration 20261205140000), before
 * the node serves anything; returns how many. Run at every start: it finds none after the first.
 */
export async function rehashClearPlates(ctx: AppContext): Promise<number> {
  const keys = await clearPlates(ctx.db);
  for (const key of keys) {
    const hash = await hashPlate(ctx, key);
    await transact(ctx, (tx) => rehashPlate(tx, key, hash));
  }
  return keys.length;
}
