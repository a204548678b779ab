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
/** A socket is replayed at most this many alerts, the oldest first. */
const REPLAY_LIMIT = 500;
/** Sockets whose replays share one set of statements (a reconnect storm's). */
const MAX_BATCH = 1_000;
/**
 * A replay reads again after its writes until a read brings it no alert it has not seen (see
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

/** One socket's replay: the seq it last saw, the alerts it has been through, when it is done. */
interface Waiting {
  subscriber: AlertSubscriber;
  since: number;
  seen: Set<string>;
  /** The passes this socket has been through (see Replayer). */
  passes: number;
  done: () => void;
  failed: (error: unknown) => void;
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
 * ask meanwhile form the next). Decisions are per member, over the alerts any of their sockets
 * missed: a member's sockets all get the same alerts, as live delivery sends to every socket of a
 * member it targets.
 *
 * Exactly once, even while live alerts go out: a socket is attached before its replay, so a live
 * alert issued meanwhile reaches it (queued until the replay ends, and not sent twice), unless it
 * is a retraction or update, which goes only to members the log already holds. Such an alert,
 * committed after the replay's read and sent before the replay's write, would miss a member the
 * replay was about to add to its incident's log. So a socket whose member the replay wrote into
 * the log reads again, from the same `since` (seqs are taken at insert, and alerts of different
 * incidents commit in any order), until a read brings it no alert it has not seen: whatever was
 * committed before its write is then either in that read or was sent live to a member already in
 * the log. Each socket goes live as soon as its own replay is done.
 */
export class Replayer {
  readonly #batcher = new StormBatcher<Waiting, void>(async (batch) => {
    await this.#run(batch);
    return batch.map(() => undefined);
  }, MAX_BATCH);

  constructor(private readonly deps: ReplayDeps) {}

  /** Resolves once the socket was sent everything it missed (its live messages then follow). */
  replay(subscriber: AlertSubscriber, since: number): Promise<void> {
    return new Promise<void>((done, failed) => {
      void this.#batcher.add({ subscriber, since, seen: new Set(), passes: 0, done, failed });
    });
  }

  /**
   * One pass for every socket of the batch. A socket to read again joins the next batch (the
   * batcher runs one at a time, so that batch reads after this one's writes): in a storm it shares
   * that batch's read of the alerts since its `since` with the sockets arriving meanwhile, rather
   * than making a read of its own.
   */
  async #run(batch: Waiting[]): Promise<void> {
    let again: Waiting[];
    try {
      again = await this.#pass(batch);
    } catch (error) {
      for (const waiting of batch) waiting.failed(error);
      return;
    }
    const going = new Set(again);
    let stopped = 0;
    for (const waiting of batch) {
      waiting.passes++;
      if (!going.has(waiting)) waiting.done();
      else if (waiting.passes < MAX_PASSES) void this.#batcher.add(waiting);
      else {
        stopped++;
        waiting.done();
      }
    }
    if (stopped > 0)
      this.deps.logger.warn({ sockets: stopped }, 'replay stopped after its last pass');
  }

  /**
   * One read, decision, write and send for some sockets; returns those whose member it wrote into
   * the delivery log, to read again.
   */
  async #pass(pending: Waiting[]): Promise<Waiting[]> {
    const { ctx, recorder } = this.deps;
    const now = ctx.clock.now();
    const after = new Date(now.getTime() - REPLAY_WINDOW_MS);
    // The alerts since each distinct `since`, oldest first.
    const sinces = [...new Set(pending.map((w) => w.since))];
    const read = await Promise.all(
      sinces.map((since) => alertsSince(ctx.db, since, after, REPLAY_LIMIT)),
    );
    const rowsSince = new Map(sinces.map((since, i) => [since, read[i]!]));
    // Only sockets with an alert they have not been through yet have anything to do.
    const asking = pending.filter((w) => rowsSince.get(w.since)!.some((r) => !w.seen.has(r.id)));
    if (asking.length === 0) return [];

    const areas = await ctx.areas.get();
    const alerts = new Map<string, Replayed>();
    for (const rows of rowsSince.values())
      for (const row of rows) if (!alerts.has(row.id)) alerts.set(row.id, toReplayed(row));
    const members = [...new Set(asking.map((w) => w.subscriber.memberId))];
    const incidents = [...new Set([...alerts.values()].map((a) => a.row.incident_id))];
    const logs = await membersLogs(ctx.db, members, incidents);

    const socketsOf = new Map<string, Waiting[]>();
    for (const waiting of asking) {
      const list = socketsOf.get(waiting.subscriber.memberId);
      if (list) list.push(waiting);
      else socketsOf.set(waiting.subscriber.memberId, [waiting]);
    }
    const toRecord = new Map<string, string[]>();
    const dueTo = new Map<string, Set<string>>();
    const wrote = new Set<string>();
    for (const [memberId, sockets] of socketsOf) {
      let log = logs.get(memberId);
      if (!log) logs.set(memberId, (log = { alerts: new Set(), kinds: new Map() }));
      const subscriptions = sockets.map(({ subscriber }) => ({
        subscriber,
        subscription: subscriber.subscription(),
      }));
      const due = new Set<string>();
      // Every alert any of the member's sockets missed, in seq order.
      const rows = new Map<string, ReplayedAlertRow>();
      for (const { since } of sockets)
        for (const row of rowsSince.get(since)!) rows.set(row.id, row);
      for (const row of [...rows.values()].sort((x, y) => Number(x.seq) - Number(y.seq))) {
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
        log.alerts.add(row.id);
        wrote.add(memberId);
        const list = toRecord.get(row.id);
        if (list) list.push(memberId);
        else toRecord.set(row.id, [memberId]);
      }
      if (due.size > 0) dueTo.set(memberId, due);
    }
    // Recorded before it is sent: a retraction issued from here on finds them in the log.
    await recorder.recordMany(
      [...toRecord].map(([alertId, memberIds]) => ({
        alert: alerts.get(alertId)!.alert,
        memberIds,
      })),
    );

    const encoded = new Map<string, Buffer>();
    for (const waiting of asking) {
      const due = dueTo.get(waiting.subscriber.memberId);
      for (const row of rowsSince.get(waiting.since)!) {
        waiting.seen.add(row.id);
        if (!due?.has(row.id)) continue;
        const replayed = withdrawnAs(areas, waiting.subscriber, alerts.get(row.id)!);
        const key = `${row.id}:${replayed.outline ? 'outline' : 'full'}`;
        let data = encoded.get(key);
        if (data === undefined)
          encoded.set(key, (data = Buffer.from(alertMessage(replayed.alert))));
        waiting.subscriber.conn.sendNow(row.id, data);
      }
    }
    return asking.filter((w) => wrote.has(w.subscriber.memberId));
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
