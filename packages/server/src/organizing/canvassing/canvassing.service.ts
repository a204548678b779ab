import { randomUUID } from 'node:crypto';
import { getResolution, isValidCell } from 'h3-js';
import {
  cellCenter,
  checkTurfCells,
  residentDataIn,
  TURF_MAX_CELLS,
  TURF_RES,
  turfCellsOfArea,
  type AidCategory,
  type AidUrgency,
  type CoverageView,
  type DoorAnswer,
  type DoorOutcome,
  type Principal,
  type TurfSummary,
  type TurfView,
} from '@tocsin/core';
import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
  audit,
  enqueueEvents,
  transact,
  type AppContext,
} from '../../platform';
import { createInvite, type AreaSnapshot } from '../../membership';
import { openAidRequestIn } from '../mutual-aid';
import { canvassAccess, requireGroup, requireTurfAccess } from './canvassing.policy';
import { presentCoverage, presentSummary, presentTurf } from './canvassing.presenter';
import {
  addDoor,
  assigneesOf,
  canvassersAmong,
  cellCounts,
  cellsOf,
  claimDoorReceipt,
  countsOf,
  findDoorReceipt,
  findTurf,
  insertNote,
  insertTurf,
  isTurfCellOf,
  notesOf,
  setReceiptAid,
  setReceiptInvite,
  turfIdsOfAssignee,
  turfsIn,
  type TurfRow,
} from './canvassing.repository';

/** A door invite is for now, at the door: it expires in a day. */
const DOOR_INVITE_HOURS = 24;

function refuseResidentData(text: string, path: string): void {
  const found = residentDataIn(text);
  if (found) {
    const message =
      found === 'address'
        ? 'must not hold an address, a unit or a house number'
        : 'must not hold a phone number or an email address';
    throw new ValidationError(`${path}: ${message}`, [{ path, message }]);
  }
}

