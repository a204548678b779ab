import { isDispatcherFor, type ConsoleMessage } from '@tocsin/core';
import type {
  AppContext,
  Connection,
  DomainEvent,
  StreamHandler,
  TopicSubscription,
} from '../../platform';

/**
 * The dispatcher console's topic (ADR 0023): every move of an incident (each `alert.issued`) goes
 * to every socket whose member holds the dispatcher role in the incident's area chain, whatever
 * their alert areas or where they are. Roles are read at send time from the socket's principal,
 * which the session topic keeps current, so a role granted or taken away counts at once. Nothing
 * is acked or replayed: a console reloads its queue when its socket is (again) ready.
 */
export class ConsoleStream implements StreamHandler<never, 'alert.issued'> {
  readonly name = 'console';
  readonly events = ['alert.issued'] as const;
  /** Sockets of members who hold the dispatcher role somewhere (or may be given it). */
  readonly #sockets = new Set<Connection>();

  constructor(private readonly ctx: AppContext) {}

  open(conn: Connection): TopicSubscription {
    return {
      attach: () => void this.#sockets.add(conn),
      detach: () => void this.#sockets.delete(conn),
    };
  }

  async onEvent(event: DomainEvent<'alert.issued'>): Promise<void> {
    if (this.#sockets.size === 0) return;
    const alert = event.payload;
    const areas = await this.ctx.areas.get();
    const chain = areas.chainOrCity(alert.incident.area?.id);
    const message: ConsoleMessage = { type: 'console', kind: alert.kind, incident: alert.incident };
    const data = JSON.stringify(message);
    const key = `console:${alert.alertId}`;
    for (const conn of this.#sockets) {
      if (isDispatcherFor(conn.principal, chain)) conn.send(key, data);
    }
  }
}
