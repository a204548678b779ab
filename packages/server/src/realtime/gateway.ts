import { randomUUID } from 'node:crypto';
import {
  hasRoleIn,
  isInRange,
  SubscriptionIndex,
  type AlertKind,
  type Principal,
} from '@tocsin/core';
import type { WebSocket } from 'ws';
import type { Subscription as BusSubscription, DomainEvent } from '../bus/bus';
import type { AppContext } from '../context';
import type { Logger } from '../logger';
import type { AreaSnapshot } from '../modules/areas/area-directory';
import { authenticateToken } from '../modules/auth/sessions.service';
import type { AlertCreated } from '../modules/incidents/incident-writer';
import {
  alertsSince,
  countDelivered,
  currentSeq,
  deliveredSince,
  deliveryLog,
  markAcked,
  memberLog,
  recordDeliveries,
  type DeliveryRow,
} from '../modules/alerts/deliveries.repository';
import { preferencesOf } from '../modules/alerts/preferences.service';
import { isOnShift } from '../modules/reports/reports.repository';
import { Connection } from './connection';
import { ackSchema, CLOSE, clientMessageSchema, helloSchema } from './protocol';

const HELLO_TIMEOUT_MS = 10_000;
const REPLAY_WINDOW_MS = 24 * 3_600_000;
const REPLAY_LIMIT = 500;
const ACK_FLUSH_MS = 250;

/** The alert message as sent: serialized once per alert, the same bytes for every recipient. */
export function alertMessage(
  alert: Pick<AlertCreated, 'alertId' | 'seq' | 'kind' | 'incident'>,
): string {
  return JSON.stringify({
    type: 'alert',
    id: alert.alertId,
    seq: alert.seq,
    kind: alert.kind,
    incident: alert.incident,
  });
}

/**
 * This node's live connections. Each alert event is targeted at the node's own sockets through
 * an H3 subscription index (cost grows with recipients), filtered by the incident's delivery log
 * so nobody gets the same kind twice, sent, and recorded in the delivery log. A reconnecting
 * client gets what it missed from the database.
 */
export class RealtimeGateway {
  readonly #connections = new Map<string, Connection>();
  readonly #byMember = new Map<string, Set<Connection>>();
  readonly #index = new SubscriptionIndex();
  readonly #acks = new Map<string, Set<string>>();
  readonly #logger: Logger;
  #ackTimer: NodeJS.Timeout | null = null;
  #subscription: BusSubscription | null = null;

  constructor(private readonly ctx: AppContext) {
    this.#logger = ctx.logger.child({ sub: 'realtime' });
  }

  get size(): number {
    return this.#connections.size;
  }

