import { z } from 'zod';
import { MANDATE_POSITIONS } from '../council/mandates';
import { VOTE_CHOICES } from '../assemblies/votes';
import { MEETING_STATES } from '../assemblies/meeting-state';
import { OFFICE_HOLDER_SOURCES } from './elections';
import { personSchema, requestIdSchema } from './organizing';

// The citywide council (issue 17): seats and delegates, mandates from committees to their
// delegates, report-back after a council meeting, and ratification of council decisions by the
// committees. The council is a body (assemblies): its roll is the seated delegates. The table in
// ./contract names the routes.

/** A council agenda item as every committee sees it once the meeting is scheduled. */
export const councilItemSchema = z.strictObject({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  /** The committee whose carried motion put it on the agenda, if one did. */
  fromBody: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
});
export type CouncilItem = z.infer<typeof councilItemSchema>;

export const councilMeetingSchema = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  state: z.enum(MEETING_STATES),
  agenda: z.array(councilItemSchema),
});
export type CouncilMeeting = z.infer<typeof councilMeetingSchema>;

export const delegateSchema = z.strictObject({
  /** The office holder (elections): recall works on it. */
  holderId: z.uuid(),
  member: personSchema,
  seat: z.number().int(),
  termEnd: z.iso.datetime(),
  source: z.enum(OFFICE_HOLDER_SOURCES),
});
export type DelegateView = z.infer<typeof delegateSchema>;

/** A committee (neighborhood or workplace body) and its seats in the council. */
export const committeeSeatsSchema = z.strictObject({
  bodyId: z.uuid(),
  name: z.string(),
  kind: z.enum(['neighborhood', 'workplace']),
  seats: z.number().int(),
  /** Seats without a delegate. */
  vacant: z.number().int(),
  delegates: z.array(delegateSchema),
});
export type CommitteeSeats = z.infer<typeof committeeSeatsSchema>;

export const mandateSchema = z.strictObject({
  bodyId: z.uuid(),
  bodyName: z.string(),
  itemId: z.uuid(),
  meetingId: z.uuid(),
  position: z.enum(MANDATE_POSITIONS),
  note: z.string().nullable(),
  /** The committee's carried motion that adopted it. */
  motionId: z.uuid(),
  setAt: z.iso.datetime(),
});
export type MandateView = z.infer<typeof mandateSchema>;

/** GET /council: seats (only committees holding at least one), delegates, the next meeting. */
export const councilViewSchema = z.strictObject({
  bodyId: z.uuid(),
  rule: z.strictObject({ minimum: z.number().int(), block: z.number().int() }),
  weightedVotes: z.boolean(),
  totalSeats: z.number().int(),
  committees: z.array(committeeSeatsSchema),
  /** The meeting scheduled or open next (the one mandates are for); null when none. */
  nextMeeting: councilMeetingSchema.nullable(),
  /** The last closed meeting, for report-back. */
  lastMeeting: councilMeetingSchema.nullable(),
  me: z.strictObject({
    /** Seats the caller holds now (0: not a delegate; cannot vote in the council). */
    seats: z.number().int(),
    /** As a delegate: the mandates of the committees whose seats the caller holds. */
    mandates: z.array(mandateSchema),
    /** Whether the caller may change the council's settings (a city organizer). */
    canConfigure: z.boolean(),
  }),
});
export type CouncilView = z.infer<typeof councilViewSchema>;

/** PUT /council/settings (a city organizer). */
export const councilSettingsBody = z.strictObject({
  requestId: requestIdSchema,
  weightedVotes: z.boolean(),
});
export const councilSettingsSchema = z.strictObject({ weightedVotes: z.boolean() });

/** POST /bodies/:bodyId/delegates: the body appoints a delegate by its carried motion. */
export const appointDelegateBody = z.strictObject({
  requestId: requestIdSchema,
  memberId: z.uuid(),
  /** The body's carried motion that appointed them. */
  motionId: z.uuid(),
  termMonths: z.number().int().min(1).max(24),
});

