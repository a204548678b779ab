import { z } from 'zod';
import { MEETING_STATES, MOTION_STATES } from '../assemblies/meeting-state';
import { RECURRENCES } from '../assemblies/recurrence';
import { SPEAKER_KINDS, SPEAKER_ORDERS } from '../assemblies/speakers';
import { MAJORITIES, VOTE_CHOICES, VOTE_METHODS } from '../assemblies/votes';

// Request bodies and answers of the organizing routes: bodies, meetings, speakers, motions,
// votes, minutes, the decisions register. The table in ./contract names the routes.
//
// Every write carries `requestId`, a UUID the client makes once per intended action and sends
// again on every retry: a repeat with the same id changes nothing and gets the first answer
// again (phones on bad hall Wi-Fi retry). A new action needs a new id.

/** The client's id of one intended write; repeating it is harmless. */
export const requestIdSchema = z.uuid();
const withRequestId = { requestId: requestIdSchema };
/** A write with nothing else to say. */
export const requestOnlyBody = z.strictObject(withRequestId);

export const BODY_KINDS = ['neighborhood', 'workplace', 'working_group', 'council'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
/** What the caller is in a body: on the roll (`member`), and an officer or not. */
export const BODY_ROLES = ['member', 'chair', 'secretary'] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

/** A member as a body shows them to its own members: the handle, or the display name. */
export const personSchema = z.strictObject({ id: z.uuid(), name: z.string() });
export type Person = z.infer<typeof personSchema>;

/** GET /bodies: a body the caller is on the roll of (or organizes). */
export const bodySchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  areaId: z.uuid().nullable(),
  groupId: z.uuid().nullable(),
  rollSize: z.number().int(),
  /** The caller's roles here; empty for an area organizer who is not on the roll. */
  roles: z.array(z.enum(BODY_ROLES)),
  /** Whether the caller may appoint the officers (an organizer of the body's area). */
  canAppoint: z.boolean(),
  /** Whether the caller runs its meetings: the chair, or an organizer on the roll while none is. */
  canChair: z.boolean(),
  /** Whether the caller keeps its record (schedules, minutes, action items): secretary or chair. */
  canRecord: z.boolean(),
  chair: personSchema.nullable(),
  secretary: personSchema.nullable(),
  secondingRequired: z.boolean(),
});
export type BodyView = z.infer<typeof bodySchema>;

export const bodyParams = z.strictObject({ bodyId: z.uuid() });

/**
 * GET /bodies/:bodyId/roll: who can be named an officer or own an action item (for the officers
 * and the organizers who appoint them): the roll's members by name, and the area's working groups.
 */
export const bodyRollSchema = z.strictObject({
  members: z.array(personSchema),
  groups: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
});
export type BodyRoll = z.infer<typeof bodyRollSchema>;

/** PUT /bodies/:bodyId/officers: an organizer of the area names the chair and the secretary. */
export const officersBody = z.strictObject({
  ...withRequestId,
  chair: z.uuid().nullable().optional(),
  secretary: z.uuid().nullable().optional(),
  secondingRequired: z.boolean().optional(),
});

export const quorumSchema = z.union([
  z.strictObject({ members: z.number().int().min(1).max(100_000) }),
  z.strictObject({ percent: z.number().int().min(1).max(100) }),
]);

const agendaItemInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  minutes: z.number().int().min(1).max(600).optional(),
});

/** POST /bodies/:bodyId/meetings (the chair, the secretary or an organizer of the area). */
export const newMeetingBody = z.strictObject({
  ...withRequestId,
  title: z.string().trim().min(1).max(200),
  startsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(1).max(200).optional(),
  remote: z.boolean().optional(),
  quorum: quorumSchema.optional(),
  agenda: z.array(agendaItemInput).max(50),
  recurrence: z.enum(RECURRENCES).optional(),
  speakerOrder: z.enum(SPEAKER_ORDERS).optional(),
  /** The per-speaker time box; 120 s unless said. */
  speakerSeconds: z.number().int().min(15).max(1800).optional(),
});
export type NewMeetingBody = z.input<typeof newMeetingBody>;

