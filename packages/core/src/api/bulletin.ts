import { z } from 'zod';
import { POST_KINDS } from '../bulletin/digest';
import { isClockTime } from '../bulletin/quiet-hours';

// Request bodies and answers of the bulletin (posts, the home bulletin, follows, the digest) and
// of events (days of action, RSVPs, roles, the calendar). The table in ./contract names the
// routes. Writes may carry `requestId`, a UUID the client makes once per intended action: a
// repeat with the same id changes nothing and gets the first answer again.

const clockTime = z
  .string()
  .max(5)
  .refine(isClockTime, { message: 'a time of day like 19:00' })
  .describe('HH:MM, 24-hour, on the city clock');

const text = (max: number) => z.string().trim().min(1).max(max);

export const POST_AUDIENCES = ['city', 'area', 'body'] as const;
export const POST_STATUSES = ['pending', 'published', 'withdrawn'] as const;
/** What Tocsin posted by itself, from what it already knows. */
export const AUTO_POST_TYPES = [
  'meeting_scheduled',
  'decision_recorded',
  'event_announced',
  'incidents_summary',
] as const;
export type AutoPostType = (typeof AUTO_POST_TYPES)[number];

/** POST /bodies/:bodyId/posts */
export const newPostBody = z.strictObject({
  requestId: z.uuid().optional(),
  kind: z.enum(POST_KINDS),
  title: text(140),
  text: z.string().trim().max(4_000).default(''),
  /** Officers may pin a post to the top of their audience's bulletin for a week. */
  pinned: z.boolean().optional(),
});

export const postParams = z.strictObject({ id: z.uuid() });

/** Facts of an automatic post, rendered in the reader's language by the app. */
export const autoPostSchema = z.strictObject({
  type: z.enum(AUTO_POST_TYPES),
  /** The meeting, decision or event it tells of; null for a summary. */
  refId: z.uuid().nullable(),
  startsAt: z.iso.datetime().nullable(),
  /** incidents_summary: the city day and the confirmed count of the area (counts only). */
  day: z.string().nullable(),
  count: z.number().int().nullable(),
});
export type AutoPost = z.infer<typeof autoPostSchema>;

export const postSchema = z.strictObject({
  id: z.uuid(),
  body: z.strictObject({ id: z.uuid(), name: z.string() }),
  kind: z.enum(POST_KINDS),
  title: z.string(),
  text: z.string(),
  audience: z.enum(POST_AUDIENCES),
  /** The area reached (and the areas under it) for `area`; the city's for `city`. */
  areaName: z.string().nullable(),
  status: z.enum(POST_STATUSES),
  pinned: z.boolean(),
  /** Null for automatic posts. */
  author: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
  auto: autoPostSchema.nullable(),
  /** The event an event post announces. */
  eventId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});
export type PostView = z.infer<typeof postSchema>;

/** GET /me/bulletin?before= : the member's one calm list. */
export const bulletinQuery = z.strictObject({
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const FOLLOW_STATES = ['follow', 'mute', 'default'] as const;
export const bulletinSchema = z.strictObject({
  /** Pinned posts (first page only). */
  pinned: z.array(postSchema),
  items: z.array(postSchema),
  /** Pass as `before` for the next page; null at the end. */
  next: z.iso.datetime().nullable(),
});
export type BulletinView = z.infer<typeof bulletinSchema>;

/** GET /posts/pending: city-wide posts waiting for a second person that the caller may approve. */
export const pendingPostsSchema = z.array(postSchema);

/** PUT /bodies/:bodyId/follow */
export const followBody = z.strictObject({ state: z.enum(FOLLOW_STATES) });
export const followSchema = z.strictObject({
  bodyId: z.uuid(),
  state: z.enum(FOLLOW_STATES),
});

export const quietHoursSchema = z.strictObject({ start: clockTime, end: clockTime });

/** PUT /me/digest */
export const digestSettingsBody = z.strictObject({
  time: clockTime,
  quietHours: quietHoursSchema.nullable(),
});
export const digestSettingsSchema = z.strictObject({
  time: clockTime,
  quietHours: quietHoursSchema.nullable(),
  timeZone: z.string(),
  follows: z.array(followSchema.extend({ bodyName: z.string() })),
});
export type DigestSettingsView = z.infer<typeof digestSettingsSchema>;

/** GET /me/digest?day= (a city day; today when left out). */
export const digestQuery = z.strictObject({
  day: z.iso.date().optional(),
});
const digestPostSchema = z.strictObject({
  id: z.uuid(),
  bodyName: z.string(),
  kind: z.enum(POST_KINDS),
  title: z.string(),
});
export const digestSchema = z.strictObject({
  day: z.string(),
  language: z.string(),
  counts: z.strictObject({
    confirmedIncidents: z.number().int(),
    decisions: z.number().int(),
    openNeeds: z.number().int(),
    eventsTomorrow: z.number().int(),
    posts: z.number().int(),
  }),
  incidents: z.array(
    z.strictObject({ areaId: z.uuid(), areaName: z.string(), confirmed: z.number().int() }),
  ),
  decisions: z.array(digestPostSchema),
  meetings: z.array(digestPostSchema),
  announcements: z.array(digestPostSchema),
  needs: z.array(digestPostSchema),
  eventsTomorrow: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      bodyName: z.string(),
      startsAt: z.iso.datetime(),
    }),
  ),
  empty: z.boolean(),
});
export type DigestView = z.infer<typeof digestSchema>;