/** The area most of the cells lie in (a cell belongs to the area holding its center). */
function areaOfCells(snapshot: AreaSnapshot, cells: string[]): string | null {
  const votes = new Map<string, number>();
  for (const cell of cells) {
    const { lat, lng } = cellCenter(cell);
    const areaId = snapshot.index.areaAt(lat, lng);
    if (areaId) votes.set(areaId, (votes.get(areaId) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [id, n] of votes) if (best === null || n > (votes.get(best) ?? 0)) best = id;
  return best;
}

async function summariesOf(
  ctx: AppContext,
  turfs: TurfRow[],
  memberId: string,
): Promise<TurfSummary[]> {
  const ids = turfs.map((t) => t.id);
  const assignees = await assigneesOf(ctx.db, ids);
  const counts = await countsOf(ctx.db, ids);
  const sizes = new Map((await cellCounts(ctx.db, ids)).map((r) => [r.turf_id, r.n]));
  return turfs.map((t) => presentSummary(t, assignees, sizes.get(t.id) ?? 0, counts, memberId));
}

async function turfView(
  ctx: AppContext,
  turf: TurfRow,
  memberId: string,
  withNotes: boolean,
): Promise<TurfView> {
  const [summary] = await summariesOf(ctx, [turf], memberId);
  if (!summary) throw new NotFoundError('No such turf');
  const counts = await countsOf(ctx.db, [turf.id]);
  const notes = withNotes ? await notesOf(ctx.db, turf.id) : [];
  return presentTurf(summary, await cellsOf(ctx.db, turf.id), counts, notes);
}

/**
 * The canvassing group draws a turf (cells at block resolution) or picks an area's cells, and
 * assigns it to a pair of canvassers for a day. A repeat of the client's id gives the same turf.
 */
export async function createTurf(
  ctx: AppContext,
  principal: Principal,
  input: {
    id?: string | undefined;
    name: string;
    cells?: string[] | undefined;
    areaId?: string | undefined;
    assignees: string[];
    date: string;
  },
): Promise<{ status: 200 | 201; turf: TurfView }> {
  const snapshot = await ctx.areas.get();
  refuseResidentData(input.name, 'name');
  let cells: string[];
  let areaId: string;
  if (input.areaId !== undefined) {
    if (!snapshot.byId.has(input.areaId)) throw new NotFoundError('No such area');
    cells = turfCellsOfArea(snapshot.index.cellsOf(input.areaId));
    if (cells.length === 0) {
      throw new ValidationError('areaId: this area has no cells on the map', [
        { path: 'areaId', message: 'this area has no cells on the map' },
      ]);
    }
    if (cells.length > TURF_MAX_CELLS) {
      throw new ValidationError('areaId: too large for one turf; pick a neighborhood', [
        { path: 'areaId', message: `more than ${TURF_MAX_CELLS} cells; pick a smaller area` },
      ]);
    }
    areaId = input.areaId;
  } else {
    const check = checkTurfCells(input.cells ?? []);
    if (!check.ok) {
      const why = {
        invalid: 'not an H3 cell',
        too_fine: `finer than a block: turf cells are H3 resolution ${TURF_RES}`,
        too_coarse: `coarser than a block: turf cells are H3 resolution ${TURF_RES}`,
        too_many: `more than ${TURF_MAX_CELLS} cells`,
      }[check.reason];
      throw new ValidationError(`cells.${check.index}: ${why}`, [
        { path: `cells.${check.index}`, message: why },
      ]);
    }
    cells = check.cells;
    const found = areaOfCells(snapshot, cells);
    if (!found) {
      throw new ValidationError('cells: outside every area of the city', [
        { path: 'cells', message: 'outside every area of the city' },
      ]);
    }
    areaId = found;
  }
  const access = await canvassAccess(ctx.db, snapshot, principal, areaId);
  requireGroup(access);
  const pair = [...new Set(input.assignees)];
  if (pair.length !== 2) {
    throw new ValidationError('assignees: two different members', [
      { path: 'assignees', message: 'a turf is assigned to a pair: two different members' },
    ]);
  }
  const able = new Set(await canvassersAmong(ctx.db, pair, access.chain));
  for (const [i, id] of pair.entries()) {
    if (!able.has(id)) {
      throw new ValidationError(
        `assignees.${i}: not an active member of this area's canvassing group`,
        [
          {
            path: `assignees.${i}`,
            message: "not an active member of this area's canvassing group",
          },
        ],
      );
    }
  }
  const id = input.id ?? randomUUID();
  const existing = await findTurf(ctx.db, id);
  if (existing) {
    if (existing.created_by !== principal.memberId || existing.name !== input.name) {
      throw new ConflictError('id_taken', 'This id is already in use');
    }
    return { status: 200, turf: await turfView(ctx, existing, principal.memberId, true) };
  }
  const now = ctx.clock.now();
  await transact(ctx, async (tx) => {
    await insertTurf(tx, {
      id,
      areaId,
      name: input.name,
      day: input.date,
      createdBy: principal.memberId,
      now,
      cells,
      assignees: pair,
    });
    await audit(tx, {
      at: now,
      actorId: principal.memberId,
      action: 'turf.assigned',
      areaId,
      targetId: id,
      details: { cells: cells.length, date: input.date },
    });
    await enqueueEvents(
      ctx,
      tx,
      [
        {
          name: 'turf.assigned',
          payload: { turfId: id, areaId, date: input.date, cells: cells.length },
        },
      ],
      now,
    );
  });
  const turf = await findTurf(ctx.db, id);
  if (!turf) throw new NotFoundError('No such turf');
  return { status: 201, turf: await turfView(ctx, turf, principal.memberId, true) };
}

/** Turfs of an area (and those inside it): all of them for the group, one's own for the pair. */
export async function listTurfs(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<TurfSummary[]> {
  const snapshot = await ctx.areas.get();
  const access = await canvassAccess(ctx.db, snapshot, principal, areaId);
  const below = snapshot.all.filter((a) => snapshot.chain(a.id).includes(areaId)).map((a) => a.id);
  let turfs = await turfsIn(ctx.db, below);
  if (!access.inGroup) {
    const mine = new Set(await turfIdsOfAssignee(ctx.db, principal.memberId));
    turfs = turfs.filter((t) => mine.has(t.id));
  }
  return summariesOf(ctx, turfs, principal.memberId);
}

async function accessToTurf(ctx: AppContext, principal: Principal, turfId: string) {
  const turf = await findTurf(ctx.db, turfId);
  if (!turf) throw new NotFoundError('No such turf');
  const snapshot = await ctx.areas.get();
  const access = await canvassAccess(ctx.db, snapshot, principal, turf.area_id);
  const { assigned } = await requireTurfAccess(ctx.db, access, turfId, principal.memberId);
  return { turf, access, assigned };
}

/** A turf with its cells, coverage and (for the group and the pair) notes of the last 30 days. */
export async function getTurf(
  ctx: AppContext,
  principal: Principal,
  turfId: string,
): Promise<TurfView> {
  const { turf } = await accessToTurf(ctx, principal, turfId);
  return turfView(ctx, turf, principal.memberId, true);
}

/**
 * Records one door: a count in (turf, cell, outcome), a note without author, and for
 * wants_to_join a single-use invite, for needs_aid a mutual-aid request on behalf of the person
 * (nothing of them stored). The client's id makes a retry count once and answer the same.
 */
export async function recordDoor(
  ctx: AppContext,
  principal: Principal,
  turfId: string,
  input: {
    id: string;
    cell: string;
    outcome: DoorOutcome;
    note?: string | undefined;
    aid?:
      { category: AidCategory; urgency: AidUrgency; description?: string | undefined } | undefined;
    heldInvite?: boolean | undefined;
  },
  baseUrl: string,
): Promise<{ status: 200 | 201; answer: DoorAnswer }> {
  const { turf } = await accessToTurf(ctx, principal, turfId);
  if (isValidCell(input.cell) && getResolution(input.cell) > TURF_RES) {
    throw new ValidationError('cell: finer than a block; doors are counted per turf cell', [
      {
        path: 'cell',
        message: `finer than a block: give the turf's H3 resolution ${TURF_RES} cell`,
      },
    ]);
  }
  if (!(await isTurfCellOf(ctx.db, turfId, input.cell))) {
    throw new ValidationError('cell: not a cell of this turf', [
      { path: 'cell', message: 'not a cell of this turf' },
    ]);
  }
  if (input.note) refuseResidentData(input.note, 'note');
  if (input.aid && input.outcome !== 'needs_aid') {
    throw new ValidationError('aid: only for a door that needs aid', [
      { path: 'aid', message: 'only with the outcome needs_aid' },
    ]);
  }
  if (input.aid?.description) refuseResidentData(input.aid.description, 'aid.description');
  if (input.heldInvite && input.outcome !== 'wants_to_join') {
    throw new ValidationError('heldInvite: only for a door that wants to join', [
      { path: 'heldInvite', message: 'only with the outcome wants_to_join' },
    ]);
  }
  const prior = await findDoorReceipt(ctx.db, input.id);
  if (prior && prior.turf_id !== turfId)
    throw new ConflictError('id_taken', 'This door id was used for another turf');
  let fresh = false;
  if (!prior) {
    const now = ctx.clock.now();
    fresh = await transact(ctx, async (tx) => {
      if (
        !(await claimDoorReceipt(tx, { id: input.id, turfId, memberId: principal.memberId, now }))
      )
        return false;
      await addDoor(tx, turfId, input.cell, input.outcome);
      if (input.note) {
        await insertNote(tx, {
          id: randomUUID(),
          turfId,
          cell: input.cell,
          note: input.note,
          day: now.toISOString().slice(0, 10),
        });
      }
      if (input.outcome === 'needs_aid') {
        const request = await openAidRequestIn(ctx, tx, principal.memberId, {
          category: input.aid?.category ?? 'other',
          urgency: input.aid?.urgency ?? 'this_week',
          description: input.aid?.description || null,
          areaId: turf.area_id,
          autoMatch: false,
          onBehalf: true,
        });
        await setReceiptAid(tx, input.id, request.id);
      }
      return true;
    });
  }
  let receipt = await findDoorReceipt(ctx.db, input.id);
  if (!receipt) throw new NotFoundError('No such door');
  // An invite held on the phone was shown at the door (offline): none is made for it here.
  if (
    input.outcome === 'wants_to_join' &&
    !input.heldInvite &&
    receipt.invite_code === null &&
    (fresh || prior)
  ) {
    try {
      const invite = await createInvite(
        ctx,
        principal,
        { uses: 1, expiresInHours: DOOR_INVITE_HOURS, label: 'door' },
        baseUrl,
      );
      await setReceiptInvite(ctx.db, input.id, invite);
      receipt = (await findDoorReceipt(ctx.db, input.id)) ?? receipt;
    } catch (error) {
      // Over the invite quota or on probation: the door is counted; the canvasser is told there
      // is no QR code (the answer's invite is null) and can invite later.
      if (!(error instanceof AppError)) throw error;
    }
  }
  const answer: DoorAnswer = {
    id: input.id,
    turfId,
    invite:
      receipt.invite_code && receipt.invite_url && receipt.invite_expires_at
        ? {
            code: receipt.invite_code,
            url: receipt.invite_url,
            expiresAt: receipt.invite_expires_at.toISOString(),
          }
        : null,
    aidRequestId: receipt.aid_request_id,
  };
  return { status: fresh ? 201 : 200, answer };
}

/** The progress map of an area (and the areas inside it), for the canvassing group. */
export async function coverage(
  ctx: AppContext,
  principal: Principal,
  areaId: string,
): Promise<CoverageView> {
  const snapshot = await ctx.areas.get();
  const access = await canvassAccess(ctx.db, snapshot, principal, areaId);
  requireGroup(access);
  const below = snapshot.all.filter((a) => snapshot.chain(a.id).includes(areaId)).map((a) => a.id);
  const turfs = await turfsIn(ctx.db, below);
  const ids = turfs.map((t) => t.id);
  const sizes = new Map((await cellCounts(ctx.db, ids)).map((r) => [r.turf_id, r.n]));
  return presentCoverage(areaId, turfs, sizes, await countsOf(ctx.db, ids));
}
