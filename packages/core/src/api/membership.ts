import { z } from 'zod';
import { ROLES, roleSchema, type MemberStatus } from '../identity/roles';
import { publicKeySchema } from './auth';

// Request bodies and answers of the membership routes: me, members, invites, the city, its
// areas and working groups, push subscriptions. The table in ./contract names the routes.

const MEMBER_STATUSES = ['probation', 'active', 'suspended'] as const satisfies MemberStatus[];
const memberStatus = z.enum(MEMBER_STATUSES);

/** GET /me */
export const meSchema = z.object({
  id: z.uuid(),
  handle: z.string(),
  displayName: z.string().nullable(),
  status: memberStatus,
  sponsorId: z.uuid().nullable(),
  language: z.string().nullable(),
  roles: z.array(z.object({ areaId: z.uuid(), role: roleSchema })),
  /** The member's own calendar feed (events of their bodies), rotated by POST /me/calendar/rotate. */
  calendarUrl: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/** PATCH /me */
export const updateMeBody = z.strictObject({
  displayName: z.string().trim().min(1).max(60).nullable().optional(),
  language: z
    .string()
    .trim()
    .max(35)
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language tag like es or hmn')
    .nullable()
    .optional(),
});

/** GET /me/sessions */
export const sessionSchema = z.object({
  id: z.uuid(),
  method: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const sessionParams = z.strictObject({ sessionId: z.uuid() });

/**
 * GET /me/devices: the credentials that can open a session: device keys and passkeys. Days
 * only, never times: a list read off a seized phone tells no more than it must.
 */
export const deviceSchema = z.object({
  id: z.string(),
  kind: z.enum(['device_key', 'passkey']),
  name: z.string(),
  createdDay: z.iso.date(),
  lastUsedDay: z.iso.date().nullable(),
  /** The credential this session was opened with. */
  current: z.boolean(),
});
export type DeviceInfo = z.infer<typeof deviceSchema>;
/** A device key id (uuid) or a passkey credential id (base64url). */
export const deviceParams = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/, 'a device id'),
});
export const deviceKeyBody = z.strictObject({ publicKey: publicKeySchema });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()).length(10) });

export const memberParams = z.strictObject({ id: z.uuid() });
/** POST /members/vouch: in person, from the member's QR code or their handle typed in. */
export const vouchBody = z.strictObject({ handle: z.string().trim().min(1).max(64) });
export const memberStatusResponse = z.object({ status: memberStatus });
export const suspendBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const suspendResponse = z.object({
  status: z.literal('suspended'),
  sessionsRevoked: z.number().int(),
  invitesRevoked: z.number().int(),
});
export const areaMemberParams = z.strictObject({ areaId: z.uuid(), memberId: z.uuid() });
export const rolesBody = z.strictObject({ roles: z.array(roleSchema).max(6) });
/** A role change waiting for (or decided by) a second organizer or admin. */
export const roleGrantSchema = z.object({
  id: z.uuid(),
  member: z.object({ id: z.uuid(), handle: z.string() }),
  areaId: z.uuid(),
  role: roleSchema,
  kind: z.enum(['grant', 'revoke']).describe('revoke: taking the admin role from someone'),
  requestedBy: z.object({ id: z.uuid(), handle: z.string() }).nullable(),
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: z.enum(['pending', 'countersigned', 'refused', 'withdrawn', 'expired']),
  mayCountersign: z.boolean().describe('Whether the caller may countersign it'),
});
export type RoleGrantView = z.infer<typeof roleGrantSchema>;
export const roleGrantParams = z.strictObject({ id: z.uuid() });

/**
 * PUT /areas/:areaId/members/:memberId/roles: `roles` held now; `pending` the grants of verifier,
 * dispatcher, organizer or admin (and any removal of an admin) that wait for a countersign.
 */
export const rolesResponse = z.object({
  roles: z.array(roleSchema),
  pending: z.array(roleGrantSchema),
});

/** GET /areas/:areaId/members: for the area's organizers. */
export const areaMemberSchema = z.object({
  id: z.uuid(),
  handle: z.string(),
  displayName: z.string().nullable(),
  status: memberStatus,
  roles: z.array(roleSchema),
});
export type AreaMember = z.infer<typeof areaMemberSchema>;

/** The most people one meeting invite can let in, and its longest life. */
export const MEETING_INVITE_LIMITS = { maxUses: 1000, maxHours: 48 } as const;

/**
 * POST /invites. Without `uses`, `expiresInHours` and `label` it is the single-use invite of
 * seven days; with them, a meeting invite (organizers): up to 1,000 people join with one code.
 */