  /** Starts consuming this node's copy of alert and membership events. */
  async start(): Promise<void> {
    this.#subscription = await this.ctx.bus.subscribe({
      consumer: `realtime-${this.ctx.config.nodeId}`,
      types: [
        'alert.created',
        'dispatch.offered',
        'member.suspended',
        'alert_prefs.changed',
        'member.roles_changed',
      ],
      handler: (event) => this.#onEvent(event),
    });
  }

  /** Closes every socket (clients reconnect to another node) and stops consuming. */
  async stop(): Promise<void> {
    await this.#subscription?.close();
    this.#subscription = null;
    for (const conn of this.#connections.values())
      conn.socket.close(CLOSE.goingAway, 'server shutting down');
    await this.#flushAcks();
  }

  /** Takes a new socket: waits for hello, authenticates, replays, then joins the live stream. */
  accept(socket: WebSocket, cookieToken: string | null): void {
    let conn: Connection | null = null;
    const timer = setTimeout(
      () => socket.close(CLOSE.helloTimeout, 'hello expected'),
      HELLO_TIMEOUT_MS,
    );
    socket.on('message', (raw: Buffer) => {
      void (async () => {
        let message: unknown;
        try {
          message = JSON.parse(raw.toString('utf8'));
        } catch {
          socket.close(CLOSE.badHello, 'malformed JSON');
          return;
        }
        if (!conn) {
          clearTimeout(timer);
          conn = await this.#hello(socket, message, cookieToken);
          return;
        }
        this.#onClientMessage(conn, message);
      })().catch((error: unknown) => {
        this.#logger.error({ err: error }, 'stream message failed');
        socket.close(1011, 'internal error');
      });
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (conn) this.#detach(conn);
    });
  }

  async #hello(
    socket: WebSocket,
    message: unknown,
    cookieToken: string | null,
  ): Promise<Connection | null> {
    const hello = helloSchema.safeParse(message);
    if (!hello.success) {
      const field = hello.error.issues[0]?.path.join('.') || 'type';
      socket.close(CLOSE.badHello, `${field}: invalid hello`);
      return null;
    }
    const token = hello.data.token ?? cookieToken;
    const auth = token ? await authenticateToken(this.ctx, token) : null;
    if (!auth) {
      socket.close(CLOSE.unauthorized, 'unauthorized');
      return null;
    }
    const conn = new Connection(
      randomUUID(),
      socket,
      auth.principal,
      await preferencesOf(this.ctx, auth.principal),
      await isOnShift(this.ctx.db, auth.principal.memberId),
      hello.data.location ?? null,
    );
    this.#attach(conn);
    socket.send(JSON.stringify({ type: 'ready', seq: await currentSeq(this.ctx.db) }));
    if (hello.data.since !== undefined) await this.#replay(conn, hello.data.since);
    conn.markReady();
    return conn;
  }

  #attach(conn: Connection): void {
    this.#connections.set(conn.id, conn);
    let set = this.#byMember.get(conn.memberId);
    if (!set) this.#byMember.set(conn.memberId, (set = new Set()));
    set.add(conn);
    this.#index.add(conn.subscription());
  }

  #detach(conn: Connection): void {
    this.#connections.delete(conn.id);
    this.#index.remove(conn.id);
    const set = this.#byMember.get(conn.memberId);
    set?.delete(conn);
    if (set?.size === 0) this.#byMember.delete(conn.memberId);
  }

  #onClientMessage(conn: Connection, message: unknown): void {
    const parsed = clientMessageSchema.safeParse(message);
    if (!parsed.success) return; // Unknown messages are ignored: old servers meet newer clients.
    if (parsed.data.type === 'ack') {
      let set = this.#acks.get(conn.memberId);
      if (!set) this.#acks.set(conn.memberId, (set = new Set()));
      set.add(ackSchema.parse(parsed.data).id);
      if (this.#ackTimer === null)
        this.#ackTimer = setTimeout(() => void this.#flushAcks(), ACK_FLUSH_MS);
      return;
    }
    conn.live = parsed.data.location;
    this.#index.update(conn.subscription());
  }

  async #flushAcks(): Promise<void> {
    this.#ackTimer = null;
    const acks = [...this.#acks];
    this.#acks.clear();
    const now = this.ctx.clock.now();
    for (const [memberId, ids] of acks) {
      await markAcked(this.ctx.db, memberId, [...ids], now).catch((error: unknown) =>
        this.#logger.warn({ err: error }, 'acks not recorded'),
      );
    }
  }

  async #onEvent(event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'alert.created':
        await this.deliver(event.payload as AlertCreated);
        return;
      case 'member.suspended':
        for (const conn of this.#byMember.get((event.payload as { memberId: string }).memberId) ??
          []) {
          conn.socket.close(CLOSE.suspended, 'suspended');
        }
        return;
      case 'alert_prefs.changed':
      case 'member.roles_changed':
        return this.#refresh((event.payload as { memberId: string }).memberId);
      case 'dispatch.offered': {
        const offer = event.payload as {
          dispatchId: string;
          memberId: string;
          state: string;
          incident: unknown;
        };
        const data = JSON.stringify({
          type: 'dispatch',
          id: offer.dispatchId,
          state: offer.state,
          incident: offer.incident,
        });
        for (const conn of this.#byMember.get(offer.memberId) ?? [])
          conn.send(`${offer.dispatchId}:${offer.state}`, data);
        return;
      }
    }
  }

  /** Reloads a member's roles, preferences and shift into their sockets' subscriptions. */
  async #refresh(memberId: string): Promise<void> {
    const conns = this.#byMember.get(memberId);
    if (!conns?.size) return;
    const first = conns.values().next().value as Connection;
    const roles = await this.ctx.db
      .selectFrom('area_roles')
      .select(['area_id', 'role'])
      .where('member_id', '=', memberId)
      .execute();
    const principal: Principal = {
      ...first.principal,
      roles: roles.map((r) => ({ areaId: r.area_id, role: r.role })),
    };
    const prefs = await preferencesOf(this.ctx, principal);
    const onShift = await isOnShift(this.ctx.db, memberId);
    for (const conn of conns) {
      conn.principal = principal;
      conn.prefs = prefs;
      conn.onShift = onShift;
      this.#index.update(conn.subscription());
    }
  }

  /** Whether a member counts as staff for an incident in this area chain. */
  #isStaffFor(conn: Connection, chain: string[]): boolean {
    if (conn.principal.status !== 'active') return false;
    if (
      hasRoleIn(conn.principal, chain, 'verifier') ||
      hasRoleIn(conn.principal, chain, 'dispatcher')
    )
      return true;
    return conn.onShift && hasRoleIn(conn.principal, chain, 'responder');
  }

  #chainOf(areas: AreaSnapshot, alert: AlertCreated): string[] {
    return alert.incident.area ? areas.chain(alert.incident.area.id) : [];
  }

  /** Targets, sends and records one alert for this node's sockets. */
  async deliver(alert: AlertCreated): Promise<number> {
    if (this.#connections.size === 0) return 0;
    const areas = await this.ctx.areas.get();
    const chain = this.#chainOf(areas, alert);
    const log = await deliveryLog(this.ctx.db, alert.incident.id);
    const members = new Set<string>();
    if (alert.audience === 'delivered') {
      for (const memberId of log.keys()) if (this.#byMember.has(memberId)) members.add(memberId);
    } else {
      const { lat, lng } = alert.incident.location;
      for (const socketId of this.#index.targets(lat, lng, chain, alert.audience)) {
        const conn = this.#connections.get(socketId);
        if (!conn) continue;
        if (alert.audience === 'staff' && !this.#isStaffFor(conn, chain)) continue;
        members.add(conn.memberId);
      }
    }
    const recipients = [...members].filter((m) => !log.get(m)?.has(alert.kind));
    if (recipients.length === 0) return 0;
    const data = alertMessage(alert);
    for (const memberId of recipients) {
      for (const conn of this.#byMember.get(memberId) ?? []) conn.send(alert.alertId, data);
    }
    await this.#record(alert, recipients);
    return recipients.length;
  }

  async #record(alert: AlertCreated, memberIds: string[]): Promise<void> {
    const rows: DeliveryRow[] = memberIds.map((memberId) => ({
      alertId: alert.alertId,
      memberId,
      incidentId: alert.incident.id,
      kind: alert.kind,
      seq: alert.seq,
    }));
    const inserted = await recordDeliveries(this.ctx.db, rows, this.ctx.clock.now());
    await countDelivered(this.ctx.db, alert.incident.id, inserted);
  }

  /** Sends what a reconnecting member missed since `since`: already theirs, or theirs by the rules. */
  async #replay(conn: Connection, since: number): Promise<void> {
    const now = this.ctx.clock.now();
    const alerts = await alertsSince(
      this.ctx.db,
      since,
      new Date(now.getTime() - REPLAY_WINDOW_MS),
      REPLAY_LIMIT,
    );
    if (alerts.length === 0) return;
    const areas = await this.ctx.areas.get();
    const mine = await deliveredSince(this.ctx.db, conn.memberId, since);
    const log = await memberLog(this.ctx.db, conn.memberId, [
      ...new Set(alerts.map((a) => a.incident_id)),
    ]);
    const sub = conn.subscription();
    for (const row of alerts) {
      const alert: AlertCreated = {
        alertId: row.id,
        seq: Number(row.seq),
        kind: row.kind,
        audience: row.audience as AlertCreated['audience'],
        mergedInto: null,
        incident: row.body as AlertCreated['incident'],
      };
      const kinds = log.get(row.incident_id) ?? new Set<AlertKind>();
      let due = mine.has(row.id);
      if (!due && !kinds.has(alert.kind)) {
        if (alert.audience === 'delivered') due = kinds.size > 0;
        else {
          const chain = this.#chainOf(areas, alert);
          const { lat, lng } = alert.incident.location;
          const inRange = (chain.length ? chain : [null]).some((areaId) =>
            isInRange(sub, lat, lng, areaId),
          );
          const audienceOk =
            alert.audience === 'staff'
              ? this.#isStaffFor(conn, chain)
              : alert.audience === 'everyone' || sub.minLevel === 'unconfirmed';
          due = inRange && audienceOk;
        }
        if (due) {
          kinds.add(alert.kind);
          log.set(row.incident_id, kinds);
          await this.#record(alert, [conn.memberId]);
        }
      }
      if (due) conn.sendNow(alert.alertId, alertMessage(alert));
    }
  }
}
