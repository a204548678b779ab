import {
  isStaffFor,
  type AlertKind,
  type SubscriptionIndex,
  type TargetedAlert,
} from '@tocsin/core';
import type { AlertSubscriber } from './subscriber';

/** The sockets a node holds that follow alerts, as the live fan-out looks them up. */
export interface SocketDirectory {
  readonly index: SubscriptionIndex;
  /** By socket id. */
  readonly subscribers: ReadonlyMap<string, AlertSubscriber>;
  readonly byMember: ReadonlyMap<string, ReadonlySet<AlertSubscriber>>;
}

/**
 * The members this node holds sockets for that an alert is due to, each handed to `visit` once
 * as soon as it is found, so sending starts before the last is known. It is core's rule
 * (`isAlertDue`) with the index doing the range and audience part in proportion to the
 * candidates: the index files each socket as staff when it holds a staff role anywhere, and the
 * incident's chain then settles it with `isStaffFor`.
 */
export function forEachLiveRecipient(
  sockets: SocketDirectory,
  alert: TargetedAlert,
  chain: readonly string[],
  log: ReadonlyMap<string, ReadonlySet<AlertKind>>,
  visit: (memberId: string) => void,
): void {
  const seen = new Set<string>();
  const offer = (memberId: string) => {
    if (seen.has(memberId)) return;
    seen.add(memberId);
    if (!log.get(memberId)?.has(alert.kind)) visit(memberId);
  };
  if (alert.audience === 'delivered') {
    for (const [memberId, kinds] of log) {
      if (kinds.size > 0 && sockets.byMember.has(memberId)) offer(memberId);
    }
    return;
  }
  const { lat, lng } = alert.location;
  const audience = alert.audience;
  sockets.index.forEachTarget(lat, lng, chain, audience, (socketId) => {
    const conn = sockets.subscribers.get(socketId);
    if (!conn) return;
    if (audience === 'staff' && !isStaffFor(conn, chain)) return;
    offer(conn.memberId);
  });
}