// Events

export const EVENT_VISIBILITIES = ['members', 'public'] as const;
export const RSVP_ANSWERS = ['going', 'maybe', 'no'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** A role name: marshal, medic, legal observer, driver, translator, or the body's own. */
const roleName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _-]+$/u, 'letters, digits, spaces, - and _');

/** POST /bodies/:bodyId/events */
export const newEventBody = z
  .strictObject({
    requestId: z.uuid().optional(),
    title: text(140),
    description: z.string().trim().max(4_000).default(''),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    /** The exact meeting point: members only. */
    place: text(200),
    /** What the public page says instead: a neighborhood, a park, never a doorstep. */
    publicPlace: z.string().trim().max(120).optional(),
    /** A point for the map, kept only as the center of a coarse cell. */
    point: z
      .strictObject({
        lat: z.number().min(-90).max(90),
        lng: z.number().min(-180).max(180),
      })
      .optional(),
    visibility: z.enum(EVENT_VISIBILITIES).default('members'),
    roles: z
      .array(z.strictObject({ role: roleName, needed: z.number().int().min(0).max(10_000) }))
      .max(20)
      .default([]),
  })
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    message: 'must be after startsAt',
    path: ['endsAt'],
  })
  .refine((e) => new Set(e.roles.map((r) => r.role.toLowerCase())).size === e.roles.length, {
    message: 'each role once',
    path: ['roles'],
  });

export const eventParams = z.strictObject({ id: z.uuid() });
export const eventsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  bodyId: z.uuid().optional(),
});

/** A count of people as shown: exact to organizers; else fewer than 5 or a step of 5. */
export const headcountSchema = z.strictObject({
  kind: z.enum(['exact', 'at_least', 'fewer_than']),
  n: z.number().int(),
});

export const eventSummarySchema = z.strictObject({
  id: z.uuid(),
  body: z.strictObject({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** The coarse place (the public one, or the body's area). */
  publicPlace: z.string(),
  /** The center of the coarse cell, for the map. */
  point: z.strictObject({ lat: z.number(), lng: z.number() }).nullable(),
  visibility: z.enum(EVENT_VISIBILITIES),
  going: headcountSchema,
  myAnswer: z.enum(RSVP_ANSWERS).nullable(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const eventSchema = eventSummarySchema.extend({
  description: z.string(),
  place: z.string(),
  maybe: headcountSchema,
  roles: z.array(
    z.strictObject({
      role: z.string(),
      needed: z.number().int(),
      signedUp: headcountSchema,
      /** Organizers only: role holders who chose to be listed for coordination. */
      listed: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
    }),
  ),
  checkedIn: headcountSchema.nullable(),
  myRole: z.string().nullable(),
  myListed: z.boolean(),
  myCheckedIn: z.boolean(),
  /** Whether the caller organizes it (sees exact counts, writes the after-action note). */
  organizer: z.boolean(),
  afterAction: z.string().nullable(),
  /** The shareable page of a public event; null for members-only events. */
  publicUrl: z.string().nullable(),
});
export type EventView = z.infer<typeof eventSchema>;

/** PUT /events/:id/rsvp */
export const rsvpBody = z.strictObject({
  answer: z.enum(RSVP_ANSWERS),
  role: roleName.nullable().optional(),
  /** Let the organizers see my name beside my role, for coordination. */
  listed: z.boolean().optional(),
});

/** PUT /events/:id/after-action */
export const afterActionBody = z.strictObject({ note: z.string().trim().max(4_000) });

/** GET /me/calendar, POST /me/calendar/rotate */
export const calendarUrlSchema = z.strictObject({ url: z.string() });
/** GET /me/calendar.ics?key= and /bodies/:bodyId/calendar.ics?key= */
export const calendarQuery = z.strictObject({
  key: z.string().max(200),
});
