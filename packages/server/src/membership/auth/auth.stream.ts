import { STREAM_CLOSE as CLOSE, type MemberUpdatedMessage } from '@tocsin/core';
import type {
  AppContext,
  DomainEvent,
  StreamAuthenticator,
  StreamDirectory,
  StreamHandler,
} from '../../platform';
import { SESSION_COOKIE } from './auth.plugin';
import { rolesOfMembers } from './sessions.repository';
import { authenticateTokens } from './sessions.service';

/** Who a hello's token belongs to: a session token, in the hello or in the session cookie. */
export function streamAuthenticator(ctx: AppContext): StreamAuthenticator {
  return {
    cookie: SESSION_COOKIE,
    async authenticate(tokens) {
      const auths = await authenticateTokens(ctx, tokens);
      return auths.map((auth) => auth?.principal ?? null);
    },
  };
}

type MemberEvent = 'member.suspended' | 'member.updated' | 'member.activated';

/**
 * The membership part of every socket: a suspended member's sockets are closed; an updated or
 * activated member's sockets take their roles and status as they stand now (each topic reloads
 * what depends on them), and then the member's open apps are told (`member.updated`), so their
 * screens follow without a reload (ADR 0023).
 */
export function sessionStream(ctx: AppContext): StreamHandler<never, MemberEvent> {
  return {
    name: 'session',
    events: ['member.suspended', 'member.updated', 'member.activated'],
    async onEvent(event: DomainEvent<MemberEvent>, sockets: StreamDirectory): Promise<void> {
      const { memberId } = event.payload;
      const conns = sockets.ofMember(memberId);
      if (event.name === 'member.suspended') {
        for (const conn of conns ?? []) conn.socket.close(CLOSE.suspended, 'suspended');
        return;
      }
      if (!conns?.size) return;
      const first = conns.values().next().value!;
      const roles = await rolesOfMembers(ctx.db, [memberId]);
      const activated = event.name === 'member.activated';
      await sockets.updatePrincipal(memberId, {
        ...first.principal,
        ...(activated ? { status: 'active' as const } : {}),
        roles: roles.map((r) => ({ areaId: r.area_id, role: r.role })),
      });
      const message: MemberUpdatedMessage = {
        type: 'member.updated',
        change: event.name === 'member.updated' ? event.payload.change : 'activated',
      };
      const data = JSON.stringify(message);
      for (const conn of sockets.ofMember(memberId) ?? []) conn.send(`member:${event.id}`, data);
    },
  };
}
