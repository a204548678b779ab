import { z } from 'zod';
import { ALERT_KINDS, alertIncidentSchema } from '../api/stream';
import { incidentSummaryViewSchema } from '../api/views';
import type { Audience } from '../incidents/alert-policy';
import { defineEvent, type EventGroup } from './define';

const AUDIENCES = [
  'staff',
  'unconfirmed',
  'everyone',
  'delivered',
] as const satisfies readonly Audience[];

/** True only when a list names every member of a union, so a value added in core is not refused. */
type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const complete: Complete<Audience, (typeof AUDIENCES)[number]> = true;
void complete;

/** The payload of `alert.issued`: everything a node needs to target and send the alert. */
export const alertIssuedSchema = z.strictObject({
  alertId: z.uuid(),
  seq: z.number().int(),
  kind: z.enum(ALERT_KINDS),
  audience: z.enum(AUDIENCES),
  mergedInto: z.uuid().nullable(),
  incident: alertIncidentSchema,
});
export type AlertIssued = z.infer<typeof alertIssuedSchema>;

/** Events written by rapid response: alerts and dispatches. */
export const rapidResponseEvents = {
  /** An alert was decided and recorded; sockets and pushes deliver it (event id = alert id). */
  'alert.issued': defineEvent(1, alertIssuedSchema),
  /** A responder was offered an incident (as GET /incidents shows it), or an offer stood down. */
  'dispatch.offered': defineEvent(
    1,
    z.strictObject({
      dispatchId: z.uuid(),
      memberId: z.uuid(),
      state: z.enum(['offered', 'stood_down']),
      incident: incidentSummaryViewSchema.nullable(),
    }),
  ),
} as const satisfies EventGroup;
