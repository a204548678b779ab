import type { Principal, Subscription } from '@tocsin/core';
import type { Connection } from '../../../platform';
import type { AlertPreferences } from '../preferences.repository';

/** A socket as the alert topic sees it: what it follows, where it is, whether on shift. */
export class AlertSubscriber {
  constructor(
    readonly conn: Connection,
    public prefs: AlertPreferences,
    public onShift: boolean,
    public live: { lat: number; lng: number } | null,
  ) {}

  get id(): string {
    return this.conn.id;
  }

  get memberId(): string {
    return this.conn.memberId;
  }

  get principal(): Principal {
    return this.conn.principal;
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
}
