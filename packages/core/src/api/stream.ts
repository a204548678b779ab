import { z } from 'zod';
import type { AlertKind } from '../incidents/alert-policy';
import { meetingStateSchema } from './organizing';
import { DISPATCH_STATES } from './rapid-response';
import { STREAM_PROTOCOL_VERSION } from './stream-protocol';
import { incidentSummaryViewSchema } from './views';

// Every message of the live stream (GET /api/v1/stream), both ways. The server parses what
// clients send with these schemas; the web app's types are inferred from them.

const location = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/** The first message a client sends on the stream. */
export const helloSchema = z.strictObject({
  type: z.literal('hello'),
  v: z.literal(STREAM_PROTOCOL_VERSION),
  token: z.string().min(1).max(200).optional(),
  since: z.number().int().min(0).optional(),
  location: location.optional(),
  /** A meeting whose live state this participant follows (a member of its body). */
  meetingId: z.uuid().optional(),
});
export type HelloMessage = z.infer<typeof helloSchema>;

export const ackSchema = z.strictObject({ type: z.literal('ack'), id: z.uuid() });

/**
 * After hello, which meeting this socket follows (null: none): a participant's app opens and
 * leaves meeting pages on its one stream, without a new hello.
 */
export const followMessageSchema = z.strictObject({
  type: z.literal('follow'),
  meetingId: z.uuid().nullable(),
});
export type FollowMessage = z.infer<typeof followMessageSchema>;

/** Messages after hello: acks, a new location when the member moves, the meeting followed. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  ackSchema,
  z.strictObject({ type: z.literal('location'), location: location.nullable() }),
  followMessageSchema,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Every alert kind, as the stream and the event catalog accept them. */
export const ALERT_KINDS = [
  'reported',
  'unconfirmed',
  'confirmed',
  'retraction',
  'all_clear',
  'update',
] as const satisfies readonly AlertKind[];
const kindsComplete: [Exclude<AlertKind, (typeof ALERT_KINDS)[number]>] extends [never]
  ? true
  : false = true;
void kindsComplete;

/** The incident inside a stream alert: the summary's headline fields, as of the alert. */
export const alertIncidentSchema = incidentSummaryViewSchema
  .pick({
    id: true,
    state: true,
    activity: true,
    activityCode: true,
    area: true,
    location: true,
    reporters: true,
  })
  .extend({ at: z.iso.datetime() });
export type AlertIncident = z.infer<typeof alertIncidentSchema>;

/** After a good hello: the stream's position now; alerts after it follow. */
export const readyMessageSchema = z.object({ type: z.literal('ready'), seq: z.number().int() });

/** An alert as the stream sends it; the client acks its id. */
export const alertMessageSchema = z.object({
  type: z.literal('alert'),
  id: z.uuid(),
  seq: z.number().int(),
  kind: z.enum(ALERT_KINDS),
  incident: alertIncidentSchema,
});
export type AlertMessage = z.infer<typeof alertMessageSchema>;

/** A dispatch offer or change for a responder; stand-downs carry no incident. */
export const dispatchMessageSchema = z.object({
  type: z.literal('dispatch'),
  id: z.uuid(),
  state: z.enum(DISPATCH_STATES),
  incident: incidentSummaryViewSchema.nullable(),
});
export type DispatchMessage = z.infer<typeof dispatchMessageSchema>;

/**
 * A meeting's live state, sent to participants who said hello with it: at most five a second per
 * meeting (changes in between are coalesced into the latest state).
 */
export const meetingMessageSchema = z.object({
  type: z.literal('meeting'),
  meetingId: z.uuid(),
  state: meetingStateSchema,
});
export type MeetingMessage = z.infer<typeof meetingMessageSchema>;

/**
 * A strike pledge campaign is on: sent to each pledger's sockets (and only theirs), with the plan.
 * The client dedupes by `id` (the campaign's).
 */
export const campaignMessageSchema = z.object({
  type: z.literal('campaign'),
  id: z.uuid(),
  state: z.literal('on'),
  title: z.string(),
  action: z.string(),
});
export type CampaignMessage = z.infer<typeof campaignMessageSchema>;

/**
 * A committee adopted or changed its mandate on a council agenda item: sent to the sockets of its
 * seated delegates only (the mandate itself is read from `GET /council`, never carried here).
 */
export const mandateMessageSchema = z.object({
  type: z.literal('mandate'),
  bodyId: z.uuid(),
  itemId: z.uuid(),
  meetingId: z.uuid(),
});
export type MandateMessage = z.infer<typeof mandateMessageSchema>;

/**
 * An incident of an area where the member holds the dispatcher role moved (opened, corroborated,
 * confirmed, retracted, ended, merged): sent to every dispatcher socket of the area chain,
 * whatever their alert areas (ADR 0023). Not acked, not replayed: the console reloads its queue
 * on `ready`.
 */
export const consoleMessageSchema = z.object({
  type: z.literal('console'),
  kind: z.enum(ALERT_KINDS),
  incident: alertIncidentSchema,
});
export type ConsoleMessage = z.infer<typeof consoleMessageSchema>;

/** What changed about a member, as their open app is told. */
export const MEMBER_CHANGES = ['roles', 'alert_preferences', 'shift', 'activated'] as const;

/**
 * The member's own roles, status or settings changed (a role grant, an approval or vouch): the
 * app reloads `/me` and its screens follow without a reload. Sent only to that member's sockets;
 * a suspension closes them instead (close code `suspended`).
 */
export const memberUpdatedMessageSchema = z.object({
  type: z.literal('member.updated'),
  change: z.enum(MEMBER_CHANGES),
});
export type MemberUpdatedMessage = z.infer<typeof memberUpdatedMessageSchema>;

/** Sent just before the server closes the stream for a hello it cannot speak. */
export const streamErrorSchema = z.object({
  type: z.literal('error'),
  code: z.literal('unsupported_version'),
  message: z.string(),
  supported: z.literal(STREAM_PROTOCOL_VERSION),
});
export type StreamError = z.infer<typeof streamErrorSchema>;

/** Everything the server sends on the stream. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  readyMessageSchema,
  alertMessageSchema,
  dispatchMessageSchema,
  meetingMessageSchema,
  campaignMessageSchema,
  mandateMessageSchema,
  consoleMessageSchema,
  memberUpdatedMessageSchema,
  streamErrorSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

/**
 * The error to answer a hello with when it names no version or another one than this server
 * speaks; null for a hello of the current version and for anything that is not a hello (the
 * hello schema judges those).
 */
export function helloVersionError(message: unknown): StreamError | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, v } = message as { type?: unknown; v?: unknown };
  if (type !== 'hello' || v === STREAM_PROTOCOL_VERSION) return null;
  const named = v === undefined ? 'no version' : `version ${JSON.stringify(v).slice(0, 16)}`;
  return {
    type: 'error',
    code: 'unsupported_version',
    message: `hello named ${named}; this server speaks stream protocol version ${STREAM_PROTOCOL_VERSION} (send v: ${STREAM_PROTOCOL_VERSION})`,
    supported: STREAM_PROTOCOL_VERSION,
  };
}
