import { randomUUID } from 'node:crypto';
import { quotaWaitMs, type Principal, type Role } from '@tocsin/core';
import {
  AppError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  audit,
  transact,
  type AppContext,
  type Executor,
} from '../../platform';
import { canSeeArea } from '../areas';
import { keyedHash, randomToken } from '../auth';
import {
  adminExists,
  findInviteForUpdate,
  insertInvite,
  invitesCreatedSince,
  listInvitesBySponsor,
  recordInviteUse,
  revokeBootstrapInvites,
  revokeInvite,
} from './invites.repository';
import { canCreateInvite, INVITE_TTL_MS, inviteQuota, QUOTA_WINDOW_MS } from './invites.policy';

export interface CreatedInvite {
  id: string;
  code: string;
  url: string;
  expiresAt: Date;
  /** How many people can join with it. */
  uses: number;
}

const HOUR_MS = 3_600_000;

type InviteRow = NonNullable<Awaited<ReturnType<typeof findInviteForUpdate>>>;

/** Throws unless the invite can take one more member now: 403 for a single-use, 410 when gone. */
function requireOpen(invite: InviteRow | undefined, now: Date): asserts invite is InviteRow {
  if (!invite) throw new InviteInvalidError();
  const closed =
    invite.used_at !== null ||
    invite.use_count >= invite.max_uses ||
    invite.revoked_at !== null ||
    invite.expires_at <= now;
  if (!closed) return;
  // A meeting invite that was used up, withdrawn or expired says so: whoever holds its code
  // was meant to, and a hall of people needs to know it is over, not that they typed it wrong.
  throw invite.max_uses > 1 ? new InviteGoneError() : new InviteInvalidError();
}

/** The stored form of an invite code. */
export function inviteCodeHash(ctx: AppContext, code: string): string {
  return keyedHash(ctx.secrets.serverKey, 'invite', code);
}

/** Throws InviteInvalidError unless the invite could be redeemed right now (without taking it). */
export async function requireUsableInvite(ctx: AppContext, code: string): Promise<void> {
  const invite = await findInviteForUpdate(ctx.db, inviteCodeHash(ctx, code));
  requireOpen(invite, ctx.clock.now());
}

/** The link a person opens to join; the code travels in the fragment, never to a server log. */
export function inviteUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/join#${code}`;
}

/** Creates an invite for the principal, within their quota and authority. */
export async function createInvite(
  ctx: AppContext,
  principal: Principal,
  input: {
    areaId?: string | undefined;
    role?: Role | undefined;
    uses?: number | undefined;
    expiresInHours?: number | undefined;
    label?: string | undefined;
  },
  baseUrl: string,
): Promise<CreatedInvite> {
  const uses = input.uses ?? 1;
  if (uses > 1 && input.role && input.role !== 'member') {
    throw new ValidationError('role: an invite for several people cannot carry a role', [
      { path: 'role', message: 'an invite for several people cannot carry a role' },
    ]);
  }
  const areas = await ctx.areas.get();
  let areaId = input.areaId ?? null;
  if (input.role === 'admin') areaId = areas.city?.id ?? null;
  else if (input.role && !areaId) {
    throw new ValidationError('areaId: required when a role is given', [
      { path: 'areaId', message: 'required when a role is given' },
    ]);
  }
  let areaChain: string[] | null = null;
  if (areaId) {
    const area = areas.byId.get(areaId);
    areaChain = areas.chain(areaId);
    const visible = area && canSeeArea(principal, area.kind, areaChain);
    if (!visible) throw new NotFoundError('No such area');
  }
  const decision = canCreateInvite(principal, { areaChain, role: input.role ?? null, uses });
  if (!decision.ok) throw new AppError(decision.status, decision.code, decision.message);

  const now = ctx.clock.now();
  return transact(ctx, async (tx) => {
    const recent = await invitesCreatedSince(
      tx,
      principal.memberId,
      new Date(now.getTime() - QUOTA_WINDOW_MS),
    );
    const quota = inviteQuota(principal);
    const wait = quotaWaitMs(
      { limit: quota, windowMs: QUOTA_WINDOW_MS },
      recent.map((r) => r.created_at.getTime()),
      now.getTime(),
    );
    if (wait !== null) {
      throw new RateLimitedError(
        'invite_quota',
        `You can make ${quota} invites per 7 days`,
        wait / 1000,
      );
    }
    const code = randomToken(16);
    const ttl = input.expiresInHours ? input.expiresInHours * HOUR_MS : INVITE_TTL_MS;
    const expiresAt = new Date(now.getTime() + ttl);
    const id = randomUUID();
    await insertInvite(tx, {
      id,
      codeHash: inviteCodeHash(ctx, code),
      sponsorId: principal.memberId,
      areaId,
      role: input.role ?? null,
      now,
      expiresAt,
      maxUses: uses,
      label: input.label ?? null,
    });
    if (uses > 1) {
      await audit(tx, {
        at: now,
        actorId: principal.memberId,
        action: 'invite.meeting',
        areaId,
        targetId: id,
        details: { uses, expiresAt: expiresAt.toISOString() },
      });
    } else if (areaId || input.role) {
      await audit(tx, {
        at: now,
        actorId: principal.memberId,
        action: 'invite.bound',
        areaId,
        targetId: id,
        details: { role: input.role ?? null },
      });
    }
    return { id, code, url: inviteUrl(baseUrl, code), expiresAt, uses };
  });
}

