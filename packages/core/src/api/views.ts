import { z } from 'zod';
import type { AlertLevel } from '../incidents/alert-policy';
import type { IncidentState } from '../incidents/incident';

// Shapes of API answers that the server presents and the web app reads: one definition for all.
// The server's routes declare the schema as their response (OpenAPI documents it, the serializer
// holds each answer to it), its presenters return the type inferred from it, and the web app
// imports that type (only the type: zod stays out of the browser bundle). A field renamed on one
// side fails to compile on the others.

export const INCIDENT_STATES = [
  'reported',
  'corroborated',
  'confirmed',
  'false_alarm',
  'ended',
  'merged',
] as const satisfies readonly IncidentState[];
export const ALERT_LEVELS = ['unconfirmed', 'confirmed'] as const satisfies readonly AlertLevel[];

/** True only when a list names every member of a union: a state added to core but not here
 * would otherwise pass the compiler and make every answer holding it fail to serialize. */
type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const statesComplete: Complete<IncidentState, (typeof INCIDENT_STATES)[number]> = true;
const levelsComplete: Complete<AlertLevel, (typeof ALERT_LEVELS)[number]> = true;
void statesComplete;
void levelsComplete;

/** GET /areas/:areaId/stats: the area and the areas under it, no one named. */
export const areaStatsViewSchema = z.object({
  areaId: z.uuid(),
  days: z.number().int(),
  incidents: z.number().int(),
  falseAlarmRate: z.number(),
  medianMinutesToCorroborate: z.number().nullable(),
  medianMinutesToConfirm: z.number().nullable(),
  alertsDelivered: z.number().int(),
  /**
   * City-wide failed logins of the window (counts only, nothing about who or where): recovery
   * codes refused, recovery attempts refused while a handle was locked, invite codes refused.
   * Only for the city's own area; null for any area below it.
   */
  authFailures: z
    .object({
      recoveryFailed: z.number().int(),
      recoveryLocked: z.number().int(),
      inviteRefused: z.number().int(),
    })
    .nullable(),
  /**
   * The charts' figures: one line per area under (and including) the area that had incidents
   * in the window, one value per day of `days` (YYYY-MM-DD, city calendar). Every null is
   * "fewer than 5" (core statsSeries): counts under 5 are never sent.
   */
  series: z
    .object({
      days: z.array(z.string()),
      areas: z.array(
        z.object({
          areaId: z.uuid(),
          name: z.string(),
          incidentsByDay: z.array(z.number().int().nullable()),
          incidents: z.number().int().nullable(),
          falseAlarmRate: z.number().nullable(),
          medianMinutesToCorroborate: z.number().nullable(),
          medianMinutesToConfirm: z.number().nullable(),
        }),
      ),
    })
    .optional(),
});
export type AreaStatsView = z.infer<typeof areaStatsViewSchema>;

/** A working group of an area, as GET /areas/:areaId/groups lists it for one member. */
export const groupViewSchema = z.strictObject({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  memberCount: z.number().int(),
  joined: z.boolean(),
});
export type GroupView = z.infer<typeof groupViewSchema>;

/** GET /groups/:groupId/members */
export const groupMemberViewSchema = z.strictObject({
  id: z.uuid(),
  handle: z.string(),
  displayName: z.string().nullable(),
});
export type GroupMemberView = z.infer<typeof groupMemberViewSchema>;

/** GET and PUT /me/alerts: places come back as the centers of the coarse cells the server kept. */
export const alertPreferencesViewSchema = z.object({
  areaIds: z.array(z.uuid()),
  places: z.array(z.object({ cell: z.string(), lat: z.number(), lng: z.number() })),
  radiusMeters: z.number().int(),
  minLevel: z.enum(ALERT_LEVELS),
});
export type AlertPreferencesView = z.infer<typeof alertPreferencesViewSchema>;

/** GET /incidents: what any member who may see an incident is told: counts, never who. */
export const incidentSummaryViewSchema = z.object({
  id: z.uuid(),
  state: z.enum(INCIDENT_STATES),
  /** The reporter's words; with `activityCode`, what they added to the quick choice. */
  activity: z.string().nullable(),
  /**
   * The quick choice, as a code the reader's app words in its own language (activityHeadline).
   * A string, not the enum, so an app older than a new code still reads the answer; absent on
   * incidents and alerts from before codes.
   */
  activityCode: z.string().nullish(),
  area: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  location: z.object({ lat: z.number(), lng: z.number() }),
  reporters: z.number().int(),
  firstReportAt: z.iso.datetime(),
  lastReportAt: z.iso.datetime(),
  corroboratedAt: z.iso.datetime().nullable(),
  confirmedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  mergedInto: z.uuid().nullable(),
});
export type IncidentSummaryView = z.infer<typeof incidentSummaryViewSchema>;

/** GET /me/feed: what the home screen shows, in one answer. */
export const homeFeedViewSchema = z.object({
  preferences: alertPreferencesViewSchema,
  incidents: z.array(incidentSummaryViewSchema),
});
export type HomeFeedView = z.infer<typeof homeFeedViewSchema>;

/** One line of an incident's timeline; notes only for the area's staff. */
export const timelineEntryViewSchema = z.object({
  at: z.iso.datetime(),
  kind: z.string(),
  from: z.enum(INCIDENT_STATES).nullable(),
  to: z.enum(INCIDENT_STATES),
  role: z.string(),
  note: z.string().optional(),
});
export type TimelineEntryView = z.infer<typeof timelineEntryViewSchema>;

/** What a reporter gave (SALUTE), as stored: coordinates only as the bounded cell's center. */
const storedSaluteSchema = z.object({
  size: z.string().optional(),
  activity: z.string().optional(),
  activityCode: z.string().optional(),
  location: z
    .object({
      lat: z.number().optional(),
      lng: z.number().optional(),
      text: z.string().optional(),
    })
    .optional(),
  uniform: z.string().optional(),
  time: z.string().optional(),
  equipment: z.string().optional(),
});

/** One report of an incident, as the area's staff see it. */
export const staffReportViewSchema = z.object({
  id: z.uuid(),
  receivedAt: z.iso.datetime(),
  observedAt: z.iso.datetime().nullable(),
  /** The column allows none; every report the server writes has one. */
  salute: storedSaluteSchema.nullable(),
  plates: z.array(z.string()),
});
export type StaffReportView = z.infer<typeof staffReportViewSchema>;

/** GET /incidents/:id: the fields after `timeline` come only to the incident area's staff. */
export const incidentDetailViewSchema = incidentSummaryViewSchema.extend({
  timeline: z.array(timelineEntryViewSchema),
  independentReporters: z.number().int().optional(),
  notSeen: z.number().int().optional(),
  reports: z.array(staffReportViewSchema).optional(),
  going: z.array(z.object({ handle: z.string(), state: z.string() })).optional(),
  photos: z.array(z.object({ id: z.uuid(), reportId: z.uuid() })).optional(),
});
export type IncidentDetailView = z.infer<typeof incidentDetailViewSchema>;