/** A meeting in a list (GET /bodies/:bodyId/meetings) and the answer to open/close/create. */
export const meetingSummarySchema = z.strictObject({
  id: z.uuid(),
  bodyId: z.uuid(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  place: z.string().nullable(),
  remote: z.boolean(),
  state: z.enum(MEETING_STATES),
  recurrence: z.enum(RECURRENCES).nullable(),
  /** Set when this meeting was generated as the next of a recurring one. */
  previousId: z.uuid().nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;
export const meetingCreatedSchema = z.strictObject({ meeting: meetingSummarySchema });

export const meetingParams = z.strictObject({ id: z.uuid() });
export const motionParams = z.strictObject({ id: z.uuid() });

const tallySchema = z.strictObject({
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
});

/** POST /motions/:id/close-vote, and a motion's result once its vote closed. */
export const voteResultSchema = tallySchema.extend({
  carried: z.boolean(),
  quorate: z.boolean(),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

export const speakerEntrySchema = z.strictObject({
  id: z.uuid(),
  member: personSchema,
  kind: z.enum(SPEAKER_KINDS),
  requestedAt: z.iso.datetime(),
});
export type SpeakerEntry = z.infer<typeof speakerEntrySchema>;

export const currentSpeakerSchema = speakerEntrySchema.extend({
  startedAt: z.iso.datetime(),
  /** The time box; the timer runs from startedAt. */
  seconds: z.number().int(),
});

export const motionSchema = z.strictObject({
  id: z.uuid(),
  meetingId: z.uuid(),
  /** The text now: a motion's after carried amendments; an amendment's proposed text. */
  text: z.string(),
  /** A motion's text as moved; an amendment's: the text of the motion it amends, when moved. */
  originalText: z.string(),
  /** For an amendment: the motion it amends. */
  amends: z.uuid().nullable(),
  mover: personSchema,
  seconder: personSchema.nullable(),
  state: z.enum(MOTION_STATES),
  /** The agenda item (position) it was moved under, if any. */
  agendaItem: z.number().int().nullable(),
  movedAt: z.iso.datetime(),
  /** While a vote is open or after: how it is taken and how many have voted so far. */
  vote: z
    .strictObject({
      method: z.enum(VOTE_METHODS),
      majority: z.enum(MAJORITIES),
      openedAt: z.iso.datetime(),
      voted: z.number().int(),
      /**
       * The running count, as a show of hands would be seen in the room; null while a secret
       * vote is open (only `voted`, the ballots in the box, is shown).
       */
      tally: tallySchema.nullable(),
    })
    .nullable(),
  /** Once the vote closed. */
  result: voteResultSchema.nullable(),
  decisionId: z.uuid().nullable(),
});
export type MotionView = z.infer<typeof motionSchema>;

/**
 * The live state of a meeting as every member of its body sees it: what GET /meetings/:id answers
 * (with `me` and `officer` added) and what the stream sends in a `meeting` message.
 */
export const meetingStateSchema = z.strictObject({
  ...meetingSummarySchema.shape,
  bodyName: z.string(),
  openedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  quorum: quorumSchema.nullable(),
  /** How many must be present for the quorum, now. */
  requiredAttendance: z.number().int(),
  rollSize: z.number().int(),
  attendance: z.number().int(),
  quorate: z.boolean(),
  agenda: z.array(
    z.strictObject({
      position: z.number().int(),
      title: z.string(),
      minutes: z.number().int().nullable(),
    }),
  ),
  /** The position of the item under discussion; null before the first and after the last. */
  currentItem: z.number().int().nullable(),
  speakerOrder: z.enum(SPEAKER_ORDERS),
  speakerSeconds: z.number().int(),
  /** Waiting requests in the order the chair will call them. */
  queue: z.array(speakerEntrySchema),
  currentSpeaker: currentSpeakerSchema.nullable(),
  motions: z.array(motionSchema),
});
export type MeetingLiveState = z.infer<typeof meetingStateSchema>;

/** GET /meetings/:id: the live state, what concerns the caller, and the officers' part. */
export const meetingViewSchema = meetingStateSchema.extend({
  me: z.strictObject({
    memberId: z.uuid(),
    roles: z.array(z.enum(BODY_ROLES)),
    checkedIn: z.boolean(),
    /** The caller's own choice in each vote still open (gone once it closes). */
    ballots: z.array(z.strictObject({ motionId: z.uuid(), choice: z.enum(VOTE_CHOICES) })),
  }),
  /** For the chair and the secretary only: the check-in code and who is present. */
  officer: z
    .strictObject({
      code: z.string().nullable(),
      attendees: z.array(personSchema.extend({ remote: z.boolean(), at: z.iso.datetime() })),
    })
    .nullable(),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

/** POST /meetings/:id/check-in: the code on the projector; none for remote check-in. */
export const checkInBody = z.strictObject({
  ...withRequestId,
  code: z
    .string()
    .trim()
    .max(16)
    .regex(/^[0-9]{6}$/, 'the six digits on the screen')
    .optional(),
});
export const checkInResponse = z.strictObject({
  attendance: z.number().int(),
  quorate: z.boolean(),
  remote: z.boolean(),
});

/** POST /meetings/:id/speakers */
export const speakerBody = z.strictObject({ ...withRequestId, kind: z.enum(SPEAKER_KINDS) });
export const speakerAnswer = z.strictObject({
  id: z.uuid(),
  kind: z.enum(SPEAKER_KINDS),
  /** 1-based place in the queue when asked; null once called. */
  position: z.number().int().nullable(),
});
export const withdrawSpeakerResponse = z.strictObject({ withdrawn: z.number().int() });
export const nextSpeakerResponse = z.strictObject({ current: currentSpeakerSchema.nullable() });
export const agendaNextResponse = z.strictObject({ currentItem: z.number().int().nullable() });
/** POST /meetings/:id/speakers/order (chair) */
export const speakerOrderBody = z.strictObject({
  ...withRequestId,
  order: z.enum(SPEAKER_ORDERS),
});

/** POST /meetings/:id/motions; `amends` makes it an amendment whose text replaces the motion's. */
export const newMotionBody = z.strictObject({
  ...withRequestId,
  text: z.string().trim().min(1).max(5000),
  amends: z.uuid().optional(),
});

/** POST /motions/:id/vote (chair opens the vote). */
export const openVoteBody = z.strictObject({
  ...withRequestId,
  method: z.enum(VOTE_METHODS),
  majority: z.enum(MAJORITIES),
});

/** POST /motions/:id/ballots: a later ballot replaces an earlier one while the vote is open. */
export const ballotBody = z.strictObject({ ...withRequestId, choice: z.enum(VOTE_CHOICES) });
export const ballotAnswer = z.strictObject({ motionId: z.uuid(), voted: z.literal(true) });

/** GET and PUT /meetings/:id/minutes */
export const minutesSchema = z.strictObject({
  markdown: z.string(),
  /** Whether the secretary edited them (otherwise generated from the meeting log). */
  edited: z.boolean(),
  approved: z.boolean(),
  approvedAt: z.iso.datetime().nullable(),
  /** The meeting that approved them. */
  approvedBy: z.uuid().nullable(),
});
export type MinutesView = z.infer<typeof minutesSchema>;
export const minutesBody = z.strictObject({
  ...withRequestId,
  markdown: z.string().min(1).max(32_000),
});
/** POST /meetings/:id/minutes/approve: a later open meeting of the body approves them. */
export const approveMinutesBody = z.strictObject({ ...withRequestId, atMeetingId: z.uuid() });

export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
export const actionItemSchema = z.strictObject({
  id: z.uuid(),
  decisionId: z.uuid(),
  text: z.string(),
  owner: z
    .union([
      z.strictObject({ kind: z.literal('member'), id: z.uuid(), name: z.string() }),
      z.strictObject({ kind: z.literal('group'), id: z.uuid(), name: z.string() }),
    ])
    .nullable(),
  due: z.iso.date().nullable(),
  status: z.enum(ACTION_ITEM_STATUSES),
});
export type ActionItemView = z.infer<typeof actionItemSchema>;

/** GET /bodies/:bodyId/decisions: the register, newest first. */
export const decisionSchema = z.strictObject({
  id: z.uuid(),
  bodyId: z.uuid(),
  text: z.string(),
  motionId: z.uuid(),
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  decidedAt: z.iso.datetime(),
  actionItems: z.array(actionItemSchema),
});
export type DecisionView = z.infer<typeof decisionSchema>;
export const decisionsQuery = z.strictObject({
  /** Words to find in the decision's text. */
  q: z.string().trim().min(1).max(200).optional(),
});
export const decisionParams = z.strictObject({ decisionId: z.uuid() });
export const actionItemParams = z.strictObject({ itemId: z.uuid() });

/** POST /decisions/:decisionId/action-items (chair or secretary). */
export const newActionItemBody = z.strictObject({
  ...withRequestId,
  text: z.string().trim().min(1).max(1000),
  owner: z
    .union([z.strictObject({ memberId: z.uuid() }), z.strictObject({ groupId: z.uuid() })])
    .optional(),
  due: z.iso.date().optional(),
});
/** PUT /action-items/:itemId/status (chair, secretary or the owner). */
export const actionItemStatusBody = z.strictObject({
  ...withRequestId,
  status: z.enum(ACTION_ITEM_STATUSES),
});