export interface RedeemedInvite {
  inviteId: string;
  sponsorId: string | null;
  areaId: string | null;
  role: Role | null;
}

/** Thrown for every unusable invite alike: unknown, used, revoked or expired. */
export class InviteInvalidError extends AppError {
  constructor() {
    super(403, 'invite_invalid', 'This invite cannot be used');
  }
}

/** A meeting invite that was used up, withdrawn or expired. */
export class InviteGoneError extends AppError {
  constructor() {
    super(410, 'invite_gone', 'This invite is used up, withdrawn or expired');
  }
}

/** Takes an invite inside the caller's transaction; marks it used by `memberId`. */
export async function redeemInvite(
  ctx: AppContext,
  tx: Executor,
  code: string,
  memberIdFor: (invite: RedeemedInvite) => Promise<string>,
): Promise<RedeemedInvite> {
  const invite = await findInviteForUpdate(tx, inviteCodeHash(ctx, code));
  const now = ctx.clock.now();
  requireOpen(invite, now);
  const redeemed: RedeemedInvite = {
    inviteId: invite.id,
    sponsorId: invite.sponsor_id,
    areaId: invite.area_id,
    role: invite.role,
  };
  const memberId = await memberIdFor(redeemed);
  await recordInviteUse(tx, invite, memberId, now);
  return redeemed;
}

/**
 * An invite made by the server's operator from the command line, with no sponsor. With
 * `replacePrevious`, older unused operator admin invites stop working (first-start printing).
 */
export async function createOperatorInvite(
  ctx: AppContext,
  input: { role: Role; areaId?: string | null; replacePrevious?: boolean },
  baseUrl: string,
): Promise<CreatedInvite> {
  const areas = await ctx.areas.get();
  const areaId = input.role === 'admin' ? (areas.city?.id ?? null) : (input.areaId ?? null);
  if (input.role === 'admin' && !areaId) {
    throw new AppError(409, 'no_city', 'Load a city pack before inviting an admin');
  }
  if (input.role !== 'admin' && !areaId) {
    throw new ValidationError('area: required for a role other than admin', [
      { path: 'area', message: 'required for a role other than admin' },
    ]);
  }
  const now = ctx.clock.now();
  const code = randomToken(16);
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  const id = randomUUID();
  await transact(ctx, async (tx) => {
    if (input.replacePrevious) await revokeBootstrapInvites(tx, now);
    await insertInvite(tx, {
      id,
      codeHash: inviteCodeHash(ctx, code),
      sponsorId: null,
      areaId,
      role: input.role,
      now,
      expiresAt,
    });
    await audit(tx, {
      at: now,
      actorId: null,
      action: 'invite.operator',
      areaId,
      details: { role: input.role },
    });
  });
  return { id, code, url: inviteUrl(baseUrl, code), expiresAt, uses: 1 };
}

/** The first-start invite: one single-use admin invite, replacing any earlier unused one. */
export function createBootstrapInvite(ctx: AppContext, baseUrl: string): Promise<CreatedInvite> {
  return createOperatorInvite(ctx, { role: 'admin', replacePrevious: true }, baseUrl);
}

/** Whether any member holds the admin role. */
export async function hasAdmin(ctx: AppContext): Promise<boolean> {
  return adminExists(ctx.db);
}

export function listOwnInvites(ctx: AppContext, principal: Principal) {
  return listInvitesBySponsor(ctx.db, principal.memberId);
}

export async function revokeOwnInvite(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<void> {
  if (!(await revokeInvite(ctx.db, id, principal.memberId, ctx.clock.now()))) {
    throw new NotFoundError('No such unused invite');
  }
}
