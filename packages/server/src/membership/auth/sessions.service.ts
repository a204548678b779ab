import { randomUUID } from 'node:crypto';
import type { Principal } from '@tocsin/core';
import type { AppContext, Executor, SessionMethod } from '../../platform';
import { keyedHash, randomToken } from './crypto';
import { findSessionsByHashes, insertSession, touchSessions } from './sessions.repository';

const TOUCH_EVERY_MS = 60_000;

export interface Authenticated {
  principal: Principal;
  sessionId: string;
}

/** The stored form of a session token. */
export function tokenHash(ctx: AppContext, token: string): string {
  return keyedHash(ctx.secrets.serverKey, 'session', token);
}

/**
 * Opens a session for a member; the token is returned once and only its hash is kept. The
 * session remembers the credential that opened it (a device key or passkey id), if any.
 */
export async function openSession(
  ctx: AppContext,
  db: Executor,
  memberId: string,
  method: SessionMethod,
  credentialId: string | null = null,
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
    credentialId,
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
  const [auth] = await authenticateTokens(ctx, [token]);
  return auth ?? null;
}

/**
 * Resolves many tokens at once (a reconnect storm's hellos), each as authenticateToken would, in
 * one or two statements for all of them instead of one or two each (the second marks the sessions
 * seen, at most once a minute each).
 */
export async function authenticateTokens(
  ctx: AppContext,
  tokens: readonly string[],
): Promise<(Authenticated | null)[]> {
  const hashes = tokens.map((token) =>
    token.length < 20 || token.length > 200 ? null : tokenHash(ctx, token),
  );
  const wanted = hashes.filter((hash): hash is string => hash !== null);
  if (wanted.length === 0) return tokens.map(() => null);
  const now = ctx.clock.now();
  const sessions = new Map(
    (await findSessionsByHashes(ctx.db, [...new Set(wanted)]))
      .filter(
        (session) =>
          !session.revoked_at &&
          now < session.expires_at &&
          now.getTime() - session.last_seen_at.getTime() <= ctx.config.sessions.idleMs &&
          session.status !== 'suspended',
      )
      .map((session) => [session.token_hash, session]),
  );
  if (sessions.size === 0) return tokens.map(() => null);
  const stale = [...sessions.values()]
    .filter((session) => now.getTime() - session.last_seen_at.getTime() > TOUCH_EVERY_MS)
    .map((session) => session.id);
  if (stale.length > 0) await touchSessions(ctx.db, stale, now);
  return hashes.map((hash) => {
    const session = hash === null ? undefined : sessions.get(hash);
    if (!session) return null;
    return {
      sessionId: session.id,
      principal: {
        memberId: session.member_id,
        status: session.status,
        sponsorId: session.sponsor_id,
        roles: session.roles,
      },
    };
  });
}
