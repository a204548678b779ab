import { randomUUID } from 'node:crypto';
import { parseInput, SubscriptionIndex, type Principal } from '@tocsin/core';
import type { WebSocket } from 'ws';
import type { Subscription as BusSubscription, DomainEvent } from '../bus/bus';
import type { AppContext } from '../context';
import { isDatabaseUnavailable } from '../db/database-errors';
import type { Logger } from '../logger';
import type { AreaSnapshot } from '../../membership/areas/area-directory';
import type { AlertCreated } from '../../rapid-response/incidents/incident-writer';
import { deliveryLog, markAcked } from '../../rapid-response/alerts/deliveries.repository';
import { defaultPreferences, preferencesOf } from '../../rapid-response/alerts/preferences.service';
import { isOnShift } from '../../rapid-response/shifts';
import { Connection } from './connection';
import { memberRoleGrants } from './stream.repository';
import { DeliveryRecorder } from './delivery-recorder';
import { HelloBatcher } from './hello-batch';
import { alertMessage, canonicalAckId } from './messages';
import { replayMissed, type ReplayDeps } from './replay';
import { forEachLiveRecipient, type SocketDirectory } from './live-recipients';
import {
  clientMessageSchema,
  helloSchema,
  helloVersionError,
  STREAM_CLOSE as CLOSE,
} from '@tocsin/core';

const HELLO_TIMEOUT_MS = 10_000;
// Acks are for the record, not the alert: written a second after the first of a burst, so a
// fan-out's acks land in one statement after the sends rather than competing with them.
const ACK_FLUSH_MS = 1_000;

