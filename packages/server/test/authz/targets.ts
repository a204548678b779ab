import { randomBytes, randomUUID } from 'node:crypto';
import { cellCenter, type Incident, type Principal, type Role } from '@tocsin/core';
import { transact } from '../../src/platform/context';
import type { MemberStatus } from '../../src/platform/db/schema/members';
import { openSession, authenticateToken } from '../../src/membership/auth/sessions.service';
import { addGroupMember, insertGroup } from '../../src/membership/groups/groups.repository';
import { insertIncident } from '../../src/rapid-response/incidents/incidents.intake';
import { addReporter } from '../../src/rapid-response/incidents/incidents.repository';
import { insertInvite } from '../../src/membership/invites/invites.repository';
import { inviteCodeHash } from '../../src/membership/invites/invites.service';
import { buildMember, type BuiltMember } from '../helpers/factories';
import type { Persona, World } from './types';

// Builders of the fresh targets matrix cases act on, and of the callers they act as. Targets are
// written straight to the database: cheap, and nothing a case does can leak into another.

type Headers = Record<string, string>;
type Signed = Exclude<Persona, 'anonymous'>;

export interface MemberSpec {
  status: MemberStatus;
  roles: { areaId: string; role: Role }[];
  /** A responder on shift (a row in responder_shifts). */
  onShift?: boolean;
}

/** What each persona is: its status, and its roles in this area, the other area or the city. */
export function personaSpec(
  persona: Signed,
  areas: { cityId: string; areaId: string; otherAreaId: string },
): MemberSpec {
  // Any role in an area comes with `member` there, as granting roles through the API does.
  const here = (role: Role) => [
    { areaId: areas.areaId, role: 'member' as const },
    ...(role === 'member' ? [] : [{ areaId: areas.areaId, role }]),
  ];
  switch (persona) {
    case 'probation':
      return { status: 'probation', roles: here('member') };
    case 'member':
    case 'verifier':
    case 'dispatcher':
    case 'organizer':
      return { status: 'active', roles: here(persona) };
    case 'responder':
      return { status: 'active', roles: here('responder'), onShift: true };
    case 'otherOrganizer':
      return {
        status: 'active',
        roles: [
          { areaId: areas.otherAreaId, role: 'member' },
          { areaId: areas.otherAreaId, role: 'organizer' },
        ],
      };
    case 'admin':
      return { status: 'active', roles: [{ areaId: areas.cityId, role: 'admin' }] };
  }
}

/** A member as the spec says, with an open session (and a shift when on shift). */
export async function buildSpecMember(
  ctx: World['ctx'],
  spec: MemberSpec,
  sponsorId: string | null = null,
): Promise<BuiltMember> {
  const member = await buildMember(ctx, { status: spec.status, roles: spec.roles, sponsorId });
  if (spec.onShift) {
    await ctx.db
      .insertInto('responder_shifts')
      .values({
        member_id: member.id,
        on_shift: true,
        coarse_cell: null,
        updated_at: ctx.clock.now(),
      })
      .execute();
  }
  return member;
}

const worldAreas = (world: World) => ({
  cityId: world.cityId,
  areaId: world.area.id,
  otherAreaId: world.otherArea.id,
});

/** The persona's own credentials; none for anonymous. */
export function headersOf(world: World, persona: Persona): Headers {
  return persona === 'anonymous' ? {} : world.members[persona].auth;
}

/**
 * A fresh member exactly like the persona, for requests that change the caller (log out
 * everywhere, join or leave an area) and must not change the shared personas.
 */
export async function standIn(
  world: World,
  persona: Persona,
): Promise<{ headers: Headers; member: BuiltMember | null }> {
  if (persona === 'anonymous') return { headers: {}, member: null };
  const member = await buildSpecMember(world.ctx, personaSpec(persona, worldAreas(world)));
  return { headers: member.auth, member };
}

/** A second session of the persona's member, for requests that end the session they come on. */
export async function freshSession(world: World, persona: Persona): Promise<Headers> {
  if (persona === 'anonymous') return {};
  const { token } = await openSession(
    world.ctx,
    world.ctx.db,
    world.members[persona].id,
    'device_key',
  );
  return { authorization: `Bearer ${token}` };
}

/**
 * The caller of a staff action (verify, end, merge, dispatch, plates, shifts). For `probation` it
 * is a member on probation who holds every staff role in this area and is on shift: SECURITY 9
 * says probation cannot verify, dispatch or look up plates whatever roles an invite gave them.
 */
export async function staffCaller(world: World, persona: Persona): Promise<Headers> {
  if (persona !== 'probation') return headersOf(world, persona);
  const roles = (['member', 'responder', 'verifier', 'dispatcher'] as const).map((role) => ({
    areaId: world.area.id,
    role,
  }));
  const member = await buildSpecMember(world.ctx, { status: 'probation', roles, onShift: true });
  return member.auth;
}

/** The principal a member's token stands for, for calling services directly. */
export async function principalOf(world: World, member: BuiltMember): Promise<Principal> {
  const auth = await authenticateToken(world.ctx, member.token);
  if (!auth) throw new Error('member has no valid session');
  return auth.principal;
}

