import { ackSchema } from '@tocsin/core';
import type { AlertCreated } from '../../incidents';

const ACK_PREFIX = '{"type":"ack","id":"';
const ACK_LENGTH = ACK_PREFIX.length + 36 + 2;

/** The alert id of an ack in its canonical form (`{"type":"ack","id":"<uuid>"}`), else null. */
export function canonicalAckId(raw: Buffer): string | null {
  if (raw.length !== ACK_LENGTH || raw[ACK_LENGTH - 2] !== 0x22 || raw[ACK_LENGTH - 1] !== 0x7d)
    return null;
  if (raw.toString('latin1', 0, ACK_PREFIX.length) !== ACK_PREFIX) return null;
  const id = raw.toString('latin1', ACK_PREFIX.length, ACK_PREFIX.length + 36);
  return ackSchema.shape.id.safeParse(id).success ? id : null;
}

/** The alert message as sent: serialized once per alert, the same bytes for every recipient. */
export function alertMessage(
  alert: Pick<AlertCreated, 'alertId' | 'seq' | 'kind' | 'incident'>,
): string {
  return JSON.stringify({
    type: 'alert',
    id: alert.alertId,
    seq: alert.seq,
    kind: alert.kind,
    incident: alert.incident,
  });
}
