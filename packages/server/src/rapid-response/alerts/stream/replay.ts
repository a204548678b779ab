import {
  cellCenter,
  incidentDisclosure,
  isAlertDue,
  isStaffFor,
  type AlertKind,
} from '@tocsin/core';
import type { AppContext } from '../../../platform';
import type { AreaSnapshot } from '../../../membership';
import type { AlertCreated } from '../../incidents';
import { alertsSince, deliveredSince, memberLog } from '../deliveries.repository';
import type { DeliveryRecorder } from './delivery-recorder';
import { alertMessage } from './messages';
import type { AlertSubscriber } from './subscriber';

const REPLAY_WINDOW_MS = 24 * 3_600_000;
const REPLAY_LIMIT = 500;

/** What a replay needs from the gateway. */
export interface ReplayDeps {
  ctx: AppContext;
  recorder: DeliveryRecorder;
  chainOf(areas: AreaSnapshot, alert: AlertCreated): string[];
}

/** Sends what a reconnecting member missed since `since`: already theirs, or theirs by the rules. */
export async function replayMissed(
  deps: ReplayDeps,
  subscriber: AlertSubscriber,
  since: number,
): Promise<void> {
  const { ctx, recorder } = deps;
  const now = ctx.clock.now();
  const alerts = await alertsSince(
    ctx.db,
    since,
    new Date(now.getTime() - REPLAY_WINDOW_MS),
    REPLAY_LIMIT,
  );
  if (alerts.length === 0) return;
  const areas = await ctx.areas.get();
  const mine = await deliveredSince(ctx.db, subscriber.memberId, since);
  const log = await memberLog(ctx.db, subscriber.memberId, [
    ...new Set(alerts.map((a) => a.incident_id)),
  ]);
  const sub = subscriber.subscription();
  for (const row of alerts) {
    const alert: AlertCreated = {
      alertId: row.id,
      seq: Number(row.seq),
      kind: row.kind,
      audience: row.audience as AlertCreated['audience'],
      mergedInto: null,
      incident: row.body as AlertCreated['incident'],
    };
    const kinds = log.get(row.incident_id) ?? new Set<AlertKind>();
    let due = mine.has(row.id);
    if (!due && !kinds.has(alert.kind)) {
      const chain = deps.chainOf(areas, alert);
      const target = {
        kind: alert.kind,
        audience: alert.audience,
        location: alert.incident.location,
      };
      due = isAlertDue(target, chain, { ...sub, staff: isStaffFor(subscriber, chain) }, kinds);
      if (due) {
        kinds.add(alert.kind);
        log.set(row.incident_id, kinds);
        await recorder.record(alert, [subscriber.memberId]);
      }
    }
    if (due) {
      subscriber.conn.sendNow(
        alert.alertId,
        alertMessage(withdrawnAs(areas, subscriber, alert, row)),
      );
    }
  }
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
  alert: AlertCreated,
  row: { incident_state: AlertCreated['incident']['state']; incident_confirmed_at: Date | null },
): AlertCreated {
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
  if (disclosure !== 'retracted') return alert;
  const cell = anchor ? areas.middleCell(anchor) : null;
  return {
    ...alert,
    incident: {
      ...alert.incident,
      state: row.incident_state,
      activity: null,
      activityCode: null,
      reporters: 0,
      location: cell ? cellCenter(cell) : { lat: 0, lng: 0 },
    },
  };
}
