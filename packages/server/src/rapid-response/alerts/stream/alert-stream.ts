import {
  clientMessageSchema,
  parseInput,
  SubscriptionIndex,
  type HelloMessage,
} from '@tocsin/core';
import type {
  AppContext,
  Connection,
  DomainEvent,
  Logger,
  Settling,
  StreamHandler,
  TopicSubscription,
} from '../../../platform';
import type { AreaSnapshot } from '../../../membership';
import type { AlertCreated } from '../../incidents';
import { isOnShift } from '../../shifts';
import { deliveryLog, markAcked } from '../deliveries.repository';
import { defaultPreferences, preferencesOf } from '../preferences.service';
import { DeliveryRecorder } from './delivery-recorder';
import { forEachLiveRecipient, type SocketDirectory } from './live-recipients';
import { alertMessage, canonicalAckId } from './messages';
import { Replayer } from './replay';
import { streamStarts, type StreamStart } from './stream.repository';
import { AlertSubscriber } from './subscriber';

// Acks are for the record, not the alert: written a second after the first of a burst, so a
// fan-out's acks land in one statement after the sends rather than competing with them.
const ACK_FLUSH_MS = 1_000;
const RECENT_ALERTS = 100;

/**
 * The alert topic of the stream. Each alert event is targeted at the node's own sockets through
 * an H3 subscription index (cost grows with recipients), filtered by the incident's delivery log
 * so nobody gets the same kind twice, sent, and recorded in the delivery log. A reconnecting
 * client gets what it missed from the database; its acks are recorded in batches.
 */
export class AlertStream implements StreamHandler<StreamStart, 'alert.issued'> {
  readonly name = 'alerts';
  readonly events = ['alert.issued'] as const;
  readonly #index = new SubscriptionIndex();
  readonly #subscribers = new Map<string, AlertSubscriber>();
  readonly #byMember = new Map<string, Set<AlertSubscriber>>();
  readonly #sockets: SocketDirectory = {
    index: this.#index,
    subscribers: this.#subscribers,
    byMember: this.#byMember,
  };
  /** Acks waiting for the next batch: alert id → member ids. */
  #acks = new Map<string, Set<string>>();
  #ackTimer: NodeJS.Timeout | null = null;
  #ackFlush: Promise<void> = Promise.resolve();
  readonly #logger: Logger;
  /** Delivery-log writes in flight: later alerts of an incident, and acks, wait for them. */
  readonly #recorder: DeliveryRecorder;
  /** Who this node sent its last RECENT_ALERTS live alerts to: an ack counts only from them. */
  readonly #recentRecipients = new Map<string, Set<string>>();
  /** Reconnecting sockets' replays, batched. */
  readonly #replayer: Replayer;

  constructor(private readonly ctx: AppContext) {
    this.#logger = ctx.logger.child({ sub: 'realtime' });
    this.#recorder = new DeliveryRecorder(ctx, this.#logger);
    this.#replayer = new Replayer({
      ctx,
      recorder: this.#recorder,
      logger: this.#logger,
      chainOf: (areas, alert) => this.#chainOf(areas, alert),
    });
  }

  /** Preferences, shift and the latest alert seq of many members, in one statement. */
  prepare(memberIds: readonly string[]): Promise<Map<string, StreamStart>> {
    return streamStarts(this.ctx.db, memberIds);
  }

  async open(
    conn: Connection,
    hello: HelloMessage,
    start: StreamStart | undefined,
  ): Promise<TopicSubscription> {
    const prefs = start?.prefs ?? defaultPreferences(conn.principal, await this.ctx.areas.get());
    const sub = new AlertSubscriber(conn, prefs, start?.onShift ?? false, hello.location ?? null);
    return {
      ready: { seq: start?.seq ?? 0 },
      attach: () => this.#attach(sub),
      detach: () => this.#detach(sub),
      replay: (since) => this.#replayer.replay(sub, since),
      takeRaw: (raw) => {
        const id = canonicalAckId(raw);
        if (id === null) return false;
        this.#ack(conn, id);
        return true;
      },
      message: (message) => this.#onClientMessage(sub, message),
    };
  }

  /**
   * Sends the alert, then lets the next event start while its delivery log is written: the event
   * is acknowledged once the log holds every recipient. Alerts of one incident stay in order (each
   * reads the log after the writes before it), so only different incidents' writes overlap.
   */
  async onEvent(event: DomainEvent<'alert.issued'>): Promise<Settling> {
    const { recorded } = await this.#send(event.payload);
    return { settled: recorded };
  }

  /** A member's preferences and shift under their new roles, for their sockets' subscriptions. */
  async refresh(principal: AlertSubscriber['principal']) {
    const prefs = await preferencesOf(this.ctx, principal);
    const onShift = await isOnShift(this.ctx.db, principal.memberId);
    return (conn: Connection) => {
      const sub = this.#subscribers.get(conn.id);
      if (!sub) return;
      sub.prefs = prefs;
      sub.onShift = onShift;
      this.#index.update(sub.subscription());
    };
  }

  async stop(): Promise<void> {
    if (this.#ackTimer) clearTimeout(this.#ackTimer);
    await this.#recorder.recorded();
    await this.#flushAcks();
  }

  #attach(sub: AlertSubscriber): void {
    this.#subscribers.set(sub.id, sub);
    let set = this.#byMember.get(sub.memberId);
    if (!set) this.#byMember.set(sub.memberId, (set = new Set()));
    set.add(sub);
    this.#index.add(sub.subscription());
  }

  #detach(sub: AlertSubscriber): void {
    this.#subscribers.delete(sub.id);
    this.#index.remove(sub.id);
    const set = this.#byMember.get(sub.memberId);
    set?.delete(sub);
    if (set?.size === 0) this.#byMember.delete(sub.memberId);
  }

  #onClientMessage(sub: AlertSubscriber, message: unknown): void {
    const parsed = parseInput(clientMessageSchema, message);
    if (!parsed.success) return; // Unknown messages are ignored: old servers meet newer clients.
    if (parsed.data.type === 'ack') return this.#ack(sub.conn, parsed.data.id);
    if (parsed.data.type !== 'location') return; // Another topic's (a meeting followed).
    sub.live = parsed.data.location;
    this.#index.update(sub.subscription());
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

  #chainOf(areas: AreaSnapshot, alert: AlertCreated): string[] {
    return areas.chainOrCity(alert.incident.area?.id);
  }

  /** Targets, sends and records one alert for this node's sockets. */
  async deliver(alert: AlertCreated): Promise<number> {
    const { sent, recorded } = await this.#send(alert);
    await recorded;
    return sent;
  }

  /** Targets and sends one alert; `recorded` settles when the delivery log holds its recipients. */
  async #send(alert: AlertCreated): Promise<{ sent: number; recorded: Promise<void> }> {
    const none = { sent: 0, recorded: Promise.resolve() };
    if (this.#subscribers.size === 0) return none;
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
      for (const sub of this.#byMember.get(memberId) ?? []) sub.conn.send(alert.alertId, data);
    });
    if (recipients.size === 0) return none;
    this.#recentRecipients.set(alert.alertId, recipients);
    if (this.#recentRecipients.size > RECENT_ALERTS) {
      const oldest = this.#recentRecipients.keys().next().value;
      if (oldest !== undefined) this.#recentRecipients.delete(oldest);
    }
    // Every socket has its copy before the log is written; the event is acknowledged on the bus
    // only once the log holds every recipient, so a retraction can find them all. (A node that
    // dies in between gets the event again and records it then.)
    return { sent: recipients.size, recorded: this.#recorder.record(alert, [...recipients]) };
  }
}
