import type { EventName, HelloMessage, Principal } from '@tocsin/core';
import type { DomainEvent, Settling } from '../bus';
import type { Connection, TopicSubscription } from './connection';

export type { TopicSubscription };

/**
 * Who a hello's token belongs to. The platform knows no members: the group that owns sessions
 * (membership) provides this at composition time.
 */
export interface StreamAuthenticator {
  /** The cookie of the upgrade request that may carry a session token. */
  readonly cookie: string;
  /**
   * The principal of each token, in order, null for a token that fails; many tokens at once (a
   * reconnect storm's hellos share their statements).
   */
  authenticate(tokens: readonly string[]): Promise<(Principal | null)[]>;
}

/** What a handler can ask of the gateway's sockets. */
export interface StreamDirectory {
  /** The sockets of a member on this node (from their hello on). */
  ofMember(memberId: string): ReadonlySet<Connection> | undefined;
  /**
   * Gives a member's sockets a new principal (roles changed): every handler's `refresh` loads
   * what depends on it first, then all of it is swapped in at once.
   */
  updatePrincipal(memberId: string, principal: Principal): Promise<void>;
}

/**
 * One topic of the stream (alerts, dispatch offers, a meeting...), registered with the gateway by
 * the composition root. The gateway does connections, hello and its version, authentication,
 * pings, the replay-then-live order and routing; a handler does what its topic means.
 */
export interface StreamHandler<Start = unknown, N extends EventName = EventName> {
  /** Names the topic in logs and in a hello's prepared starts. */
  readonly name: string;
  /** The bus events it consumes (this node's copy of each). */
  readonly events?: readonly N[];
  /**
   * What members' sockets start from, many members at once (a reconnect storm's hellos); a member
   * missing from the map is refused. Leave it out when a topic needs nothing.
   */
  prepare?(memberIds: readonly string[]): Promise<ReadonlyMap<string, Start>>;
  /** The topic's part in a socket that said a good hello; null: none. */
  open?(
    conn: Connection,
    hello: HelloMessage,
    start: Start | undefined,
  ): TopicSubscription | null | Promise<TopicSubscription | null>;
  /**
   * One of `events`; resolving acknowledges it for this node. Resolving with a `Settling` (sent to
   * every socket, a record still being written) lets the next event start and acknowledges this
   * one when it settles.
   */
  onEvent?(event: DomainEvent<N>, sockets: StreamDirectory): Promise<void | Settling>;
  /** Loads what depends on a member's new principal; the returned function applies it to a socket. */
  refresh?(principal: Principal): Promise<((conn: Connection) => void) | undefined>;
  /** The gateway is stopping (its sockets are closed): settle what is in flight. */
  stop?(): Promise<void>;
}

/**
 * A handler as the gateway holds it, its start and event types erased (each handler's own
 * `prepare` makes the starts its `open` gets).
 */
export type AnyStreamHandler = StreamHandler<unknown, EventName>;

/** What the composition root hands the gateway: who authenticates, and the topics. */
export interface StreamSetup {
  authenticator: StreamAuthenticator;
  handlers: readonly AnyStreamHandler[];
}
