import {
  cellCenter,
  incidentDisclosure,
  isAlertDue,
  isStaffFor,
  type AlertKind,
} from '@tocsin/core';
import { StormBatcher, type AppContext, type Logger } from '../../../platform';
import type { AreaSnapshot } from '../../../membership';
import type { AlertCreated } from '../../incidents';
import { alertsSince, membersLogs, type ReplayedAlertRow } from '../deliveries.repository';
import type { DeliveryRecorder } from './delivery-recorder';
import { alertMessage } from './messages';
import type { AlertSubscriber } from './subscriber';

const REPLAY_WINDOW_MS = 24 * 3_600_000;
const REPLAY_LIMIT = 500;
/** Sockets whose replays share one set of statements (a reconnect storm's). */
const MAX_BATCH = 1_000;
/**
 * A replay reads again after its writes until a read finds nothing more for the socket (see
 * Replayer); alerts issued faster than a replay pass takes could keep it going, so it stops here
 * and the socket goes live (anything still missed comes on its next reconnect).
 */
const MAX_PASSES = 8;

/** What a replay needs from the alert topic. */
export interface ReplayDeps {
  ctx: AppContext;
  recorder: DeliveryRecorder;
  logger: Logger;
  chainOf(areas: AreaSnapshot, alert: AlertCreated): string[];
}

interface Waiting {
  subscriber: AlertSubscriber;
  since: number;
}

interface Replayed {
  alert: AlertCreated;
  row: ReplayedAlertRow;
}

/**
 * Sends reconnecting sockets what they missed since the seq they last saw: alerts already
 * theirs (in the delivery log), and alerts theirs by the rules, recorded before they are sent.
 *
 * A reconnect storm (every phone after a network blip) asks for thousands of replays at once; the
 * replays waiting together share their statements: the alerts since each `since` (one read per
 * distinct value, usually one), what the delivery log holds for all their members, and one write
 * per alert for everyone it is replayed to (StormBatcher: one batch at a time, the sockets that
 * ask meanwhile form the next).
 *
 * Exactly once, even while live alerts go out: a socket is attached before its replay, so a live
 * alert issued meanwhile reaches it (queued until the replay ends, and not sent twice), unless it
 * is a retraction or update, which goes only to members the log already holds. Such an alert,
 * committed after the replay's read and sent before the replay's write, would miss a member the
 * replay was about to add to its incident's log. So after its writes a replay reads again from
 * the last seq it saw, and repeats until a read brings it nothing: whatever was committed before
 * its write is then either in that read or was sent live to a member already in the log.
 */
