import type { Principal, Subscription } from '@tocsin/core';
import type { WebSocket } from 'ws';
import type { AlertPreferences } from '../../rapid-response/alerts/preferences.repository';

const SENT_MEMORY = 1_000;
/** Alerts are JSON: text frames, also when handed over as pre-encoded bytes. */
const TEXT = { binary: false } as const;

/** One authenticated socket: who it is, what it follows, what it was already sent. */
export class Connection {
  /**
   * Ids sent to this socket, kept once a replay has sent it something (null until then): replay
   * and live delivery may both hold the same alert. Without a replay the gateway sends each live
   * alert once per member and nothing needs remembering, which a 10,000-socket fan-out would
   * otherwise pay for with 10,000 sets.
   */
  #sent: Set<string> | null = null;
  #ready = false;
  #queued: { id: string; data: string | Buffer }[] = [];
  /** Which of the gateway's ping groups holds this socket. */
  pingSlot = 0;

  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    public principal: Principal,
    public prefs: AlertPreferences,
    public onShift: boolean,
    public live: { lat: number; lng: number } | null,
  ) {}

  get memberId(): string {
    return this.principal.memberId;
  }

  /** What the targeting index holds for this socket. */
  subscription(): Subscription {
    const active = this.principal.status === 'active';
    const roles = new Set(this.principal.roles.map((r) => r.role));
    return {
      id: this.id,
      areaIds: this.prefs.areaIds,
      placeCells: this.prefs.placeCells,
      live: this.live,
      radiusMeters: this.prefs.radiusMeters,
      minLevel: this.prefs.minLevel,
      staff:
        active &&
        (roles.has('verifier') ||
          roles.has('dispatcher') ||
          roles.has('admin') ||
          (roles.has('responder') && this.onShift)),
    };
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
