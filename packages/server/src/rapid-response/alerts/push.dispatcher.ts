import type { Principal } from '@tocsin/core';
import {
  sendAll,
  type AppContext,
  type Logger,
  type PushSettings,
  type Subscription as BusSubscription,
} from '../../platform';
import { defaultPreferences } from './preferences.service';
import type { AlertCreated } from '../incidents';
import {
  claimPushes,
  pushCandidateRows,
  recordOutcomes,
  subscriptionsOf,
  toldLog,
} from '../../membership';
import { pushRecipients, type PushCandidate } from './push.targeting';

/** One durable consumer shared by every node: each alert's pushes are worked out once. */
export const PUSH_CONSUMER = 'push';

/** Pushes are wake-ups for a live situation; one that could not arrive in 6 h is history. */
const PUSH_DEFAULTS = { ttlSeconds: 6 * 3_600, timeoutMs: 10_000, concurrency: 16 };

/** What a dispatcher needs; the timings have defaults. */
export type PushDispatcherSettings = Pick<PushSettings, 'vapid' | 'subject' | 'transport'> &
  Partial<Pick<PushSettings, 'ttlSeconds' | 'timeoutMs' | 'concurrency'>>;

export interface PushReport {
  recipients: number;
  sent: number;
  gone: number;
  failed: number;
}

/**
 * Sends a content-free web push to the subscriptions of every member an alert is for, whether or
 * not they are connected anywhere (a socket may be a phone asleep in a pocket). Runs on its own
 * consumer, apart from the sockets' fan-out.
 */
export class PushDispatcher {
  readonly #logger: Logger;
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #abort = new AbortController();
  #subscription: BusSubscription | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly settings: PushDispatcherSettings,
  ) {
    this.#logger = ctx.logger.child({ sub: 'push' });
  }

  async start(): Promise<void> {
    this.#subscription = await this.ctx.bus.subscribe({
      consumer: PUSH_CONSUMER,
      types: ['alert.issued'],
      handler: async (event) => {
        const work = this.deliver(event.payload);
        this.#inFlight.add(work);
        try {
          await work;
        } finally {
          this.#inFlight.delete(work);
        }
      },
    });
  }

  /** Stops taking alerts, starts no new pushes and waits for those in flight. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#subscription?.close();
    this.#subscription = null;
    await Promise.allSettled(this.#inFlight);
  }

  /** Targets one alert, claims its recipients, pushes their subscriptions, books the answers. */
  async deliver(alert: AlertCreated): Promise<PushReport> {
    const { ctx } = this;
    const report: PushReport = { recipients: 0, sent: 0, gone: 0, failed: 0 };
    const candidates = await this.#candidates();
    if (candidates.length === 0) return report;
    const areas = await ctx.areas.get();
    const chain = areas.chainOrCity(alert.incident.area?.id);
    const told = await toldLog(ctx.db, alert.incident.id, alert.alertId);
    const recipients = pushRecipients(alert, chain, candidates, told);
    if (recipients.length === 0) return report;
    const claimed = await claimPushes(
      ctx.db,
      { alertId: alert.alertId, incidentId: alert.incident.id, kind: alert.kind },
      recipients,
      ctx.clock.now(),
    );
    report.recipients = claimed.length;
    const targets = await subscriptionsOf(ctx.db, claimed);
    const outcomes = await sendAll(
      targets,
      { ...PUSH_DEFAULTS, ...this.settings },
      this.#abort.signal,
    );
    const byOutcome = { sent: [] as string[], gone: [] as string[], failed: [] as string[] };
    for (const [id, outcome] of outcomes) byOutcome[outcome].push(id);
    await recordOutcomes(ctx.db, byOutcome, ctx.clock.now());
    report.sent = byOutcome.sent.length;
    report.gone = byOutcome.gone.length;
    report.failed = byOutcome.failed.length;
    // Counts only: endpoints identify browsers at the push services, member ids link to people.
    this.#logger.info({ kind: alert.kind, ...report }, 'alert pushed');
    return report;
  }

  async #candidates(): Promise<PushCandidate[]> {
    const rows = await pushCandidateRows(this.ctx.db);
    if (rows.members.length === 0) return [];
    const areas = await this.ctx.areas.get();
    const roles = new Map<string, Principal['roles'][number][]>();
    for (const r of rows.roles) {
      let list = roles.get(r.member_id);
      if (!list) roles.set(r.member_id, (list = []));
      list.push({ areaId: r.area_id, role: r.role });
    }
    const prefs = new Map(rows.prefs.map((p) => [p.member_id, p]));
    return rows.members.map((m) => {
      const principal: Principal = {
        memberId: m.id,
        status: m.status,
        sponsorId: m.sponsor_id,
        roles: roles.get(m.id) ?? [],
      };
      const saved = prefs.get(m.id);
      return {
        principal,
        prefs: saved
          ? {
              areaIds: saved.area_ids,
              placeCells: saved.place_cells,
              radiusMeters: saved.radius_meters,
              minLevel: saved.min_level,
            }
          : defaultPreferences(principal, areas),
        onShift: rows.onShift.has(m.id),
      };
    });
  }
}
