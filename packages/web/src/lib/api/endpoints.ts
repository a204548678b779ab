import { api } from './client';
import type { LatLng } from '@tocsin/core/geo/lat-lng';
import type { OperationKey, RequestBody, ResponseBody } from '@tocsin/core/api/contract';

/** What the server answers to an operation: its schema in core's contract, inferred. */
type Answer<K extends OperationKey> = ResponseBody<K>;
type Body<K extends OperationKey> = RequestBody<K>;

const enc = encodeURIComponent;

/** The typed routes of /api/v1 this app calls, one function each. */
export const endpoints = {
  city: () => api.get<Answer<'GET /api/v1/city'>>('/city'),
  /** The city's street gazetteer, for places read from pasted text (report form only). */
  cityPlaces: () => api.get<Answer<'GET /api/v1/city/places'>>('/city/places'),
  /** Preloaded by `public/early-requests.js`, as is `homeFeed`. */
  me: () => api.get<Answer<'GET /api/v1/me'>>('/me'),
  updateMe: (body: Body<'PATCH /api/v1/me'>) => api.patch<Answer<'PATCH /api/v1/me'>>('/me', body),
  areas: () => api.get<Answer<'GET /api/v1/areas'>>('/areas'),
  areaOutlines: () => api.get<Answer<'GET /api/v1/areas/outlines'>>('/areas/outlines'),
  /** My alert settings and the incidents they cover, for the home screen. */
  homeFeed: () => api.get<Answer<'GET /api/v1/me/feed'>>('/me/feed'),
  saveAlertPreferences: (body: Body<'PUT /api/v1/me/alerts'>) =>
    api.put<Answer<'PUT /api/v1/me/alerts'>>('/me/alerts', body),
  sessions: () => api.get<Answer<'GET /api/v1/me/sessions'>>('/me/sessions'),
  endSession: (id: string) => api.delete<void>(`/me/sessions/${encodeURIComponent(id)}`),
  endAllSessions: () => api.post<void>('/me/sessions/revoke-all'),
  logout: () => api.post<void>('/auth/logout'),

  registerDeviceKey: (invite: string, publicKey: string) =>
    api.post<Answer<'POST /api/v1/auth/device/register'>>('/auth/device/register', {
      invite,
      publicKey,
    }),
  deviceChallenge: (publicKey: string) =>
    api.post<Answer<'POST /api/v1/auth/device/challenge'>>('/auth/device/challenge', { publicKey }),
  deviceLogin: (body: Body<'POST /api/v1/auth/device/login'>) =>
    api.post<Answer<'POST /api/v1/auth/device/login'>>('/auth/device/login', body),
  recover: (handle: string, code: string, publicKey?: string) =>
    api.post<Answer<'POST /api/v1/auth/recover'>>(
      '/auth/recover',
      publicKey ? { handle, code, publicKey } : { handle, code },
    ),
  devices: () => api.get<Answer<'GET /api/v1/me/devices'>>('/me/devices'),
  revokeDevice: (id: string) => api.delete<void>(`/me/devices/${encodeURIComponent(id)}`),
  passkeyRegisterOptions: (invite?: string) =>
    api.post<Answer<'POST /api/v1/auth/passkey/register/options'>>(
      '/auth/passkey/register/options',
      invite ? { invite } : {},
    ),
  passkeyRegisterVerify: (body: { ceremonyId: string; invite?: string; response: unknown }) =>
    api.post<Answer<'POST /api/v1/auth/passkey/register/verify'>>(
      '/auth/passkey/register/verify',
      body,
    ),
  passkeyLoginOptions: () =>
    api.post<Answer<'POST /api/v1/auth/passkey/login/options'>>('/auth/passkey/login/options', {}),
  passkeyLoginVerify: (body: { ceremonyId: string; response: unknown }) =>
    api.post<Answer<'POST /api/v1/auth/passkey/login/verify'>>('/auth/passkey/login/verify', body),

  report: (body: Body<'POST /api/v1/reports'>) =>
    api.post<Answer<'POST /api/v1/reports'>>('/reports', body),
  incidentsInArea: (areaId: string) =>
    api.get<Answer<'GET /api/v1/incidents'>>(`/incidents?areaId=${encodeURIComponent(areaId)}`),
  incidentsNear: (lat: number, lng: number, radius: number) =>
    api.get<Answer<'GET /api/v1/incidents'>>(`/incidents?lat=${lat}&lng=${lng}&radius=${radius}`),
  incident: (id: string) =>
    api.get<Answer<'GET /api/v1/incidents/:id'>>(`/incidents/${encodeURIComponent(id)}`),
  verify: (id: string, outcome: Body<'POST /api/v1/incidents/:id/verification'>['outcome']) =>
    api.post<Answer<'POST /api/v1/incidents/:id/verification'>>(
      `/incidents/${encodeURIComponent(id)}/verification`,
      {
        outcome,
      },
    ),
  setShift: (onShift: boolean, location?: LatLng) =>
    api.put<Answer<'PUT /api/v1/me/shift'>>(
      '/me/shift',
      location ? { onShift, location } : { onShift },
    ),
  answerDispatch: (id: string, response: Body<'POST /api/v1/dispatches/:id'>['response']) =>
    api.post<Answer<'POST /api/v1/dispatches/:id'>>(`/dispatches/${encodeURIComponent(id)}`, {
      response,
    }),
  /** The dispatcher console's on-shift responders of an area, as coarse cells. */
  dispatchBoard: (areaId: string) =>
    api.get<Answer<'GET /api/v1/dispatch/responders'>>(
      `/dispatch/responders?areaId=${encodeURIComponent(areaId)}`,
    ),
  dispatchByHand: (incidentId: string, memberId: string) =>
    api.post<Answer<'POST /api/v1/incidents/:id/dispatches'>>(
      `/incidents/${encodeURIComponent(incidentId)}/dispatches`,
      { memberId },
    ),
  standDown: (dispatchId: string) =>
    api.post<Answer<'POST /api/v1/dispatches/:id/stand-down'>>(
      `/dispatches/${encodeURIComponent(dispatchId)}/stand-down`,
      {},
    ),
  mergeIncident: (id: string, into: string) =>
    api.post<Answer<'POST /api/v1/incidents/:id/merge'>>(
      `/incidents/${encodeURIComponent(id)}/merge`,
      {
        into,
      },
    ),
  endIncident: (id: string) =>
    api.post<Answer<'POST /api/v1/incidents/:id/end'>>(
      `/incidents/${encodeURIComponent(id)}/end`,
      {},
    ),

  lookupPlate: (plate: string) =>
    api.get<Answer<'GET /api/v1/plates/:plate'>>(`/plates/${enc(plate)}`),
  approvePlate: (plate: string) =>
    api.post<Answer<'POST /api/v1/plates/:plate/approvals'>>(`/plates/${enc(plate)}/approvals`, {}),

  createInvite: (body: Body<'POST /api/v1/invites'>) =>
    api.post<Answer<'POST /api/v1/invites'>>('/invites', body),
  invites: () => api.get<Answer<'GET /api/v1/invites'>>('/invites'),
  revokeInvite: (id: string) => api.delete<void>(`/invites/${enc(id)}`),
  areaMembers: (areaId: string) =>
    api.get<Answer<'GET /api/v1/areas/:areaId/members'>>(`/areas/${enc(areaId)}/members`),
  approveMember: (id: string) =>
    api.post<Answer<'POST /api/v1/members/:id/approve'>>(`/members/${enc(id)}/approve`),
  vouchForHandle: (handle: string) =>
    api.post<Answer<'POST /api/v1/members/vouch'>>('/members/vouch', { handle }),
  vouchFor: (id: string) =>
    api.post<Answer<'POST /api/v1/members/:id/vouch'>>(`/members/${enc(id)}/vouch`),
  suspendMember: (id: string, reason: string) =>
    api.post<Answer<'POST /api/v1/members/:id/suspend'>>(`/members/${enc(id)}/suspend`, { reason }),
  reinstateMember: (id: string) =>
    api.post<Answer<'POST /api/v1/members/:id/reinstate'>>(`/members/${enc(id)}/reinstate`),
  setAreaRoles: (
    areaId: string,
    memberId: string,
    roles: Body<'PUT /api/v1/areas/:areaId/members/:memberId/roles'>['roles'],
  ) =>
    api.put<Answer<'PUT /api/v1/areas/:areaId/members/:memberId/roles'>>(
      `/areas/${enc(areaId)}/members/${enc(memberId)}/roles`,
      { roles },
    ),
  roleGrants: () => api.get<Answer<'GET /api/v1/role-grants'>>('/role-grants'),
  countersignGrant: (id: string) =>
    api.post<Answer<'POST /api/v1/role-grants/:id/countersign'>>(
      `/role-grants/${enc(id)}/countersign`,
    ),
  refuseGrant: (id: string) =>
    api.post<Answer<'POST /api/v1/role-grants/:id/refuse'>>(`/role-grants/${enc(id)}/refuse`),
  groups: (areaId: string) =>
    api.get<Answer<'GET /api/v1/areas/:areaId/groups'>>(`/areas/${enc(areaId)}/groups`),
  createGroup: (areaId: string, body: Body<'POST /api/v1/areas/:areaId/groups'>) =>
    api.post<Answer<'POST /api/v1/areas/:areaId/groups'>>(`/areas/${enc(areaId)}/groups`, body),
  joinGroup: (id: string) =>
    api.post<Answer<'POST /api/v1/groups/:groupId/join'>>(`/groups/${enc(id)}/join`),
  leaveGroup: (id: string) =>
    api.post<Answer<'POST /api/v1/groups/:groupId/leave'>>(`/groups/${enc(id)}/leave`),
  groupMembers: (id: string) =>
    api.get<Answer<'GET /api/v1/groups/:groupId/members'>>(`/groups/${enc(id)}/members`),
  areaStats: (areaId: string, days: number) =>
    api.get<Answer<'GET /api/v1/areas/:areaId/stats'>>(`/areas/${enc(areaId)}/stats?days=${days}`),

  // Organizing writes the offline outbox sends (they start with the app); the other
  // organizing routes are in organizing-endpoints.ts, loaded with their screens.
  askToSpeak: (id: string, body: Body<'POST /api/v1/meetings/:id/speakers'>) =>
    api.post<Answer<'POST /api/v1/meetings/:id/speakers'>>(`/meetings/${enc(id)}/speakers`, body),
  withdrawSpeaker: (id: string) =>
    api.delete<Answer<'DELETE /api/v1/meetings/:id/speakers/me'>>(
      `/meetings/${enc(id)}/speakers/me`,
    ),
  ballot: (motionId: string, body: Body<'POST /api/v1/motions/:id/ballots'>) =>
    api.post<Answer<'POST /api/v1/motions/:id/ballots'>>(`/motions/${enc(motionId)}/ballots`, body),
  door: (turfId: string, body: Body<'POST /api/v1/turfs/:id/doors'>) =>
    api.post<Answer<'POST /api/v1/turfs/:id/doors'>>(`/turfs/${enc(turfId)}/doors`, body),
};
