import { randomUUID } from 'node:crypto';
import {
  helloSchema,
  parseInput,
  helloVersionError,
  STREAM_CLOSE as CLOSE,
  type EventName,
  type Principal,
} from '@tocsin/core';
import type { WebSocket } from 'ws';
import type { DomainEvent, Settling, Subscription as BusSubscription } from '../bus';
import type { AppContext } from '../context';
import { isDatabaseUnavailable } from '../db';
import type { Logger } from '../logger';
import { Connection } from './connection';
import { HelloBatcher } from './hello-batch';
import type {
  AnyStreamHandler,
  StreamDirectory,
  StreamSetup,
  TopicSubscription,
} from './stream-handler';

const HELLO_TIMEOUT_MS = 10_000;
const PING_INTERVAL_MS = 30_000;
/** A slice of the sockets is pinged every tick: 300 slices of 50 at 15,000 sockets. */
const PING_TICK_MS = 100;

export interface GatewayOptions extends StreamSetup {
  /** How often each socket is pinged (tests shorten it); a socket silent for two is closed. */
  pingIntervalMs?: number;
}

/**
 * This node's live connections, whatever they follow: hello (its version and token), the order
 * replay-then-live, pings, and routing of bus events and client messages to the topics' handlers
 * (registered by the composition root, src/stream.ts). It names no topic and no group.
 */
