import { randomUUID } from 'node:crypto';
import {
  anonymizedCount,
  cellCenter,
  coarseCell,
  DEFAULT_MIN_COUNT,
  type MyWorkplace,
  type Principal,
  type StructureView,
  type WorkplaceView,
} from '@tocsin/core';
import type { z } from 'zod';
import type { apiV1 } from '@tocsin/core';
import {
  AppError,
  enqueueEvents,
  NotFoundError,
  transact,
  ValidationError,
  type AppContext,
  type Executor,
} from '../../platform';
import {
  canOrganize,
  createWorkplace,
  grantAreaRole,
  requireOrganizer,
  visibleArea,
  type AreaSnapshot,
} from '../../membership';
import {
  addUnit,
  bodyIdOf,
  confirm,
  confirmedByUnit,
  confirmedCount,
  declarationOf,
  declare,
  findProfile,
  pendingOf,
  unitsOf,
  upsertProfile,
  type ProfileRow,
} from './workplaces.repository';

export type Body<K extends keyof typeof apiV1> = (typeof apiV1)[K] extends {
  body: infer B extends z.ZodType;
}
  ? z.output<B>
  : never;

/** The city pack's k: counts of people under it are "fewer than k". */
export function minCountOf(snapshot: AreaSnapshot): number {
  return snapshot.settings?.pledges.minCount ?? DEFAULT_MIN_COUNT;
}

/** The workplace when the caller may see it (members of it, organizers above); else 404. */
async function visibleWorkplace(ctx: AppContext, principal: Principal, id: string) {
  const visible = await visibleArea(ctx, principal, id);
  if (visible.area.kind !== 'workplace') throw new NotFoundError('No such workplace');
  return visible;
}

export async function bodyIdOfArea(ctx: AppContext, db: Executor, areaId: string) {
  // Every area has its body from the moment it exists (a trigger, ADR 0018).
  return bodyIdOf(db, { areaId });
}

type ProfileInput = Body<'PUT /api/v1/workplaces/:id'>;

function profileChange(input: ProfileInput, today: string): Partial<Omit<ProfileRow, 'area_id'>> {
  return {
    employer: input.employer,
    sector: input.sector,
    place: input.address,
    cell: input.location ? coarseCell(input.location.lat, input.location.lng) : undefined,
    headcount_estimate: input.headcount?.estimate,
    headcount_as_of: input.headcount ? (input.headcount.asOf ?? today) : undefined,
    union_status: input.unionStatus,
  };
}

function checkAsOf(input: ProfileInput, now: Date): void {
  const asOf = input.headcount?.asOf;
  if (asOf !== undefined && asOf > now.toISOString().slice(0, 10)) {
    const message = 'the date of an estimate cannot be in the future';
    throw new ValidationError(`headcount.asOf: ${message}`, [{ path: 'headcount.asOf', message }]);
  }
}

async function present(ctx: AppContext, principal: Principal, id: string): Promise<WorkplaceView> {
  const { area, chain, snapshot } = await visibleWorkplace(ctx, principal, id);
  const profile = await findProfile(ctx.db, id);
  const units = await unitsOf(ctx.db, id);
  const k = minCountOf(snapshot);
  const estimate = profile?.headcount_estimate ?? area.headcount;
  return {
    id,
    name: area.name,
    parentId: area.parentId,
    bodyId: await bodyIdOfArea(ctx, ctx.db, id),
    employer: profile?.employer ?? null,
    sector: profile?.sector ?? area.sector,
    address: profile?.place ?? null,
    location: profile?.cell ? cellCenter(profile.cell) : null,
    headcount:
      estimate !== null
        ? {
            estimate,
            asOf:
              profile?.headcount_as_of ??
              profile?.updated_at.toISOString().slice(0, 10) ??
              '1970-01-01',
          }
        : null,
    unionStatus: profile?.union_status ?? null,
    units: units.map((u) => ({ id: u.id, kind: u.kind, name: u.name, headcount: u.headcount })),
    confirmedMembers: anonymizedCount(await confirmedCount(ctx.db, id), k),
    canOrganize: canOrganize(principal, chain),
  };
}

export function getWorkplace(ctx: AppContext, principal: Principal, id: string) {
  return present(ctx, principal, id);
}

/** An organizer of the parent area adds a workplace with its profile (a retry adds nothing). */
export async function createWorkplaceProfile(
  ctx: AppContext,
  principal: Principal,
  input: Body<'POST /api/v1/workplaces'>,
): Promise<{ view: WorkplaceView; created: boolean }> {
  const now = ctx.clock.now();
  checkAsOf(input, now);
  const id = input.id ?? randomUUID();
  const { created } = await createWorkplace(ctx, principal, {
    id,
    name: input.name,
    parentId: input.parentId,
    sector: input.sector,
    headcount: input.headcount?.estimate,
  });
  if (created) {
    await transact(ctx, async (tx) => {
      await upsertProfile(tx, id, profileChange(input, now.toISOString().slice(0, 10)), now);
      for (const unit of input.units ?? []) {
        await addUnit(tx, {
          id: randomUUID(),
          workplace_id: id,
          kind: unit.kind,
          name: unit.name,
          headcount: unit.headcount ?? null,
          created_at: now,
        });
      }
    });
  }
  return { view: await present(ctx, principal, id), created };
}

