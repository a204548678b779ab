import type { AlertKind, AlertLevel } from '@tocsin/core/incidents/alert-policy';
import type { IncidentState } from '@tocsin/core/incidents/incident';
import type { Role } from '@tocsin/core/identity/roles';
import type {
  AlertPreferencesView as AlertPreferences,
  HomeFeedView as HomeFeed,
  IncidentDetailView as IncidentDetail,
  IncidentSummaryView as IncidentSummary,
  StaffReportView as StaffReport,
  TimelineEntryView as TimelineEntry,
} from '@tocsin/core/api/views';

export type { AlertKind, AlertLevel, IncidentState, Role };
export type { AlertPreferences, HomeFeed, IncidentSummary };
/** GET /incidents/:id; the fields after timeline come only to the incident area's staff. */
export type { IncidentDetail, StaffReport, TimelineEntry };

/** GET /me */
export interface Me {
  id: string;
  handle: string;
  displayName: string | null;
  status: 'probation' | 'active' | 'suspended';
  sponsorId: string | null;
  language: string | null;
  roles: { areaId: string; role: Role }[];
}

export interface KnowYourRightsCard {
  lang: string;
  title: string;
  body: string;
  needsReview: boolean;
}

/** GET /city (public) */
export interface City {
  slug: string;
  name: string;
  timeZone: string;
  languages: string[];
  defaultAlertRadiusMeters: number;
  hotline: { text: string; phone?: string };
  knowYourRights: KnowYourRightsCard[];
  tiles?: { url: string; attribution: string };
}

/** GET /areas */
export interface Area {
  id: string;
  slug: string;
  name: string;
  kind: 'city' | 'neighborhood' | 'workplace';
  parentId: string | null;
}

/** GET /areas/outlines: the neighborhoods as GeoJSON (Polygon or MultiPolygon geometries). */
export interface AreaOutlines {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    properties: { name: string };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  }[];
}

export interface AlertPreferencesInput {
  areaIds: string[];
  places: { lat: number; lng: number }[];
  radiusMeters: number;
  minLevel: AlertLevel;
}

/** GET /me/sessions */
export interface SessionInfo {
  id: string;
  method: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

/** Registration answers (device key, passkey, recovery) */
export interface Enrolled {
  member: { id: string; handle: string };
  token: string;
  recoveryCodes: string[];
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** The incident inside a stream alert. */
export interface AlertIncident {
  id: string;
  state: IncidentState;
  activity: string | null;
  area: { id: string; name: string } | null;
  location: LatLng;
  reporters: number;
  at: string;
}

/** POST /reports body (the contract is core's reportInputSchema). */
export interface ReportBody {
  id: string;
  salute: {
    size?: string;
    activity: string;
    location?: { lat?: number; lng?: number; text?: string };
    uniform?: string;
    time?: string;
    equipment?: string;
  };
  plates?: string[];
  areaId?: string;
}

/** POST /reports answer */
export interface ReportAnswer {
  report: { id: string; plates: string[] };
  incident: { id: string; state: IncidentState; reporters: number };
}

export type VerificationOutcome = 'confirmed' | 'false_alarm' | 'not_seen';

export type DispatchState =
  'offered' | 'accepted' | 'declined' | 'on_scene' | 'clear' | 'stood_down' | 'expired';

export type DispatchResponse = 'accept' | 'decline' | 'on_scene' | 'clear';

/** GET /plates/:plate: all a lookup ever says. Not listed reads the same as never reported. */
export interface PlateLookup {
  listed: boolean;
  confirmedIncidents: number;
  /** YYYY-MM-DD, a day in the city. */
  lastSeenDay: string | null;
  areas: string[];
}

/** POST /plates/:plate/approvals */
export interface PlateApproval {
  listed: boolean;
  approvals: number;
}

export type MemberStatus = Me['status'];

/** POST /invites: the code is shown this once, never again. */
export interface CreatedInvite {
  code: string;
  url: string;
  expiresAt: string;
}

/** GET /invites: invites I made. */
export interface InviteInfo {
  id: string;
  areaId: string | null;
  role: Role | null;
  createdAt: string;
  expiresAt: string;
  state: 'open' | 'used' | 'revoked' | 'expired';
}

/** GET /areas/:areaId/members: for the area's organizers. */
export interface AreaMember {
  id: string;
  handle: string;
  displayName: string | null;
  status: MemberStatus;
  roles: Role[];
}

export type { GroupView as WorkingGroup } from '@tocsin/core/api/views';

export type { GroupMemberView as GroupMember } from '@tocsin/core/api/views';

export type { AreaStatsView as AreaStats } from '@tocsin/core/api/views';
