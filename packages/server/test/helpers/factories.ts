import { randomUUID } from 'node:crypto';
import type { Role } from '@tocsin/core';
import type { AppContext } from '../../src/platform/context';
import type { AreaKind } from '../../src/platform/db/schema/city';
import type { MemberStatus } from '../../src/platform/db/schema/members';
import { randomHandle } from '../../src/membership/members/handles';
import { openSession } from '../../src/membership/auth/sessions.service';

export interface BuiltArea {
  id: string;
  slug: string;
}

/** Inserts an area (with optional H3 cells) and drops the cached directory. */
export async function buildArea(
  ctx: AppContext,
  options: {
    kind?: AreaKind;
    slug?: string;
    name?: string;
    parentId?: string | null;
    cells?: string[];
  } = {},
): Promise<BuiltArea> {
  const id = randomUUID();
  const slug = options.slug ?? `area-${id.slice(0, 8)}`;
  await ctx.db
    .insertInto('areas')
    .values({
      id,
      slug,
      name: options.name ?? slug,
      kind: options.kind ?? 'neighborhood',
      parent_id: options.parentId ?? null,
      sector: null,
      headcount: null,
      geometry: null,
      created_at: ctx.clock.now(),
    })
    .execute();
  if (options.cells?.length) {
    await ctx.db
      .insertInto('area_cells')
      .values(options.cells.map((cell) => ({ cell, area_id: id })))
      .execute();
  }
  ctx.areas.invalidate();
  return { id, slug };
}

export interface BuiltMember {
  id: string;
  handle: string;
  token: string;
  sessionId: string;
  /** `Authorization` header for `app.inject`. */
  auth: { authorization: string };
}

/** Inserts a member with roles and an open session. */
export async function buildMember(
  ctx: AppContext,
  options: {
    status?: MemberStatus;
    sponsorId?: string | null;
    roles?: { areaId: string; role: Role }[];
    /** When the roles were granted (default: now). */
    grantedAt?: Date;
  } = {},
): Promise<BuiltMember> {
  const id = randomUUID();
  const handle = randomHandle() + '-' + id.slice(0, 4);
  await ctx.db
    .insertInto('members')
    .values({
      id,
      handle,
      display_name: null,
      status: options.status ?? 'active',
      sponsor_id: options.sponsorId ?? null,
      language: null,
      created_at: ctx.clock.now(),
    })
    .execute();
  if (options.roles?.length) {
    await ctx.db
      .insertInto('area_roles')
      .values(
        options.roles.map((r) => ({
          member_id: id,
          area_id: r.areaId,
          role: r.role,
          granted_by: null,
          granted_at: options.grantedAt ?? ctx.clock.now(),
        })),
      )
      .execute();
  }
  const { token, sessionId } = await openSession(ctx, ctx.db, id, 'device_key');
  return { id, handle, token, sessionId, auth: { authorization: `Bearer ${token}` } };
}

/** A small city: the city area, two neighborhoods and a workplace in the first. */
export async function buildCity(ctx: AppContext) {
  const city = await buildArea(ctx, { kind: 'city', slug: 'test-city' });
  const north = await buildArea(ctx, { slug: 'north', parentId: city.id });
  const south = await buildArea(ctx, { slug: 'south', parentId: city.id });
  const shop = await buildArea(ctx, { kind: 'workplace', slug: 'north-shop', parentId: north.id });
  return { city, north, south, shop };
}