export const mandateParams = z.strictObject({ bodyId: z.uuid(), itemId: z.uuid() });
/** PUT /bodies/:bodyId/mandates/:itemId (secretary or chair, after the committee's motion). */
export const mandateBody = z.strictObject({
  requestId: requestIdSchema,
  position: z.enum(MANDATE_POSITIONS),
  note: z.string().trim().min(1).max(1000).optional(),
  /** The committee's carried motion adopting this mandate. */
  motionId: z.uuid(),
});

/** GET /bodies/:bodyId/mandates: the next council meeting and this committee's mandates. */
export const bodyMandatesSchema = z.strictObject({
  meeting: councilMeetingSchema.nullable(),
  mandates: z.array(mandateSchema),
  /** Whether the caller records the committee's mandates (its secretary or chair). */
  canRecord: z.boolean(),
});
export type BodyMandates = z.infer<typeof bodyMandatesSchema>;

export const reportBackParams = z.strictObject({ bodyId: z.uuid(), meetingId: z.uuid() });
/** GET /bodies/:bodyId/report-back/:meetingId: how the committee's delegates voted, per item. */
export const reportBackSchema = z.strictObject({
  meeting: councilMeetingSchema,
  items: z.array(
    z.strictObject({
      itemId: z.uuid(),
      position: z.number().int(),
      title: z.string(),
      mandate: z.enum(MANDATE_POSITIONS).nullable(),
      votes: z.array(
        z.strictObject({
          motionId: z.uuid(),
          motionText: z.string(),
          delegate: personSchema,
          /** The roll-call choice; null when the delegate did not vote. */
          choice: z.enum(VOTE_CHOICES).nullable(),
          againstMandate: z.boolean(),
        }),
      ),
    }),
  ),
});
export type ReportBack = z.infer<typeof reportBackSchema>;

/** POST /bodies/:bodyId/council-agenda: a committee's carried motion goes to the council. */
export const toCouncilAgendaBody = z.strictObject({
  requestId: requestIdSchema,
  motionId: z.uuid(),
});
export const toCouncilAgendaAnswer = z.strictObject({
  meetingId: z.uuid(),
  item: councilItemSchema,
});

export const RATIFICATION_STATES = ['pending', 'ratified', 'rejected'] as const;
export const councilDecisionParams = z.strictObject({ decisionId: z.uuid() });
/** POST /council/decisions/:decisionId/ratification (the council's chair). */
export const requireRatificationBody = z.strictObject({
  requestId: requestIdSchema,
  /** The share of committees needed, in percent; left out: a majority. */
  sharePercent: z.number().int().min(1).max(100).optional(),
});
export const ratificationSchema = z.strictObject({
  decisionId: z.uuid(),
  text: z.string(),
  sharePercent: z.number().int().nullable(),
  state: z.enum(RATIFICATION_STATES),
  needed: z.number().int(),
  committees: z.number().int(),
  ratified: z.number().int(),
  rejected: z.number().int(),
  pending: z.number().int(),
  effectiveAt: z.iso.datetime().nullable(),
  /** Each committee asked and its answer (null: not yet). */
  answers: z.array(
    z.strictObject({ bodyId: z.uuid(), name: z.string(), ratify: z.boolean().nullable() }),
  ),
});
export type RatificationView = z.infer<typeof ratificationSchema>;
export const ratificationsSchema = z.strictObject({ ratifications: z.array(ratificationSchema) });
export const ratifyParams = z.strictObject({ bodyId: z.uuid(), decisionId: z.uuid() });
/** PUT /bodies/:bodyId/ratifications/:decisionId (secretary or chair, after a carried motion). */
export const ratifyBody = z.strictObject({
  requestId: requestIdSchema,
  ratify: z.boolean(),
  motionId: z.uuid(),
});
