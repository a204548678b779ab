import {
  applyEnd,
  applyMerge,
  applyVerification,
  cellsInRadius,
  COARSE_RES,
  haversineMeters,
  type Verifier,
  type IncidentDetailView,
  type IncidentSummaryView,
  type Principal,
  type VerificationOutcome,
} from '@tocsin/core';
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  transact,
  type AppContext,
  type Executor,
} from '../../platform';
import { canSeeArea } from '../../membership';
import { toIncident } from './incident-mapper';
import { recordTransition } from './incident-writer';
import {
  findIncident,
  goingTo,
  incidentsInAreas,
  incidentsInCells,
  involvementRows,
  lockIncident,
  photosOfIncident,
  reportersOf,
  addConfirmer,
  confirmersOf,
  reportsOfIncident,
  timelineOf,
} from './incidents.repository';
import { absorbIncident } from './incidents.intake.repository';
import { actingRole, canSeeIncident, disclosureOf, isAreaStaff } from './incidents.policy';
import {
  displayPlate,
  presentIncident,
  presentRetracted,
  presentTimeline,
} from './incidents.presenter';

const DAY_MS = 86_400_000;
const LIST_LIMIT = 200;

interface Involvement {
  reporter: boolean;
  dispatched: boolean;
  onShift: boolean;
  accepted: boolean;
}

/**
 * How a member is involved in each of some incidents (reported it, dispatched to it) and whether
 * they are on shift, in one round trip whatever the number of incidents.
 */
async function involvements(
  db: Executor,
  incidentIds: readonly string[],
  memberId: string,
): Promise<Map<string, Involvement>> {
  const out = new Map<string, Involvement>();
  if (incidentIds.length === 0) return out;
  const rows = await involvementRows(db, incidentIds, memberId);
  for (const row of rows) {
    out.set(row.id, {
      reporter: Boolean(row.reporter),
      dispatched: row.dispatch_state !== null,
      onShift: row.on_shift ?? false,
      accepted: row.dispatch_state === 'accepted' || row.dispatch_state === 'on_scene',
    });
  }
  return out;
}

const UNINVOLVED: Involvement = {
  reporter: false,
  dispatched: false,
  onShift: false,
  accepted: false,
};

async function involvement(db: Executor, incidentId: string, memberId: string) {
  return (await involvements(db, [incidentId], memberId)).get(incidentId) ?? UNINVOLVED;
}

/** Incidents near a point or in an area, from the last day, that the caller may see. */
export async function listIncidents(
  ctx: AppContext,
  principal: Principal,
  query: {
    lat?: number | undefined;
    lng?: number | undefined;
    radius?: number | undefined;
    areaId?: string | undefined;
  },
): Promise<IncidentSummaryView[]> {
  const areas = await ctx.areas.get();
  const since = new Date(ctx.clock.now().getTime() - DAY_MS);
  let rows;
  if (query.lat !== undefined && query.lng !== undefined) {
    const radius = query.radius ?? areas.settings?.defaultAlertRadiusMeters ?? 1000;
    const center = { lat: query.lat, lng: query.lng };
    rows = (
      await incidentsInCells(
        ctx.db,
        cellsInRadius(query.lat, query.lng, radius, COARSE_RES),
        since,
        LIST_LIMIT,
      )
    ).filter((row) => haversineMeters(center, row) <= radius);
  } else if (query.areaId) {
    const area = areas.byId.get(query.areaId);
    if (!area || !canSeeArea(principal, area.kind, areas.chain(area.id))) {
      throw new NotFoundError('No such area');
    }
    const ids = area.kind === 'city' ? areas.all.map((a) => a.id) : [area.id];
    rows = await incidentsInAreas(ctx.db, ids, since, LIST_LIMIT, area.kind === 'city');
  } else {
    throw new ValidationError('lat: required (with lng), or areaId', [
      { path: 'lat', message: 'required (with lng), or areaId' },
    ]);
  }
  // Only unverified incidents depend on who is asking: their involvement in one query.
  const mine = await involvements(
    ctx.db,
    rows.filter((row) => row.state === 'reported').map((row) => row.id),
    principal.memberId,
  );
  const visible = [];
  for (const row of rows) {
    const chain = areas.chainOrCity(row.area_id);
    const disclosure = disclosureOf(principal, row, chain, mine.get(row.id) ?? UNINVOLVED);
    if (disclosure === 'full') visible.push(presentIncident(row, areas));
    else if (disclosure === 'retracted') visible.push(presentRetracted(row, areas));
  }
  return visible;
}

