import { z } from 'zod';
import type { AlertLevel } from '../incidents/alert-policy';
import type { IncidentState } from '../incidents/incident';

// Shapes of API answers that the server presents and the web app reads: one definition for all.
// The server's routes declare the schema as their response (OpenAPI documents it, the serializer
// holds each answer to it), its presenters return the type inferred from it, and the web app
// imports that type (only the type: zod stays out of the browser bundle). A field renamed on one
// side fails to compile on the others.

const INCIDENT_STATES = [
  'reported',
  'corroborated',
  'confirmed',
  'false_alarm',
  'ended',
  'merged',
] as const satisfies readonly IncidentState[];
const ALERT_LEVELS = ['unconfirmed', 'confirmed'] as const satisfies readonly AlertLevel[];

/** GET /areas/:areaId/stats: the area and the areas under it, no one named. */
export const areaStatsViewSchema = z.object({
  areaId: z.uuid(),
  days: z.number().int(),
  incidents: z.number().int(),
  falseAlarmRate: z.number(),
  medianMinutesToCorroborate: z.number().nullable(),
  medianMinutesToConfirm: z.number().nullable(),
  alertsDelivered: z.number().int(),
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
  activity: z.string().nullable(),
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