export const inviteBody = z.strictObject({
  areaId: z.uuid().optional(),
  role: roleSchema.optional(),
  uses: z.number().int().min(1).max(MEETING_INVITE_LIMITS.maxUses).optional(),
  expiresInHours: z.number().int().min(1).max(MEETING_INVITE_LIMITS.maxHours).optional(),
  label: z.string().trim().min(1).max(80).optional(),
});
export type InviteBody = z.infer<typeof inviteBody>;
/** POST /invites: the code is shown this once, never again. */
export const createdInviteSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  url: z.string(),
  expiresAt: z.iso.datetime(),
  uses: z.number().int(),
});
export type CreatedInvite = z.infer<typeof createdInviteSchema>;

export const inviteParams = z.strictObject({ id: z.uuid() });

/** GET /invites: invites I made. */
export const inviteInfoSchema = z.object({
  id: z.uuid(),
  areaId: z.uuid().nullable(),
  role: roleSchema.nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  state: z.enum(['open', 'used', 'revoked', 'expired']),
  /** How many people the invite lets in (1 unless a meeting invite), and how many joined. */
  uses: z.number().int(),
  used: z.number().int(),
  label: z.string().nullable(),
});
export type InviteInfo = z.infer<typeof inviteInfoSchema>;

/** GET /city (public): what the join page shows before an account exists. */
export const publicCitySchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  languages: z.array(z.string()),
  defaultAlertRadiusMeters: z.number().int(),
  hotline: z.strictObject({
    text: z.string(),
    phone: z.string().optional(),
    /** The text in the pack's other languages; absent from servers before translations. */
    translations: z
      .array(z.strictObject({ lang: z.string(), text: z.string(), needsReview: z.boolean() }))
      .optional(),
  }),
  knowYourRights: z.array(
    z.strictObject({
      lang: z.string(),
      title: z.string(),
      body: z.string(),
      needsReview: z.boolean(),
    }),
  ),
  tiles: z.strictObject({ url: z.string(), attribution: z.string() }).optional(),
  /** Plates without a state are this state's (core canonicalPlate). */
  plateDefaultState: z.string().optional(),
});
export type City = z.infer<typeof publicCitySchema>;
export type KnowYourRightsCard = City['knowYourRights'][number];

/** GET /areas */
export const areaSchema = z.strictObject({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(['city', 'neighborhood', 'workplace']),
  parentId: z.uuid().nullable(),
});
export type Area = z.infer<typeof areaSchema>;

/** GET /areas/:areaId and the answers of creating and joining one. */
export const areaDetailsSchema = areaSchema.extend({
  sector: z.string().nullable().optional().describe('Workplaces only'),
  headcount: z.number().int().nullable().optional().describe('Workplaces only'),
  myRoles: z.array(z.enum(ROLES)).describe('Your roles held in exactly this area'),
});
export const areaParams = z.strictObject({ areaId: z.uuid() });
export const newWorkplaceBody = z.strictObject({
  id: z.uuid().optional().describe('Client-generated, so a retry does not create twice'),
  kind: z.literal('workplace'),
  name: z.string().trim().min(1).max(200),
  sector: z.string().trim().min(1).max(100).optional(),
  headcount: z.number().int().min(1).max(1_000_000).optional(),
  parentId: z.uuid(),
});

/** A neighborhood's outline geometry, as loaded from the city pack. */
export interface OutlineGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

/** GET /areas/outlines: the neighborhoods as GeoJSON. */
export const areaOutlinesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.uuid(),
      properties: z.object({ name: z.string() }),
      // Passed through as the city pack gave it (checked when the pack was loaded), so the
      // answer is not re-validated; the type says what the pack loader admits.
      geometry: z.unknown() as z.ZodType<OutlineGeometry>,
    }),
  ),
});
export type AreaOutlines = z.infer<typeof areaOutlinesSchema>;

export const groupParams = z.strictObject({ groupId: z.uuid() });
/** POST /areas/:areaId/groups */
export const newGroupBody = z.strictObject({
  id: z.uuid().optional().describe('Client-generated, so a retry does not create twice'),
  name: z.string().trim().min(1).max(100),
});

const pushEndpoint = z
  .url()
  .max(2048)
  .refine((value) => value.startsWith('https://'), { message: 'must be an https URL' });
const pushKey = z
  .string()
  .max(256)
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'base64url');

export const pushKeyResponse = z.object({ publicKey: z.string() });
/** POST /me/push-subscriptions: PushSubscription.toJSON() */
export const pushSubscriptionBody = z.strictObject({
  endpoint: pushEndpoint,
  keys: z.strictObject({ p256dh: pushKey, auth: pushKey }),
  // PushSubscription.toJSON() includes it; the server does not use it.
  expirationTime: z.number().nullable().optional(),
});
export const pushSubscriptionResponse = z.object({ id: z.uuid(), createdAt: z.iso.datetime() });
export const pushUnsubscribeBody = z.strictObject({ endpoint: pushEndpoint });
