import type { Principal, Subscription } from '@tocsin/core';
import type { WebSocket } from 'ws';
import type { AlertPreferences } from '../modules/alerts/preferences.repository';

const SENT_MEMORY = 1_000;

/** One authenticated socket: who it is, what it follows, what it was already sent. */
export class Connection {
  #sent = new Set<string>();
  #ready = false;
  #queued: { id: string; data: string }[] = [];

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
  send(id: string, data: string): void {
    if (!this.#ready) this.#queued.push({ id, data });
    else this.sendNow(id, data);
  }

  /** Sends a message now (the replay), once per id. */
  sendNow(id: string, data: string): void {
    if (this.#sent.has(id)) return;
    this.#remember(id);
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(data);
  }

  /** Ends the replay phase: queued live messages follow, in the order they came. */
  markReady(): void {
    this.#ready = true;
    const queued = this.#queued;
    this.#queued = [];
    for (const { id, data } of queued) this.send(id, data);
  }

  #remember(id: string): void {
    this.#sent.add(id);
    if (this.#sent.size > SENT_MEMORY) {
      const oldest = this.#sent.values().next().value;
      if (oldest !== undefined) this.#sent.delete(oldest);
    }
  }
}
