import type { ColumnType, Generated } from 'kysely';
import type { AlertKind } from '@tocsin/core';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type MaybeTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** A browser's push subscription: the push service's URL for it and its encryption keys. */
export interface PushSubscriptionsTable {
  id: string;
  member_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Timestamp;
  last_success_at: MaybeTimestamp;
  failures: Generated<number>;
}

/** Who was sent a push for which alert: with the delivery log, the audience of a retraction. */
export interface PushDeliveriesTable {
  alert_id: string;
  member_id: string;
  incident_id: string;
  kind: AlertKind;
  pushed_at: Timestamp;
}