/** One incident with its timeline; the area's staff also get the reports and who is going. */
export async function getIncident(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<IncidentDetailView> {
  const areas = await ctx.areas.get();
  const row = await findIncident(ctx.db, id);
  if (!row) throw new NotFoundError('No such incident');
  const chain = areas.chainOrCity(row.area_id);
  const disclosure = disclosureOf(
    principal,
    row,
    chain,
    await involvement(ctx.db, id, principal.memberId),
  );
  if (disclosure === 'none') throw new NotFoundError('No such incident');
  if (disclosure === 'retracted') {
    // Only how it ended: the last step of its timeline, without notes.
    const last = presentTimeline(await timelineOf(ctx.db, id), false).slice(-1);
    return { ...presentRetracted(row, areas), timeline: last };
  }
  const staff = isAreaStaff(principal, chain);
  const timeline = presentTimeline(await timelineOf(ctx.db, id), staff);
  const base = { ...presentIncident(row, areas), timeline };
  if (!staff) return base;
  const reports = await reportsOfIncident(ctx.db, id);
  const going = await goingTo(ctx.db, id);
  const photos = await photosOfIncident(ctx.db, id);
  return {
    ...base,
    independentReporters: row.independent_count,
    notSeen: row.not_seen_count,
    reports: reports.map((r) => ({
      id: r.id,
      receivedAt: r.received_at.toISOString(),
      observedAt: r.observed_at?.toISOString() ?? null,
      salute: r.salute ?? null,
      plates: r.plates.map(displayPlate),
    })),
    going: going.map((g) => ({ handle: g.handle, state: g.state })),
    photos: photos.map((p) => ({ id: p.id, reportId: p.report_id })),
  };
}

/** Who is acting on an incident, and whether the server's policy lets them. */
async function actorOn(
  ctx: AppContext,
  principal: Principal,
  incident: { id: string; area_id: string | null; state: string },
  action: 'verify' | 'end' | 'merge',
): Promise<Verifier> {
  const areas = await ctx.areas.get();
  const chain = areas.chainOrCity(incident.area_id);
  const mine = await involvement(ctx.db, incident.id, principal.memberId);
  if (!canSeeIncident(principal, incident, chain, mine))
    throw new NotFoundError('No such incident');
  if (principal.status !== 'active') {
    throw new AppError(
      403,
      'probation',
      'Members on probation cannot verify, dispatch or end incidents',
    );
  }
  const role = actingRole(principal, chain);
  const onShift = role === 'responder' && mine.onShift;
  const staff = role === 'verifier' || role === 'dispatcher';
  const allowed =
    action === 'verify'
      ? staff || (role === 'responder' && mine.accepted)
      : action === 'end'
        ? staff || (role === 'responder' && (onShift || mine.accepted))
        : staff;
  if (!allowed) throw new ForbiddenError(`Not allowed to ${action} this incident`);
  // A responder acting on their accepted dispatch is on the scene, whatever their shift says.
  return {
    memberId: principal.memberId,
    sponsorId: principal.sponsorId,
    role,
    onShift: onShift || mine.accepted,
  };
}

/** A locked incident row with its reporters and confirmers, as the rules see it. */
async function loadIncident(tx: Executor, row: Parameters<typeof toIncident>[0]) {
  return toIncident(row, await reportersOf(tx, row.id), await confirmersOf(tx, row.id));
}

function refused(error: { code: string; message: string }): never {
  throw new ConflictError(error.code, error.message);
}

/** A verifier's, dispatcher's or dispatched responder's finding: confirmed, false alarm, not seen. */
export async function verifyIncident(
  ctx: AppContext,
  principal: Principal,
  id: string,
  outcome: VerificationOutcome,
  note: string | null,
) {
  const row = await findIncident(ctx.db, id);
  if (!row) throw new NotFoundError('No such incident');
  const actor = await actorOn(ctx, principal, row, 'verify');
  return transact(ctx, async (tx) => {
    const locked = await lockIncident(tx, id);
    if (!locked) throw new NotFoundError('No such incident');
    const now = ctx.clock.now();
    const result = applyVerification(await loadIncident(tx, locked), outcome, actor, now.getTime());
    if (!result.ok) refused(result.error);
    await recordTransition(ctx, tx, result.value, {
      activity: locked.activity,
      activityCode: locked.activity_code,
      note,
    });
    if (outcome === 'confirmed') await addConfirmer(tx, id, actor, now);
    // Plates wait for the incident itself to be confirmed, by two independent people.
    if (result.value.incident.state === 'confirmed') await ctx.incidentHooks.confirmed(ctx, tx, id);
    return { id, state: result.value.incident.state };
  });
}

/** The all clear. */
export async function endIncident(
  ctx: AppContext,
  principal: Principal,
  id: string,
  note: string | null,
) {
  const row = await findIncident(ctx.db, id);
  if (!row) throw new NotFoundError('No such incident');
  const actor = await actorOn(ctx, principal, row, 'end');
  return transact(ctx, async (tx) => {
    const locked = await lockIncident(tx, id);
    if (!locked) throw new NotFoundError('No such incident');
    const result = applyEnd(await loadIncident(tx, locked), actor, ctx.clock.now().getTime());
    if (!result.ok) refused(result.error);
    await recordTransition(ctx, tx, result.value, {
      activity: locked.activity,
      activityCode: locked.activity_code,
      note,
    });
    return { id, state: result.value.incident.state };
  });
}

/** A dispatcher merges a duplicate the clustering missed into another incident. */
export async function mergeIncident(
  ctx: AppContext,
  principal: Principal,
  id: string,
  into: string,
) {
  const [fromRow, intoRow] = await Promise.all([
    findIncident(ctx.db, id),
    findIncident(ctx.db, into),
  ]);
  if (!fromRow || !intoRow) throw new NotFoundError('No such incident');
  const actor = await actorOn(ctx, principal, fromRow, 'merge');
  await actorOn(ctx, principal, intoRow, 'merge');
  return transact(ctx, async (tx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [first, second] = [id, into].sort();
    const lockedA = await lockIncident(tx, first!);
    const lockedB = await lockIncident(tx, second!);
    const from = lockedA?.id === id ? lockedA : lockedB;
    const target = lockedA?.id === into ? lockedA : lockedB;
    if (!from || !target) throw new NotFoundError('No such incident');
    const result = applyMerge(
      await loadIncident(tx, from),
      await loadIncident(tx, target),
      actor,
      ctx.clock.now().getTime(),
    );
    if (!result.ok) refused(result.error);
    // The surviving incident carries the absorbed one's reporters, reports and audience.
    await absorbIncident(tx, id, into);
    await recordTransition(ctx, tx, result.value.from, {
      activity: from.activity,
      activityCode: from.activity_code,
    });
    await recordTransition(ctx, tx, result.value.into, {
      activity: target.activity,
      activityCode: target.activity_code,
    });
    if (result.value.into.incident.state === 'confirmed')
      await ctx.incidentHooks.confirmed(ctx, tx, into);
    return {
      id,
      state: result.value.from.incident.state,
      into: { id: into, state: result.value.into.incident.state },
    };
  });
}
