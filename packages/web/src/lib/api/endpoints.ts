import { api } from './client';
import type {
  HomeFeed,
  AlertPreferences,
  AlertPreferencesInput,
  Area,
  AreaOutlines,
  City,
  Enrolled,
  IncidentDetail,
  IncidentSummary,
  Me,
  DispatchResponse,
  DispatchState,
  LatLng,
  ReportAnswer,
  ReportBody,
  SessionInfo,
  VerificationOutcome,
  AreaMember,
  AreaStats,
  CreatedInvite,
  GroupMember,
  InviteInfo,
  PlateApproval,
  PlateLookup,
  Role,
  WorkingGroup,
} from './types';

const enc = encodeURIComponent;

/** The typed routes of /api/v1 this app calls, one function each. */
export const endpoints = {
  city: () => api.get<City>('/city'),
  /** Preloaded by `public/early-requests.js`, as is `homeFeed`. */
  me: () => api.get<Me>('/me'),
  updateMe: (body: { language?: string | null; displayName?: string | null }) =>
    api.patch<Me>('/me', body),
  areas: () => api.get<Area[]>('/areas'),
  areaOutlines: () => api.get<AreaOutlines>('/areas/outlines'),
  /** My alert settings and the incidents they cover, for the home screen. */
  homeFeed: () => api.get<HomeFeed>('/me/feed'),
  saveAlertPreferences: (body: AlertPreferencesInput) =>
    api.put<AlertPreferences>('/me/alerts', body),
  sessions: () => api.get<SessionInfo[]>('/me/sessions'),
  endSession: (id: string) => api.delete<void>(`/me/sessions/${encodeURIComponent(id)}`),
  endAllSessions: () => api.post<void>('/me/sessions/revoke-all'),
  logout: () => api.post<void>('/auth/logout'),

  registerDeviceKey: (invite: string, publicKey: string) =>
    api.post<Enrolled>('/auth/device/register', { invite, publicKey }),
  deviceChallenge: (publicKey: string) =>
    api.post<{ challenge: string }>('/auth/device/challenge', { publicKey }),
  deviceLogin: (body: { publicKey: string; challenge: string; signature: string }) =>
    api.post<{ token: string }>('/auth/device/login', body),
  recover: (code: string, publicKey?: string) =>
    api.post<{ member: { id: string; handle: string }; recoveryCodesLeft: number }>(
      '/auth/recover',
      publicKey ? { code, publicKey } : { code },
    ),
  passkeyRegisterOptions: (invite?: string) =>
    api.post<{ ceremonyId: string; options: unknown }>(
      '/auth/passkey/register/options',
      invite ? { invite } : {},
    ),
  passkeyRegisterVerify: (body: { ceremonyId: string; invite?: string; response: unknown }) =>
    api.post<Enrolled | { credentialId: string }>('/auth/passkey/register/verify', body),
  passkeyLoginOptions: () =>
    api.post<{ ceremonyId: string; options: unknown }>('/auth/passkey/login/options', {}),
  passkeyLoginVerify: (body: { ceremonyId: string; response: unknown }) =>
    api.post<{ token: string }>('/auth/passkey/login/verify', body),

  report: (body: ReportBody) => api.post<ReportAnswer>('/reports', body),
  incidentsInArea: (areaId: string) =>
    api.get<IncidentSummary[]>(`/incidents?areaId=${encodeURIComponent(areaId)}`),
  incidentsNear: (lat: number, lng: number, radius: number) =>
    api.get<IncidentSummary[]>(`/incidents?lat=${lat}&lng=${lng}&radius=${radius}`),
  incident: (id: string) => api.get<IncidentDetail>(`/incidents/${encodeURIComponent(id)}`),
  verify: (id: string, outcome: VerificationOutcome) =>
    api.post<{ id: string; state: string }>(`/incidents/${encodeURIComponent(id)}/verification`, {
      outcome,
    }),
  setShift: (onShift: boolean, location?: LatLng) =>
    api.put<{ onShift: boolean }>('/me/shift', location ? { onShift, location } : { onShift }),
  answerDispatch: (id: string, response: DispatchResponse) =>
    api.post<{ id: string; state: DispatchState }>(`/dispatches/${encodeURIComponent(id)}`, {
      response,
    }),
  mergeIncident: (id: string, into: string) =>
    api.post<{ id: string; state: string }>(`/incidents/${encodeURIComponent(id)}/merge`, {
      into,
    }),
  endIncident: (id: string) =>
    api.post<{ id: string; state: string }>(`/incidents/${encodeURIComponent(id)}/end`, {}),

  lookupPlate: (plate: string) => api.get<PlateLookup>(`/plates/${enc(plate)}`),
  approvePlate: (plate: string) => api.post<PlateApproval>(`/plates/${enc(plate)}/approvals`, {}),

  createInvite: (body: { areaId?: string; role?: Role }) =>
    api.post<CreatedInvite>('/invites', body),
  invites: () => api.get<InviteInfo[]>('/invites'),
  revokeInvite: (id: string) => api.delete<void>(`/invites/${enc(id)}`),
  areaMembers: (areaId: string) => api.get<AreaMember[]>(`/areas/${enc(areaId)}/members`),
  approveMember: (id: string) =>
    api.post<{ status: AreaMember['status'] }>(`/members/${enc(id)}/approve`),
  vouchFor: (id: string) => api.post<{ status: AreaMember['status'] }>(`/members/${enc(id)}/vouch`),
  suspendMember: (id: string, reason: string) =>
    api.post<{ status: 'suspended' }>(`/members/${enc(id)}/suspend`, { reason }),
  reinstateMember: (id: string) =>
    api.post<{ status: AreaMember['status'] }>(`/members/${enc(id)}/reinstate`),
  setAreaRoles: (areaId: string, memberId: string, roles: Role[]) =>
    api.put<{ roles: Role[] }>(`/areas/${enc(areaId)}/members/${enc(memberId)}/roles`, { roles }),
  groups: (areaId: string) => api.get<WorkingGroup[]>(`/areas/${enc(areaId)}/groups`),
  createGroup: (areaId: string, body: { id: string; name: string }) =>
    api.post<WorkingGroup>(`/areas/${enc(areaId)}/groups`, body),
  joinGroup: (id: string) => api.post<WorkingGroup>(`/groups/${enc(id)}/join`),
  leaveGroup: (id: string) => api.post<WorkingGroup>(`/groups/${enc(id)}/leave`),
  groupMembers: (id: string) => api.get<GroupMember[]>(`/groups/${enc(id)}/members`),
  areaStats: (areaId: string, days: number) =>
    api.get<AreaStats>(`/areas/${enc(areaId)}/stats?days=${days}`),
};