const PING_INTERVAL_MS = 30_000;
/** A slice of the sockets is pinged every tick: 300 slices of 50 at 15,000 sockets. */
const PING_TICK_MS = 100;
const RECENT_ALERTS = 100;

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
  readonly #sockets: SocketDirectory = {
    index: this.#index,
    connections: this.#connections,
    byMember: this.#byMember,
  };
  /** Acks waiting for the next batch: alert id → member ids. */
  #acks = new Map<string, Set<string>>();
  readonly #logger: Logger;
  #ackTimer: NodeJS.Timeout | null = null;
  #ackFlush: Promise<void> = Promise.resolve();
  /** Delivery-log writes in flight: later alerts of an incident, and acks, wait for them. */
  readonly #recorder: DeliveryRecorder;
  /** Who this node sent its last RECENT_ALERTS live alerts to: an ack counts only from them. */
  readonly #recentRecipients = new Map<string, Set<string>>();
  #subscription: BusSubscription | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  /** Sockets that answered the last ping (or joined since). */
  readonly #alive = new WeakSet<WebSocket>();
  /** Sockets in groups, one group pinged per tick (every PING_TICK_MS). */
  readonly #pingGroups: Set<Connection>[];
  #pingSlot = 0;
  #joined = 0;

  readonly #pingIntervalMs: number;
  /** Concurrent hellos share their database statements (a reconnect storm). */
  readonly #hellos: HelloBatcher;
  readonly #replayDeps: ReplayDeps;

  constructor(
    private readonly ctx: AppContext,
    options: {
      /** How often each socket is pinged (tests shorten it); a socket silent for two is closed. */
      pingIntervalMs?: number;
    } = {},
  ) {
    this.#pingIntervalMs = options.pingIntervalMs ?? PING_INTERVAL_MS;
    const groups = Math.max(1, Math.round(this.#pingIntervalMs / PING_TICK_MS));
    this.#pingGroups = Array.from({ length: groups }, () => new Set<Connection>());
    this.#logger = ctx.logger.child({ sub: 'realtime' });
    this.#hellos = new HelloBatcher(ctx);
    this.#recorder = new DeliveryRecorder(ctx, this.#logger);
    this.#replayDeps = {
      ctx,
      recorder: this.#recorder,
      chainOf: (areas, alert) => this.#chainOf(areas, alert),
    };
  }

  get size(): number {
    return this.#connections.size;
  }

  /** Starts consuming this node's copy of alert and membership events. */
  async start(): Promise<void> {
    // A ping every 30 s keeps idle sockets open through load balancers' idle timeouts (clients
    // would otherwise reconnect, each hello costing a database round trip or three) and closes
    // sockets whose peer is gone without a word, which would otherwise hold memory forever. The
    // sockets are pinged a three-hundredth at a time, every 100 ms: an alert waits behind at most
    // 50 pings at 15,000 sockets (under a millisecond), never behind 15,000.
    this.#heartbeat = setInterval(() => {
      this.#pingSlot = (this.#pingSlot + 1) % this.#pingGroups.length;
      for (const conn of this.#pingGroups[this.#pingSlot]!) {
        if (!this.#alive.has(conn.socket)) {
          conn.socket.terminate();
          continue;
        }
        this.#alive.delete(conn.socket);
        conn.socket.ping();
      }
    }, this.#pingIntervalMs / this.#pingGroups.length);
    this.#heartbeat.unref();
    this.#subscription = await this.ctx.bus.subscribe({
      consumer: `realtime-${this.ctx.config.nodeId}`,
      types: ['alert.issued', 'dispatch.offered', 'member.suspended', 'member.updated'],
      handler: (event) => this.#onEvent(event),
    });
  }

  /** Closes every socket (clients reconnect to another node) and stops consuming. */
  async stop(): Promise<void> {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
    await this.#subscription?.close();
    this.#subscription = null;
    for (const conn of this.#connections.values())
      conn.socket.close(CLOSE.goingAway, 'server shutting down');
    if (this.#ackTimer) clearTimeout(this.#ackTimer);
    await this.#recorder.recorded();
    await this.#flushAcks();
  }

  /** Takes a new socket: waits for hello, authenticates, replays, then joins the live stream. */
  accept(socket: WebSocket, cookieToken: string | null): void {
    /** Ready for live messages (after the replay). */
    let conn: Connection | null = null;
    /** In the gateway's maps, from the moment it joins them during hello. */
    let attached: Connection | null = null;
    let greeting = false;
    const timer = setTimeout(
      () => socket.close(CLOSE.helloTimeout, 'hello expected'),
      HELLO_TIMEOUT_MS,
    );
    socket.on('message', (raw: Buffer) => {
      // Acks are most of what clients send (one per alert, all at once after a fan-out): the
      // canonical form is read without JSON.parse, a closure or a promise per message.
      // Acks of replayed alerts come while the replay is still going: `attached` takes them.
      const acking = conn ?? attached;
      if (acking) {
        const id = canonicalAckId(raw);
        if (id !== null) return this.#ack(acking, id);
      }
      void (async () => {
        let message: unknown;
        try {
          message = JSON.parse(raw.toString('utf8'));
        } catch {
          socket.close(CLOSE.badHello, 'malformed JSON');
          return;
        }
        if (!conn) {
          // Only the first hello counts. During the replay (after `ready`) the socket is
          // attached and its messages are taken; before that they are not for us yet.
          if (greeting) {
            if (attached) this.#onClientMessage(attached, message);
            return;
          }
          greeting = true;
          clearTimeout(timer);
          conn = await this.#hello(socket, message, cookieToken, (c) => (attached = c));
          return;
        }
        this.#onClientMessage(conn, message);
      })().catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) {
          this.#logger.warn({ err: error }, 'stream message failed: database unavailable');
          socket.close(CLOSE.tryAgainLater, 'try again later');
          return;
        }
        this.#logger.error({ err: error }, 'stream message failed');
        socket.close(1011, 'internal error');
      });
    });
    socket.on('close', () => {
      clearTimeout(timer);
      // Also when it closes during its hello or replay: `conn` is not set yet then.
      if (attached) this.#detach(attached);
      attached = null;
    });
  }

  async #hello(
    socket: WebSocket,
    message: unknown,
    cookieToken: string | null,
    onAttach: (conn: Connection) => void,
  ): Promise<Connection | null> {
    const versionError = helloVersionError(message);
    if (versionError) {
      socket.send(JSON.stringify(versionError));
      socket.close(CLOSE.unsupportedVersion, 'unsupported protocol version');
      return null;
    }
    const hello = parseInput(helloSchema, message);
    if (!hello.success) {
      const field = hello.error.issues[0]?.path.join('.') || 'type';
      socket.close(CLOSE.badHello, `${field}: invalid hello`);
      return null;
    }
    const token = hello.data.token ?? cookieToken;
    // The seq is read before the socket joins, so an alert sent in between is either delivered
    // live or after `ready.seq` (replayed on reconnect).
    const start = token ? await this.#hellos.start(token) : null;
    if (!start) {
      socket.close(CLOSE.unauthorized, 'unauthorized');
      return null;
    }
    const conn = new Connection(
      randomUUID(),
      socket,
      start.principal,
      start.prefs ?? defaultPreferences(start.principal, await this.ctx.areas.get()),
      start.onShift,
      hello.data.location ?? null,
    );
    // Gone while we asked the database: nothing to join.
    if (socket.readyState !== socket.OPEN) return null;
    this.#attach(conn);
    onAttach(conn);
    socket.send(JSON.stringify({ type: 'ready', seq: start.seq }));
    if (hello.data.since !== undefined)
      await replayMissed(this.#replayDeps, conn, hello.data.since);
    conn.markReady();
    return conn;
  }

  #attach(conn: Connection): void {
    this.#alive.add(conn.socket);
    conn.socket.on('pong', () => this.#alive.add(conn.socket));
    conn.pingSlot = this.#joined++ % this.#pingGroups.length;
    this.#pingGroups[conn.pingSlot]!.add(conn);
    this.#connections.set(conn.id, conn);
    let set = this.#byMember.get(conn.memberId);
    if (!set) this.#byMember.set(conn.memberId, (set = new Set()));
    set.add(conn);
    this.#index.add(conn.subscription());
  }

  #detach(conn: Connection): void {
    this.#connections.delete(conn.id);
    this.#pingGroups[conn.pingSlot]?.delete(conn);
    this.#index.remove(conn.id);
    const set = this.#byMember.get(conn.memberId);
    set?.delete(conn);
    if (set?.size === 0) this.#byMember.delete(conn.memberId);
  }

  #onClientMessage(conn: Connection, message: unknown): void {
    const parsed = parseInput(clientMessageSchema, message);
    if (!parsed.success) return; // Unknown messages are ignored: old servers meet newer clients.
    if (parsed.data.type === 'ack') return this.#ack(conn, parsed.data.id);
    conn.live = parsed.data.location;
    this.#index.update(conn.subscription());
  }

  /** Queues an ack for the next batch; only for an alert this socket was sent. */
  #ack(conn: Connection, alertId: string): void {
    if (!this.#recentRecipients.get(alertId)?.has(conn.memberId) && !conn.wasSent(alertId)) return;
    let members = this.#acks.get(alertId);
    if (!members) this.#acks.set(alertId, (members = new Set()));
    members.add(conn.memberId);
    if (this.#ackTimer === null)
      this.#ackTimer = setTimeout(() => void this.#flushAcks(), ACK_FLUSH_MS);
  }

  /** Writes the waiting acks, one statement per alert; batches run one after another. */
  #flushAcks(): Promise<void> {
    this.#ackTimer = null;
    const batch = new Map([...this.#acks].map(([alertId, members]) => [alertId, [...members]]));
    this.#acks = new Map();
    const now = this.ctx.clock.now();
    const recording = this.#recorder.recorded();
    this.#ackFlush = this.#ackFlush.then(async () => {
      if (batch.size === 0) return;
      await recording;
      await markAcked(this.ctx.db, batch, now).catch((error: unknown) =>
        this.#logger.warn({ err: error }, 'acks not recorded'),
      );
    });
    return this.#ackFlush;
  }

  async #onEvent(event: DomainEvent): Promise<void> {
    switch (event.name) {
      case 'alert.issued':
        await this.deliver(event.payload);
        return;
      case 'member.suspended':
        for (const conn of this.#byMember.get(event.payload.memberId) ?? []) {
          conn.socket.close(CLOSE.suspended, 'suspended');
        }
        return;
      case 'member.updated':
        return this.#refresh(event.payload.memberId);
      case 'dispatch.offered': {
        const offer = event.payload;
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
    const principal: Principal = {
      ...first.principal,
      roles: await memberRoleGrants(this.ctx.db, memberId),
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

  #chainOf(areas: AreaSnapshot, alert: AlertCreated): string[] {
    return areas.chainOrCity(alert.incident.area?.id);
  }

  /** Targets, sends and records one alert for this node's sockets. */
  async deliver(alert: AlertCreated): Promise<number> {
    if (this.#connections.size === 0) return 0;
    const areas = await this.ctx.areas.get();
    const chain = this.#chainOf(areas, alert);
    await (alert.audience === 'delivered'
      ? this.#recorder.recorded()
      : this.#recorder.forIncident(alert.incident.id));
    // A retraction, all-clear or update goes to everyone in the log; any other alert needs only
    // to know who already got its kind.
    const log = await deliveryLog(
      this.ctx.db,
      alert.incident.id,
      alert.audience === 'delivered' ? undefined : alert.kind,
    );
    // Encoded once: every socket is handed the same bytes. Sending starts with the first
    // recipient found, not once all are known.
    const data = Buffer.from(alertMessage(alert));
    const recipients = new Set<string>();
    const target = {
      kind: alert.kind,
      audience: alert.audience,
      location: alert.incident.location,
    };
    forEachLiveRecipient(this.#sockets, target, chain, log, (memberId) => {
      recipients.add(memberId);
      for (const conn of this.#byMember.get(memberId) ?? []) conn.send(alert.alertId, data);
    });
    if (recipients.size === 0) return 0;
    this.#recentRecipients.set(alert.alertId, recipients);
    if (this.#recentRecipients.size > RECENT_ALERTS) {
      const oldest = this.#recentRecipients.keys().next().value;
      if (oldest !== undefined) this.#recentRecipients.delete(oldest);
    }
    // Every socket has its copy before the log is written; the event is acknowledged on the bus
    // only once the log holds every recipient, so a retraction can find them all. (A node that
    // dies in between gets the event again and records it then.)
    await this.#recorder.record(alert, [...recipients]);
    return recipients.size;
  }
}