export class Replayer {
  readonly #batcher = new StormBatcher<Waiting, void>(async (batch) => {
    await this.#run(batch);
    return batch.map(() => undefined);
  }, MAX_BATCH);

  constructor(private readonly deps: ReplayDeps) {}

  /** Resolves once the socket was sent everything it missed (its live messages then follow). */
  replay(subscriber: AlertSubscriber, since: number): Promise<void> {
    return this.#batcher.add({ subscriber, since });
  }

  async #run(batch: Waiting[]): Promise<void> {
    let pending = batch;
    for (let pass = 1; pending.length > 0; pass++) {
      const again = await this.#pass(pending);
      if (again.length > 0 && pass === MAX_PASSES) {
        this.deps.logger.warn({ sockets: again.length }, 'replay stopped after its last pass');
        return;
      }
      pending = again;
    }
  }

  /**
   * One read, decision, write and send for some sockets; returns those that were sent something,
   * each to read again from the last seq this pass saw.
   */
  async #pass(pending: Waiting[]): Promise<Waiting[]> {
    const { ctx, recorder } = this.deps;
    const now = ctx.clock.now();
    const after = new Date(now.getTime() - REPLAY_WINDOW_MS);
    // The alerts since each distinct `since`, oldest first.
    const sinces = [...new Set(pending.map((w) => w.since))];
    const rowsSince = new Map<number, ReplayedAlertRow[]>();
    for (const since of sinces)
      rowsSince.set(since, await alertsSince(ctx.db, since, after, REPLAY_LIMIT));
    const asking = pending.filter((w) => rowsSince.get(w.since)!.length > 0);
    if (asking.length === 0) return [];

    const areas = await ctx.areas.get();
    const alerts = new Map<string, Replayed>();
    for (const rows of rowsSince.values())
      for (const row of rows) if (!alerts.has(row.id)) alerts.set(row.id, toReplayed(row));
    const members = [...new Set(asking.map((w) => w.subscriber.memberId))];
    const incidents = [...new Set([...alerts.values()].map((a) => a.row.incident_id))];
    const logs = await membersLogs(ctx.db, members, incidents);

    // Per member, in seq order: what is theirs already or by the rules for any of their sockets.
    // A member's sockets all get the same alerts, as live delivery sends to every socket of a
    // member it targets.
    const socketsOf = new Map<string, Waiting[]>();
    for (const waiting of asking) {
      const list = socketsOf.get(waiting.subscriber.memberId);
      if (list) list.push(waiting);
      else socketsOf.set(waiting.subscriber.memberId, [waiting]);
    }
    const toRecord = new Map<string, string[]>();
    const dueTo = new Map<string, Set<string>>();
    for (const [memberId, sockets] of socketsOf) {
      let log = logs.get(memberId);
      if (!log) logs.set(memberId, (log = { alerts: new Set(), kinds: new Map() }));
      const since = Math.min(...sockets.map((w) => w.since));
      const subscriptions = sockets.map(({ subscriber }) => ({
        subscriber,
        subscription: subscriber.subscription(),
      }));
      const due = new Set<string>();
      for (const row of rowsSince.get(since) ?? []) {
        const { alert } = alerts.get(row.id)!;
        if (log.alerts.has(row.id)) {
          due.add(row.id);
          continue;
        }
        const kinds = log.kinds.get(row.incident_id) ?? new Set<AlertKind>();
        if (kinds.has(alert.kind)) continue;
        const chain = this.deps.chainOf(areas, alert);
        const target = {
          kind: alert.kind,
          audience: alert.audience,
          location: alert.incident.location,
        };
        const byRule = subscriptions.some(({ subscriber, subscription }) =>
          isAlertDue(
            target,
            chain,
            { ...subscription, staff: isStaffFor(subscriber, chain) },
            kinds,
          ),
        );
        if (!byRule) continue;
        due.add(row.id);
        // What this replay adds counts for the member's next alerts in it (a retraction after
        // the alert it retracts goes to whoever was told anything).
        kinds.add(alert.kind);
        log.kinds.set(row.incident_id, kinds);
        const list = toRecord.get(row.id);
        if (list) list.push(memberId);
        else toRecord.set(row.id, [memberId]);
      }
      if (due.size > 0) dueTo.set(memberId, due);
    }
    // Recorded before it is sent: a retraction issued from here on finds them in the log.
    await Promise.all(
      [...toRecord].map(([alertId, memberIds]) =>
        recorder.record(alerts.get(alertId)!.alert, memberIds),
      ),
    );

    const encoded = new Map<string, Buffer>();
    const again: Waiting[] = [];
    for (const waiting of asking) {
      const due = dueTo.get(waiting.subscriber.memberId);
      if (!due) continue;
      const rows = rowsSince.get(waiting.since)!;
      for (const row of rows) {
        if (!due.has(row.id)) continue;
        const replayed = withdrawnAs(areas, waiting.subscriber, alerts.get(row.id)!);
        const key = `${row.id}:${replayed.outline ? 'outline' : 'full'}`;
        let data = encoded.get(key);
        if (data === undefined)
          encoded.set(key, (data = Buffer.from(alertMessage(replayed.alert))));
        waiting.subscriber.conn.sendNow(row.id, data);
      }
      again.push({ subscriber: waiting.subscriber, since: Number(rows[rows.length - 1]!.seq) });
    }
    return again;
  }
}

function toReplayed(row: ReplayedAlertRow): Replayed {
  return {
    row,
    alert: {
      alertId: row.id,
      seq: Number(row.seq),
      kind: row.kind,
      audience: row.audience as AlertCreated['audience'],
      mergedInto: null,
      incident: row.body as AlertCreated['incident'],
    },
  };
}

/**
 * The alert as this member may be served it now (core's `incidentDisclosure`): an incident that
 * was never confirmed and has since been withdrawn (false alarm, merged, ended) is replayed to
 * members who are not the area's verifiers or dispatchers as its outline only: its state now,
 * its area, the time; no text, no reporters, the middle of its area for a location.
 */
function withdrawnAs(
  areas: AreaSnapshot,
  subscriber: AlertSubscriber,
  { alert, row }: Replayed,
): { alert: AlertCreated; outline: boolean } {
  const anchor = areas.chainOrCity(alert.incident.area?.id)[0];
  const staff = isStaffFor(
    { principal: subscriber.conn.principal, onShift: false },
    areas.chainOrCity(anchor),
  );
  const disclosure = incidentDisclosure(
    { state: row.incident_state, confirmedAt: row.incident_confirmed_at },
    // Whether the member was due this alert at all was decided above.
    { staff, involved: true },
  );
  if (disclosure !== 'retracted') return { alert, outline: false };
  const cell = anchor ? areas.middleCell(anchor) : null;
  return {
    outline: true,
    alert: {
      ...alert,
      incident: {
        ...alert.incident,
        state: row.incident_state,
        activity: null,
        activityCode: null,
        reporters: 0,
        location: cell ? cellCenter(cell) : { lat: 0, lng: 0 },
      },
    },
  };
}
