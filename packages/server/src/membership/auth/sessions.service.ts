import { randomUUID } from 'node:crypto';
import type { Principal } from '@tocsin/core';
import type { AppContext, Executor, SessionMethod } from '../../platform';
import { keyedHash, randomToken } from './crypto';
import { findSessionByHash, insertSession, rolesOf, touchSession } from './sessions.repository';

const TOUCH_EVERY_MS = 60_000;

export interface Authenticated {
  principal: Principal;
  sessionId: string;
}

/** The stored form of a session token. */
export function tokenHash(ctx: AppContext, token: string): string {
  return keyedHash(ctx.secrets.serverKey, 'session', token);
}

/** Opens a session for a member; the token is returned once and only its hash is kept. */
export async function openSession(
  ctx: AppContext,
  db: Executor,
  memberId: string,
  method: SessionMethod,
): Promise<{ token: string; sessionId: string }> {
  const token = randomToken(32);
  const now = ctx.clock.now();
  const sessionId = randomUUID();
  await insertSession(db, {
    id: sessionId,
    tokenHash: tokenHash(ctx, token),
    memberId,
    method,
    now,
    expiresAt: new Date(now.getTime() + ctx.config.sessions.maxMs),
  });
  return { token, sessionId };
}

/**
 * Resolves a token to its member, or null: unknown, revoked, past its absolute expiry, idle for
 * too long, or the member suspended.
 */
export async function authenticateToken(
  ctx: AppContext,
  token: string,
): Promise<Authenticated | null> {
  if (token.length < 20 || token.length > 200) return null;
  const session = await findSessionByHash(ctx.db, tokenHash(ctx, token));
  if (!session || session.revoked_at) return null;
  const now = ctx.clock.now();
  if (now >= session.expires_at) return null;
  if (now.getTime() - session.last_seen_at.getTime() > ctx.config.sessions.idleMs) return null;
  if (session.status === 'suspended') return null;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await touchSession(ctx.db, session.id, now);
  }
  const roles = await rolesOf(ctx.db, session.member_id);
  return {
    sessionId: session.id,
    principal: {
      memberId: session.member_id,
      status: session.status,
      sponsorId: session.sponsor_id,
      roles: roles.map((r) => ({ areaId: r.area_id, role: r.role })),
    },
  };
}