const outsiders = new WeakMap<World, BuiltMember>();

/** One member per world who is none of the personas: sponsor of targets, reporter of incidents. */
export async function outsider(world: World): Promise<BuiltMember> {
  let member = outsiders.get(world);
  if (!member) {
    member = await buildMember(world.ctx);
    outsiders.set(world, member);
  }
  return member;
}

/** A new member (by default active, a member of this area, sponsored by the outsider). */
export async function newMember(
  world: World,
  options: { status?: MemberStatus; areaId?: string | null } = {},
): Promise<BuiltMember> {
  const areaId = options.areaId === undefined ? world.area.id : options.areaId;
  return buildMember(world.ctx, {
    status: options.status ?? 'active',
    sponsorId: (await outsider(world)).id,
    roles: areaId ? [{ areaId, role: 'member' }] : [],
  });
}

/** A point in an area: the middle of its cells (a workplace uses its neighborhood's). */
export async function pointIn(world: World, areaId: string): Promise<{ lat: number; lng: number }> {
  const cell = (await world.ctx.areas.get()).middleCell(areaId);
  if (!cell) throw new Error(`no cells for area ${areaId}`);
  return cellCenter(cell);
}

/**
 * An open incident reported by the outsider, in this area unless said. `reported` is seen only by
 * the area's staff; `corroborated` by every member.
 */
export async function buildIncident(
  world: World,
  options: { state?: 'reported' | 'corroborated'; areaId?: string } = {},
): Promise<string> {
  const { ctx } = world;
  const state = options.state ?? 'corroborated';
  const areaId = options.areaId ?? world.area.id;
  const point = areaId === world.area.id ? world.point : await pointIn(world, areaId);
  const reporter = await outsider(world);
  const at = ctx.clock.now().getTime();
  const incident: Incident = {
    id: randomUUID(),
    state,
    ...point,
    areaId,
    firstReportAt: at,
    lastReportAt: at,
    lastActivityAt: at,
    reporters: [{ memberId: reporter.id, sponsorId: null }],
    trustedReport: state !== 'reported',
    notSeenCount: 0,
    confirmers: [],
    corroboratedAt: state === 'reported' ? null : at,
    confirmedAt: null,
    closedAt: null,
    mergedInto: null,
  };
  const timeZone = (await ctx.areas.get()).settings?.timeZone ?? 'UTC';
  await transact(ctx, async (tx) => {
    await insertIncident(tx, incident, 'agents at a door', timeZone);
    await addReporter(tx, incident.id, incident.reporters[0]!, new Date(at));
  });
  return incident.id;
}

/** A working group of an area (this area unless said), with these members in it. */
export async function buildGroup(
  world: World,
  options: { areaId?: string; memberIds?: string[] } = {},
): Promise<string> {
  const { ctx } = world;
  const id = randomUUID();
  await insertGroup(ctx.db, {
    id,
    areaId: options.areaId ?? world.area.id,
    slug: `group-${id.slice(0, 8)}`,
    name: `Group ${id.slice(0, 8)}`,
    createdBy: (await outsider(world)).id,
    now: ctx.clock.now(),
  });
  for (const memberId of options.memberIds ?? []) {
    await addGroupMember(ctx.db, id, memberId, ctx.clock.now());
  }
  return id;
}

/** An unused invite with no area or role, made by `sponsorId` (the outsider unless said). */
export async function buildInvite(
  world: World,
  sponsorId?: string,
): Promise<{ id: string; code: string }> {
  const { ctx } = world;
  const id = randomUUID();
  const code = randomBytes(16).toString('base64url');
  const now = ctx.clock.now();
  await insertInvite(ctx.db, {
    id,
    codeHash: inviteCodeHash(ctx, code),
    sponsorId: sponsorId ?? (await outsider(world)).id,
    areaId: null,
    role: null,
    now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  return { id, code };
}

/** The persona's member id, or a fresh member's for anonymous (whose request is refused anyway). */
export async function memberIdOf(world: World, persona: Persona): Promise<string> {
  return persona === 'anonymous' ? (await newMember(world)).id : world.members[persona].id;
}

/**
 * A pending grant of `verifier` in this area for a new member (sponsored by the outsider), asked
 * for by a separate organizer of this area: any other organizer of the area, or an admin, may
 * countersign or refuse it.
 */
export async function buildRoleGrant(world: World): Promise<string> {
  const { ctx } = world;
  const asker = await buildMember(ctx, { roles: [{ areaId: world.area.id, role: 'organizer' }] });
  const grantee = await newMember(world);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('role_grants')
    .values({
      id,
      member_id: grantee.id,
      area_id: world.area.id,
      role: 'verifier',
      kind: 'grant',
      requested_by: asker.id,
      requested_at: now,
      expires_at: new Date(now.getTime() + 72 * 3_600_000),
      status: 'pending',
      decided_by: null,
      decided_via: null,
      decided_at: null,
    })
    .execute();
  return id;
}