export async function updateWorkplace(
  ctx: AppContext,
  principal: Principal,
  id: string,
  input: ProfileInput,
): Promise<WorkplaceView> {
  const { chain } = await visibleWorkplace(ctx, principal, id);
  requireOrganizer(principal, chain, 'change a workplace');
  const now = ctx.clock.now();
  checkAsOf(input, now);
  await upsertProfile(ctx.db, id, profileChange(input, now.toISOString().slice(0, 10)), now);
  return present(ctx, principal, id);
}

export async function addWorkplaceUnit(
  ctx: AppContext,
  principal: Principal,
  id: string,
  input: Body<'POST /api/v1/workplaces/:id/units'>,
) {
  const { chain } = await visibleWorkplace(ctx, principal, id);
  requireOrganizer(principal, chain, 'add a department or shift');
  const unit = await addUnit(ctx.db, {
    id: randomUUID(),
    workplace_id: id,
    kind: input.kind,
    name: input.name,
    headcount: input.headcount ?? null,
    created_at: ctx.clock.now(),
  });
  return { id: unit.id, kind: unit.kind, name: unit.name, headcount: unit.headcount };
}

/** The structure chart: per department and shift, estimated headcount and confirmed members. */
export async function structureOf(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<StructureView> {
  const { area, chain, snapshot } = await visibleWorkplace(ctx, principal, id);
  requireOrganizer(principal, chain, 'see the structure chart');
  const k = minCountOf(snapshot);
  const [profile, units, counts] = await Promise.all([
    findProfile(ctx.db, id),
    unitsOf(ctx.db, id),
    confirmedByUnit(ctx.db, id),
  ]);
  const byUnit = new Map(counts.map((row) => [row.unit_id, Number(row.n)]));
  const total = counts.reduce((sum, row) => sum + Number(row.n), 0);
  return {
    workplaceId: id,
    headcount: profile?.headcount_estimate ?? area.headcount,
    confirmedMembers: anonymizedCount(total, k),
    units: [
      ...units.map((u) => ({
        id: u.id,
        kind: u.kind,
        name: u.name,
        headcount: u.headcount,
        confirmedMembers: anonymizedCount(byUnit.get(u.id) ?? 0, k),
      })),
      {
        id: null,
        kind: 'unassigned' as const,
        name: 'unassigned',
        headcount: null,
        confirmedMembers: anonymizedCount(byUnit.get(null) ?? 0, k),
      },
    ],
  };
}

/** Who declared this workplace and waits for confirmation: names, to the organizers who act. */
export async function pendingMembers(ctx: AppContext, principal: Principal, id: string) {
  const { chain } = await visibleWorkplace(ctx, principal, id);
  requireOrganizer(principal, chain, 'see who waits for confirmation');
  const rows = await pendingOf(ctx.db, id);
  return rows.map((r) => ({
    id: r.member_id,
    name: r.name,
    declaredAt: r.declared_at.toISOString(),
  }));
}

/** An organizer of the workplace confirms a member who declared it: they join its roll. */
export async function confirmMember(
  ctx: AppContext,
  principal: Principal,
  id: string,
  memberId: string,
  input: Body<'POST /api/v1/workplaces/:id/members/:memberId/confirm'>,
) {
  const { chain } = await visibleWorkplace(ctx, principal, id);
  requireOrganizer(principal, chain, 'confirm members');
  const unitId = input.unitId ?? null;
  if (unitId !== null) {
    const units = await unitsOf(ctx.db, id);
    if (!units.some((u) => u.id === unitId)) {
      const message = 'not a department or shift of this workplace';
      throw new ValidationError(`unitId: ${message}`, [{ path: 'unitId', message }]);
    }
  }
  await transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    if (!(await confirm(tx, id, memberId, unitId, now))) {
      throw new NotFoundError('This member has not declared this workplace');
    }
    if (await grantAreaRole(tx, memberId, id, 'member', principal.memberId, now)) {
      await enqueueEvents(
        ctx,
        tx,
        [{ name: 'member.updated', payload: { memberId, change: 'roles', areaId: id } }],
        now,
      );
    }
  });
  ctx.areas.invalidate();
  return { memberId, workplaceId: id, unitId, confirmed: true as const };
}

export async function myWorkplace(ctx: AppContext, principal: Principal): Promise<MyWorkplace> {
  const row = await declarationOf(ctx.db, principal.memberId);
  return {
    workplaceId: row?.workplace_id ?? null,
    name: row?.name ?? null,
    confirmed: row?.confirmed_at != null,
  };
}

/**
 * The caller says where they work, by the id an organizer there gave them (a link or a QR code):
 * a workplace is hidden from non-members, so there is nothing to pick from.
 */
export async function declareWorkplace(
  ctx: AppContext,
  principal: Principal,
  workplaceId: string,
): Promise<MyWorkplace> {
  const snapshot = await ctx.areas.get();
  const area = snapshot.byId.get(workplaceId);
  if (!area || area.kind !== 'workplace') throw new NotFoundError('No such workplace');
  if (principal.status === 'suspended') {
    throw new AppError(403, 'suspended', 'Suspended members cannot declare a workplace');
  }
  await declare(ctx.db, principal.memberId, workplaceId, ctx.clock.now());
  return myWorkplace(ctx, principal);
}
