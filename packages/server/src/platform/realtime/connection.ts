import type { Principal } from '@tocsin/core';
import type { WebSocket } from 'ws';

/** A handler's part in one socket, from its hello to its close. */
export interface TopicSubscription {
  /** Joins the handler's live set; synchronous, the socket is open now. */
  attach(): void;
  /** Leaves it (the socket closed). */
  detach(): void;
  /** Fields of `ready`, the stream's position for this topic (alerts: `seq`). */
  readonly ready?: Readonly<Record<string, unknown>>;
  /** The hello asked for what was missed since `since`: sent after `ready`, before live ones. */
  replay?(since: number): Promise<void>;
  /** A raw frame before JSON parsing (a fast path); true when it was this topic's. */
  takeRaw?(raw: Buffer): boolean;
  /** A client message after hello (unknown messages are ignored: old servers meet new clients). */
  message?(message: unknown): void;
}

const SENT_MEMORY = 1_000;
/** Stream messages are JSON: text frames, also when handed over as pre-encoded bytes. */
const TEXT = { binary: false } as const;

/** One authenticated socket: who it is, its topics, what it was already sent. */
export class Connection {
  /**
   * Ids sent to this socket, kept once a replay has sent it something (null until then): replay
   * and live delivery may both hold the same message. Without a replay each live message goes
   * once per member and nothing needs remembering, which a 10,000-socket fan-out would otherwise
   * pay for with 10,000 sets.
   */
  #sent: Set<string> | null = null;
  #ready = false;
  #queued: { id: string; data: string | Buffer }[] = [];
  /** Which of the gateway's ping groups holds this socket. */
  pingSlot = 0;
  /** Each registered handler's part in this socket (set when it joins). */
  topics: readonly TopicSubscription[] = [];

  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    public principal: Principal,
  ) {}

  get memberId(): string {
    return this.principal.memberId;
  }

  /** Sends a live message once per id; held back until the replay is done. */
  send(id: string, data: string | Buffer): void {
    if (!this.#ready) this.#queued.push({ id, data });
    else if (this.#sent === null) this.#write(data);
    else this.sendNow(id, data);
  }

  /** Sends a message now (the replay), once per id. */
  sendNow(id: string, data: string | Buffer): void {
    if (this.#sent?.has(id)) return;
    this.#remember(id);
    this.#write(data);
  }

  /** Whether this socket was sent the message with this id (among its last 1,000). */
  wasSent(id: string): boolean {
    return this.#sent?.has(id) ?? false;
  }

  /** Ends the replay phase: queued live messages follow, in the order they came. */
  markReady(): void {
    this.#ready = true;
    const queued = this.#queued;
    this.#queued = [];
    for (const { id, data } of queued) this.send(id, data);
  }

  #remember(id: string): void {
    const sent = (this.#sent ??= new Set());
    sent.add(id);
    if (sent.size > SENT_MEMORY) {
      const oldest = sent.values().next().value;
      if (oldest !== undefined) sent.delete(oldest);
    }
  }

  #write(data: string | Buffer): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(data, TEXT);
  }
}