export class RealtimeGateway {
  readonly #connections = new Map<string, Connection>();
  readonly #byMember = new Map<string, Set<Connection>>();
  readonly #logger: Logger;
  readonly #handlers: readonly AnyStreamHandler[];
  readonly #cookie: string;
  readonly #directory: StreamDirectory = {
    ofMember: (memberId) => this.#byMember.get(memberId),
    updatePrincipal: (memberId, principal) => this.#updatePrincipal(memberId, principal),
  };
  #subscription: BusSubscription | null = null;
  #stopping = false;
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

  constructor(
    private readonly ctx: AppContext,
    options: GatewayOptions,
  ) {
    this.#pingIntervalMs = options.pingIntervalMs ?? PING_INTERVAL_MS;
    const groups = Math.max(1, Math.round(this.#pingIntervalMs / PING_TICK_MS));
    this.#pingGroups = Array.from({ length: groups }, () => new Set<Connection>());
    this.#logger = ctx.logger.child({ sub: 'realtime' });
    this.#handlers = options.handlers;
    this.#cookie = options.authenticator.cookie;
    this.#hellos = new HelloBatcher(options.authenticator, options.handlers);
  }

  get size(): number {
    return this.#connections.size;
  }

  /** The cookie that may carry the session token of an upgrade request. */
  get cookie(): string {
    return this.#cookie;
  }

  /** Starts consuming this node's copy of the events the handlers follow. */
  async start(): Promise<void> {
    // A ping every 30 s keeps idle sockets open through load balancers' idle timeouts (clients
    // would otherwise reconnect, each hello costing a database round trip or three) and closes
    // sockets whose peer is gone without a word, which would otherwise hold memory forever. The
    // sockets are pinged a three-hundredth at a time, every 100 ms: a message waits behind at
    // most 50 pings at 15,000 sockets (under a millisecond), never behind 15,000.
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
    const types = [...new Set(this.#handlers.flatMap((h) => h.events ?? []))];
    if (types.length === 0) return;
    this.#subscription = await this.ctx.bus.subscribe<EventName>({
      consumer: `realtime-${this.ctx.config.nodeId}`,
      types,
      handler: (event) => this.#onEvent(event),
    });
  }

  /** False once `stop` has begun: new sockets are then refused (the server is closing). */
  get accepting(): boolean {
    return !this.#stopping;
  }

  /** Closes every socket (clients reconnect to another node) and stops consuming. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
    await this.#subscription?.close();
    this.#subscription = null;
    for (const conn of this.#connections.values())
      conn.socket.close(CLOSE.goingAway, 'server shutting down');
    for (const handler of this.#handlers) await handler.stop?.();
  }

  /** Drops every joined socket at once, without a close handshake, as a network blip does. */
  terminateAll(): void {
    for (const conn of this.#connections.values()) conn.socket.terminate();
  }

  /** Takes a new socket: waits for hello, authenticates, replays, then joins the live stream. */
  accept(
    socket: WebSocket,
    cookieToken: string | null,
    onBadToken?: () => 'counted' | 'limited',
  ): void {
    if (this.#stopping) {
      socket.close(CLOSE.goingAway, 'server shutting down');
      return;
    }
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
      // Acks are most of what clients send (one per alert, all at once after a fan-out): a topic
      // may take its frames before JSON.parse, without a closure or a promise per message.
      // Frames during the replay come while the hello is still going: `attached` takes them.
      const taking = conn ?? attached;
      if (taking) {
        for (const topic of taking.topics) if (topic.takeRaw?.(raw)) return;
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
          conn = await this.#hello(socket, message, cookieToken, (c) => (attached = c), onBadToken);
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
    onBadToken?: () => 'counted' | 'limited',
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
    // The topics' positions are read before the socket joins, so a message sent in between is
    // either delivered live or after `ready` (replayed on reconnect).
    const start = token ? await this.#hellos.start(token) : null;
    if (!start) {
      if (token && onBadToken?.() === 'limited') {
        socket.close(CLOSE.tryAgainLater, 'too many failed logins');
        return null;
      }
      socket.close(CLOSE.unauthorized, 'unauthorized');
      return null;
    }
    const conn = new Connection(randomUUID(), socket, start.principal);
    const topics: TopicSubscription[] = [];
    for (const handler of this.#handlers) {
      const topic = await handler.open?.(conn, hello.data, start.starts[handler.name]);
      if (topic) topics.push(topic);
    }
    // Gone while we asked the database: nothing to join.
    if (socket.readyState !== socket.OPEN) return null;
    conn.topics = topics;
    this.#attach(conn);
    onAttach(conn);
    const ready: Record<string, unknown> = { type: 'ready' };
    for (const topic of topics) Object.assign(ready, topic.ready);
    socket.send(JSON.stringify(ready));
    if (hello.data.since !== undefined) {
      for (const topic of topics) await topic.replay?.(hello.data.since);
    }
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
    for (const topic of conn.topics) topic.attach();
  }

  #detach(conn: Connection): void {
    this.#connections.delete(conn.id);
    this.#pingGroups[conn.pingSlot]?.delete(conn);
    for (const topic of conn.topics) topic.detach();
    const set = this.#byMember.get(conn.memberId);
    set?.delete(conn);
    if (set?.size === 0) this.#byMember.delete(conn.memberId);
  }

  #onClientMessage(conn: Connection, message: unknown): void {
    for (const topic of conn.topics) topic.message?.(message);
  }

  /** Each topic in turn; the event settles when every topic's part has. */
  async #onEvent(event: DomainEvent): Promise<void | Settling> {
    const settling: Promise<void>[] = [];
    try {
      for (const handler of this.#handlers) {
        if (handler.onEvent && handler.events?.includes(event.name)) {
          const result = await handler.onEvent(event, this.#directory);
          if (result) settling.push(result.settled);
        }
      }
    } catch (error) {
      // The event comes again; what earlier topics still settle must not fail unheard.
      for (const settled of settling) settled.catch(() => undefined);
      throw error;
    }
    if (settling.length > 0) return { settled: Promise.all(settling).then(() => undefined) };
  }

  /** Loads each topic's part of a member's new principal, then swaps it all in at once. */
  async #updatePrincipal(memberId: string, principal: Principal): Promise<void> {
    const conns = this.#byMember.get(memberId);
    if (!conns?.size) return;
    const apply: ((conn: Connection) => void)[] = [];
    for (const handler of this.#handlers) {
      const applyTo = await handler.refresh?.(principal);
      if (applyTo) apply.push(applyTo);
    }
    for (const conn of conns) {
      conn.principal = principal;
      for (const applyTo of apply) applyTo(conn);
    }
  }
}
