import { z } from 'zod';
import {
  AID_CATEGORIES,
  AID_CLOSE_OUTCOMES,
  AID_DESCRIPTION_MAX,
  AID_MESSAGE_MAX,
  AID_OUTCOMES,
  AID_STATES,
  AID_URGENCIES,
} from '../mutual-aid/requests';

// Mutual aid: requests and offers, the public board, private matching and its thread. The
// requester's identity is in no answer but their own, the matched volunteer's (a handle) and the
// coordinators' (a handle). Writes carry `requestId`: a repeat changes nothing.

const requestId = z.uuid();
const isoDate = z.iso.date();

export const aidRequestParams = z.strictObject({ id: z.uuid() });
export const aidMatchParams = z.strictObject({ id: z.uuid() });
export const aidOfferParams = z.strictObject({ id: z.uuid() });
export const aidAreaQuery = z.strictObject({ areaId: z.uuid() });

/** POST /aid/requests. `onBehalf`: for someone without an account; nothing of them is stored. */
export const newAidRequestBody = z.strictObject({
  requestId,
  category: z.enum(AID_CATEGORIES),
  areaId: z.uuid(),
  urgency: z.enum(AID_URGENCIES),
  description: z.string().trim().min(1).max(AID_DESCRIPTION_MAX),
  /** Let a volunteer whose offer covers it be paired at once, without a coordinator. */
  autoMatch: z.boolean().optional(),
  onBehalf: z.boolean().optional(),
});

/** POST /aid/offers. */
export const newAidOfferBody = z.strictObject({
  requestId,
  category: z.enum(AID_CATEGORIES),
  areaId: z.uuid(),
  availability: z.string().trim().min(1).max(140),
  /** The last day it stands; open-ended when absent. */
  until: isoDate.optional(),
});

export const aidOfferSchema = z.strictObject({
  id: z.uuid(),
  category: z.enum(AID_CATEGORIES),
  areaId: z.uuid(),
  availability: z.string(),
  until: isoDate.nullable(),
  withdrawn: z.boolean(),
});

/** One open request on the public board: category, area, urgency and age, nothing else. */
export const boardItemSchema = z.strictObject({
  id: z.uuid(),
  category: z.enum(AID_CATEGORIES),
  areaId: z.uuid(),
  urgency: z.enum(AID_URGENCIES),
  ageHours: z.number().int(),
});
export type BoardItem = z.infer<typeof boardItemSchema>;

/** A request as its requester sees it. */
export const myAidRequestSchema = z.strictObject({
  id: z.uuid(),
  category: z.enum(AID_CATEGORIES),
  areaId: z.uuid(),
  urgency: z.enum(AID_URGENCIES),
  description: z.string().nullable(),
  state: z.enum(AID_STATES),
  outcome: z.enum(AID_OUTCOMES).nullable(),
  onBehalf: z.boolean(),
  autoMatch: z.boolean(),
  matchId: z.uuid().nullable(),
  ageHours: z.number().int(),
});
export type MyAidRequest = z.infer<typeof myAidRequestSchema>;

export const takeBody = z.strictObject({ requestId });
export const takeAnswerSchema = z.strictObject({
  requestId: z.uuid(),
  /** `offered`: waiting for a coordinator; `matched`: paired at once by the volunteer's offer. */
  state: z.enum(['offered', 'matched']),
  matchId: z.uuid().nullable(),
});

/** A request as the coordinators see it: the requester as a handle, never more. */
export const queueItemSchema = z.strictObject({
  id: z.uuid(),
  category: z.enum(AID_CATEGORIES),
  areaId: z.uuid(),
  urgency: z.enum(AID_URGENCIES),
  ageHours: z.number().int(),
  description: z.string().nullable(),
  requesterHandle: z.string().nullable(),
  onBehalf: z.boolean(),
  state: z.enum(AID_STATES),
  takers: z.array(
    z.strictObject({ takeId: z.uuid(), handle: z.string(), hasCoveringOffer: z.boolean() }),
  ),
});

export const matchBody = z.strictObject({ requestId, takeId: z.uuid() });

export const aidMessageSchema = z.strictObject({
  id: z.uuid(),
  mine: z.boolean(),
  body: z.string(),
  at: z.iso.datetime(),
});

/** A match as its two people see it; coordinators do not see the thread. */
export const aidMatchSchema = z.strictObject({
  id: z.uuid(),
  requestId: z.uuid(),
  role: z.enum(['requester', 'volunteer']),
  category: z.enum(AID_CATEGORIES),
  areaId: z.uuid(),
  urgency: z.enum(AID_URGENCIES),
  description: z.string().nullable(),
  state: z.enum(AID_STATES),
  outcome: z.enum(AID_OUTCOMES).nullable(),
  /** The other person's handle. */
  otherHandle: z.string().nullable(),
  onBehalf: z.boolean(),
  messages: z.array(aidMessageSchema),
});
export type AidMatchView = z.infer<typeof aidMatchSchema>;

export const aidMessageBody = z.strictObject({
  requestId,
  body: z.string().trim().min(1).max(AID_MESSAGE_MAX),
});

export const closeAidBody = z.strictObject({ requestId, outcome: z.enum(AID_CLOSE_OUTCOMES) });

export const aidMineSchema = z.strictObject({
  requests: z.array(myAidRequestSchema),
  offers: z.array(aidOfferSchema),
  takes: z.array(
    z.strictObject({
      requestId: z.uuid(),
      category: z.enum(AID_CATEGORIES),
      state: z.enum(['offered', 'matched', 'closed']),
      matchId: z.uuid().nullable(),
    }),
  ),
  /** Whether the caller coordinates mutual aid somewhere (shows the queue). */
  coordinates: z.array(z.uuid()),
});
export type AidMine = z.infer<typeof aidMineSchema>;

export const aidStatsSchema = z.strictObject({
  areaId: z.uuid(),
  categories: z.array(
    z.strictObject({
      category: z.enum(AID_CATEGORIES),
      open: z.number().int().nullable(),
      fulfilled: z.number().int().nullable(),
      closed: z.number().int().nullable(),
    }),
  ),
});
