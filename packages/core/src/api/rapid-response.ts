import { z } from 'zod';
import type { VerificationOutcome } from '../incidents/state-machine';
import { parsePlateKey } from '../salute/plate-key';
import type { reportInputSchema } from '../salute/report-input';
import { MAX_PLACES } from './limits';
import { ALERT_LEVELS, INCIDENT_STATES } from './views';

// Request bodies and answers of the rapid-response routes: reports, incidents, plates,
// dispatch, alert settings and shifts, photos, statistics. The table in ./contract names them.

/** A point on the map, as a client sends it. */
export const latLngSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/**
 * POST /reports body as the web app sends it: the schema's input, always with the client's id
 * (so an offline retry is idempotent) and the SALUTE form, with an activity (a quick choice's
 * code, words, or both).
 */
export type ReportBody = z.input<typeof reportInputSchema> & {
  id: string;
  salute: NonNullable<z.input<typeof reportInputSchema>['salute']>;
};

const storedSalute = z.object({
  size: z.string().optional(),
  activity: z.string().optional(),
  activityCode: z.string().optional(),
  location: z
    .object({ lat: z.number().optional(), lng: z.number().optional(), text: z.string().optional() })
    .optional(),
  uniform: z.string().optional(),
  time: z.string().optional(),
  equipment: z.string().optional(),
});

/** POST /reports answer: the report as stored and the incident it joined. */
export const reportAnswerSchema = z.object({
  report: z.object({ id: z.uuid(), salute: storedSalute, plates: z.array(z.string()) }),
  incident: z.object({
    id: z.uuid(),
    state: z.enum(INCIDENT_STATES),
    reporters: z.number().int(),
  }),
});
export type ReportAnswer = z.infer<typeof reportAnswerSchema>;

export const incidentParams = z.strictObject({ id: z.uuid() });
/** GET /incidents: near a point or in an area. */
export const incidentsQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  radius: z.coerce.number().int().min(100).max(10_000).optional(),
  areaId: z.uuid().optional(),
});
const note = z.string().trim().max(1000).optional();
const VERIFICATION_OUTCOMES = [
  'confirmed',
  'false_alarm',
  'not_seen',
] as const satisfies VerificationOutcome[];
export const verificationBody = z.strictObject({
  outcome: z.enum(VERIFICATION_OUTCOMES),
  note,
});
export const endIncidentBody = z.strictObject({ note }).nullish();
export const mergeIncidentBody = z.strictObject({ into: z.uuid() });
export const incidentStateResponse = z.object({ id: z.uuid(), state: z.string() });
export const mergeIncidentResponse = incidentStateResponse.extend({
  into: incidentStateResponse,
});

export const plateParams = z.strictObject({
  plate: z
    .string()
    .max(64)
    .refine((raw) => parsePlateKey(raw) !== null, 'not a licence plate')
    .describe('As written ("MN ABC 123", "ABC-1234") or as stored ("MN:ABC123")'),
});
/** GET /plates/:plate: all a lookup ever says. Not listed reads the same as never reported. */
export const plateLookupSchema = z.object({
  listed: z.boolean(),
  confirmedIncidents: z.number().int(),
  lastSeenDay: z.string().nullable().describe('YYYY-MM-DD, in the city'),
  areas: z.array(z.string()),
});
export type PlateLookup = z.infer<typeof plateLookupSchema>;
/** POST /plates/:plate/approvals */
export const plateApprovalSchema = z.object({ listed: z.boolean(), approvals: z.number().int() });
export type PlateApproval = z.infer<typeof plateApprovalSchema>;
export const plateApprovalBody = z.strictObject({}).nullish();
export const plateRemovalBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** Where a dispatch offer stands. */
export const DISPATCH_STATES = [
  'offered',
  'accepted',
  'declined',
  'on_scene',
  'clear',
  'stood_down',
  'expired',
] as const;
export type DispatchState = (typeof DISPATCH_STATES)[number];
const DISPATCH_RESPONSES = ['accept', 'decline', 'on_scene', 'clear'] as const;
export type DispatchResponse = (typeof DISPATCH_RESPONSES)[number];
export const dispatchParams = z.strictObject({ id: z.uuid() });
export const dispatchAnswerBody = z.strictObject({ response: z.enum(DISPATCH_RESPONSES) });
export const dispatchAnswerResponse = z.object({ id: z.uuid(), state: z.enum(DISPATCH_STATES) });

/** GET /dispatch/responders: the dispatcher console's responders of one area (ADR 0023). */
export const dispatchBoardQuery = z.strictObject({ areaId: z.uuid() });
/**
 * On-shift responders who would be dispatched for the area's incidents, each only as a coarse
 * cell (H3 resolution COARSE_RES, never a position), with their open dispatches.
 */
export const dispatchBoardSchema = z.object({
  responders: z.array(
    z.object({
      memberId: z.uuid(),
      handle: z.string(),
      cell: z.string(),
      /** The cell's corners, to draw it (the web app carries no H3 library). */
      outline: z.array(latLngSchema),
      dispatches: z.array(
        z.object({ id: z.uuid(), incidentId: z.uuid(), state: z.enum(DISPATCH_STATES) }),
      ),
    }),
  ),
});
export type DispatchBoard = z.infer<typeof dispatchBoardSchema>;
/** POST /incidents/:id/dispatches: a dispatcher offers the incident to one responder by hand. */
export const manualDispatchBody = z.strictObject({ memberId: z.uuid() });
/** POST /dispatches/:id/stand-down: a dispatcher stands a responder down. */
export const standDownBody = z.strictObject({}).nullish();

/** PUT /me/alerts */
export const alertPreferencesBody = z.strictObject({
  areaIds: z.array(z.uuid()).max(100),
  places: z.array(latLngSchema).max(MAX_PLACES),
  radiusMeters: z.number().int().min(300).max(10_000),
  minLevel: z.enum(ALERT_LEVELS),
});
export type AlertPreferencesInput = z.infer<typeof alertPreferencesBody>;
/** PUT /me/shift */
export const shiftBody = z.strictObject({
  onShift: z.boolean(),
  location: latLngSchema.optional(),
});
export const shiftResponse = z.object({ onShift: z.boolean() });

export const photoUploadParams = z.strictObject({ id: z.uuid() });
export const photoUploadQuery = z.strictObject({ id: z.uuid().optional() });
export const storedPhotoSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
});
export type StoredPhoto = z.infer<typeof storedPhotoSchema>;
export const photoItemSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  createdAt: z.string(),
});
export const reportPhotosParams = z.strictObject({ reportId: z.uuid() });
export const photoParams = z.strictObject({ reportId: z.uuid(), photoId: z.uuid() });

export const statsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30),
});
