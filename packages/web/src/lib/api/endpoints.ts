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

  // Assemblies: bodies, meetings, speakers, motions, votes, minutes, decisions. Every write
  // carries the caller's request id: repeating it changes nothing.
  bodies: () => api.get<Answer<'GET /api/v1/bodies'>>('/bodies'),
  bodyRoll: (bodyId: string) =>
    api.get<Answer<'GET /api/v1/bodies/:bodyId/roll'>>(`/bodies/${enc(bodyId)}/roll`),
  appointOfficers: (bodyId: string, body: Body<'PUT /api/v1/bodies/:bodyId/officers'>) =>
    api.put<Answer<'PUT /api/v1/bodies/:bodyId/officers'>>(`/bodies/${enc(bodyId)}/officers`, body),
  bodyMeetings: (bodyId: string) =>
    api.get<Answer<'GET /api/v1/bodies/:bodyId/meetings'>>(`/bodies/${enc(bodyId)}/meetings`),
  createMeeting: (bodyId: string, body: Body<'POST /api/v1/bodies/:bodyId/meetings'>) =>
    api.post<Answer<'POST /api/v1/bodies/:bodyId/meetings'>>(
      `/bodies/${enc(bodyId)}/meetings`,
      body,
    ),
  decisions: (bodyId: string, q?: string) =>
    api.get<Answer<'GET /api/v1/bodies/:bodyId/decisions'>>(
      `/bodies/${enc(bodyId)}/decisions${q ? `?q=${enc(q)}` : ''}`,
    ),
  meeting: (id: string) => api.get<Answer<'GET /api/v1/meetings/:id'>>(`/meetings/${enc(id)}`),
  openMeeting: (id: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/meetings/:id/open'>>(`/meetings/${enc(id)}/open`, { requestId }),
  closeMeeting: (id: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/meetings/:id/close'>>(`/meetings/${enc(id)}/close`, {
      requestId,
    }),
  nextItem: (id: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/meetings/:id/agenda/next'>>(`/meetings/${enc(id)}/agenda/next`, {
      requestId,
    }),
  checkIn: (id: string, body: Body<'POST /api/v1/meetings/:id/check-in'>) =>
    api.post<Answer<'POST /api/v1/meetings/:id/check-in'>>(`/meetings/${enc(id)}/check-in`, body),
  askToSpeak: (id: string, body: Body<'POST /api/v1/meetings/:id/speakers'>) =>
    api.post<Answer<'POST /api/v1/meetings/:id/speakers'>>(`/meetings/${enc(id)}/speakers`, body),
  withdrawSpeaker: (id: string) =>
    api.delete<Answer<'DELETE /api/v1/meetings/:id/speakers/me'>>(
      `/meetings/${enc(id)}/speakers/me`,
    ),
  nextSpeaker: (id: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/meetings/:id/speakers/next'>>(
      `/meetings/${enc(id)}/speakers/next`,
      { requestId },
    ),
  speakerOrder: (id: string, body: Body<'POST /api/v1/meetings/:id/speakers/order'>) =>
    api.post<Answer<'POST /api/v1/meetings/:id/speakers/order'>>(
      `/meetings/${enc(id)}/speakers/order`,
      body,
    ),
  move: (id: string, body: Body<'POST /api/v1/meetings/:id/motions'>) =>
    api.post<Answer<'POST /api/v1/meetings/:id/motions'>>(`/meetings/${enc(id)}/motions`, body),
  second: (motionId: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/motions/:id/second'>>(`/motions/${enc(motionId)}/second`, {
      requestId,
    }),
  withdrawMotion: (motionId: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/motions/:id/withdraw'>>(`/motions/${enc(motionId)}/withdraw`, {
      requestId,
    }),
  openVote: (motionId: string, body: Body<'POST /api/v1/motions/:id/vote'>) =>
    api.post<Answer<'POST /api/v1/motions/:id/vote'>>(`/motions/${enc(motionId)}/vote`, body),
  ballot: (motionId: string, body: Body<'POST /api/v1/motions/:id/ballots'>) =>
    api.post<Answer<'POST /api/v1/motions/:id/ballots'>>(`/motions/${enc(motionId)}/ballots`, body),
  closeVote: (motionId: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/motions/:id/close-vote'>>(
      `/motions/${enc(motionId)}/close-vote`,
      { requestId },
    ),
  // Secret votes (ADR 0025): the ballot itself goes to the box from lib/ballot-box.ts, with no
  // credentials, never through here.
  motionToken: (motionId: string, body: Body<'POST /api/v1/motions/:id/tokens'>) =>
    api.post<Answer<'POST /api/v1/motions/:id/tokens'>>(`/motions/${enc(motionId)}/tokens`, body),
  motionReceipts: (motionId: string) =>
    api.get<Answer<'GET /api/v1/motions/:id/receipts'>>(`/motions/${enc(motionId)}/receipts`),
  minutes: (id: string) =>
    api.get<Answer<'GET /api/v1/meetings/:id/minutes'>>(`/meetings/${enc(id)}/minutes`),
  saveMinutes: (id: string, body: Body<'PUT /api/v1/meetings/:id/minutes'>) =>
    api.put<Answer<'PUT /api/v1/meetings/:id/minutes'>>(`/meetings/${enc(id)}/minutes`, body),
  addActionItem: (
    decisionId: string,
    body: Body<'POST /api/v1/decisions/:decisionId/action-items'>,
  ) =>
    api.post<Answer<'POST /api/v1/decisions/:decisionId/action-items'>>(
      `/decisions/${enc(decisionId)}/action-items`,
      body,
    ),
  actionItemStatus: (itemId: string, body: Body<'PUT /api/v1/action-items/:itemId/status'>) =>
    api.put<Answer<'PUT /api/v1/action-items/:itemId/status'>>(
      `/action-items/${enc(itemId)}/status`,
      body,
    ),

  // The bulletin, the digest and events (issue 18).
  bulletin: (before?: string) =>
    api.get<Answer<'GET /api/v1/me/bulletin'>>(
      before ? `/me/bulletin?before=${enc(before)}` : '/me/bulletin',
    ),
  createPost: (bodyId: string, body: Body<'POST /api/v1/bodies/:bodyId/posts'>) =>
    api.post<Answer<'POST /api/v1/bodies/:bodyId/posts'>>(`/bodies/${enc(bodyId)}/posts`, body),
  pendingPosts: () => api.get<Answer<'GET /api/v1/posts/pending'>>('/posts/pending'),
  approvePost: (id: string) =>
    api.post<Answer<'POST /api/v1/posts/:id/approve'>>(`/posts/${enc(id)}/approve`),
  withdrawPost: (id: string) =>
    api.post<Answer<'POST /api/v1/posts/:id/withdraw'>>(`/posts/${enc(id)}/withdraw`),
  followBody: (bodyId: string, body: Body<'PUT /api/v1/bodies/:bodyId/follow'>) =>
    api.put<Answer<'PUT /api/v1/bodies/:bodyId/follow'>>(`/bodies/${enc(bodyId)}/follow`, body),
  digest: (day?: string) =>
    api.get<Answer<'GET /api/v1/me/digest'>>(day ? `/me/digest?day=${enc(day)}` : '/me/digest'),
  digestSettings: () => api.get<Answer<'GET /api/v1/me/digest/settings'>>('/me/digest/settings'),
  saveDigestSettings: (body: Body<'PUT /api/v1/me/digest'>) =>
    api.put<Answer<'PUT /api/v1/me/digest'>>('/me/digest', body),
  createEvent: (bodyId: string, body: Body<'POST /api/v1/bodies/:bodyId/events'>) =>
    api.post<Answer<'POST /api/v1/bodies/:bodyId/events'>>(`/bodies/${enc(bodyId)}/events`, body),
  events: (query: { from?: string; to?: string; bodyId?: string } = {}) => {
    const search = new URLSearchParams(
      Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ).toString();
    return api.get<Answer<'GET /api/v1/events'>>(search ? `/events?${search}` : '/events');
  },
  event: (id: string) => api.get<Answer<'GET /api/v1/events/:id'>>(`/events/${enc(id)}`),
  rsvp: (id: string, body: Body<'PUT /api/v1/events/:id/rsvp'>) =>
    api.put<Answer<'PUT /api/v1/events/:id/rsvp'>>(`/events/${enc(id)}/rsvp`, body),
  checkInEvent: (id: string) =>
    api.post<Answer<'POST /api/v1/events/:id/check-in'>>(`/events/${enc(id)}/check-in`),
  afterAction: (id: string, body: Body<'PUT /api/v1/events/:id/after-action'>) =>
    api.put<Answer<'PUT /api/v1/events/:id/after-action'>>(`/events/${enc(id)}/after-action`, body),
  calendarUrl: () => api.get<Answer<'GET /api/v1/me/calendar'>>('/me/calendar'),
  rotateCalendar: () => api.post<Answer<'POST /api/v1/me/calendar/rotate'>>('/me/calendar/rotate'),

  // Workplaces and strike pledges.
  myWorkplace: () => api.get<Answer<'GET /api/v1/me/workplace'>>('/me/workplace'),
  declareWorkplace: (workplaceId: string) =>
    api.put<Answer<'PUT /api/v1/me/workplace'>>('/me/workplace', { workplaceId }),
  createWorkplace: (body: Body<'POST /api/v1/workplaces'>) =>
    api.post<Answer<'POST /api/v1/workplaces'>>('/workplaces', body),
  workplace: (id: string) =>
    api.get<Answer<'GET /api/v1/workplaces/:id'>>(`/workplaces/${enc(id)}`),
  updateWorkplace: (id: string, body: Body<'PUT /api/v1/workplaces/:id'>) =>
    api.put<Answer<'PUT /api/v1/workplaces/:id'>>(`/workplaces/${enc(id)}`, body),
  addWorkplaceUnit: (id: string, body: Body<'POST /api/v1/workplaces/:id/units'>) =>
    api.post<Answer<'POST /api/v1/workplaces/:id/units'>>(`/workplaces/${enc(id)}/units`, body),
  workplaceStructure: (id: string) =>
    api.get<Answer<'GET /api/v1/workplaces/:id/structure'>>(`/workplaces/${enc(id)}/structure`),
  pendingWorkers: (id: string) =>
    api.get<Answer<'GET /api/v1/workplaces/:id/members/pending'>>(
      `/workplaces/${enc(id)}/members/pending`,
    ),
  confirmWorker: (id: string, memberId: string, unitId?: string) =>
    api.post<Answer<'POST /api/v1/workplaces/:id/members/:memberId/confirm'>>(
      `/workplaces/${enc(id)}/members/${enc(memberId)}/confirm`,
      unitId ? { unitId } : {},
    ),
  campaigns: () => api.get<Answer<'GET /api/v1/campaigns'>>('/campaigns'),
  campaign: (id: string) => api.get<Answer<'GET /api/v1/campaigns/:id'>>(`/campaigns/${enc(id)}`),
  campaignHistory: (id: string) =>
    api.get<Answer<'GET /api/v1/campaigns/:id/history'>>(`/campaigns/${enc(id)}/history`),
  createCampaign: (body: Body<'POST /api/v1/campaigns'>) =>
    api.post<Answer<'POST /api/v1/campaigns'>>('/campaigns', body),
  closeCampaign: (id: string) =>
    api.post<Answer<'POST /api/v1/campaigns/:id/close'>>(`/campaigns/${enc(id)}/close`),
  myPledge: (id: string) =>
    api.get<Answer<'GET /api/v1/campaigns/:id/pledge'>>(`/campaigns/${enc(id)}/pledge`),
  pledge: (id: string) =>
    api.put<Answer<'PUT /api/v1/campaigns/:id/pledge'>>(`/campaigns/${enc(id)}/pledge`, undefined),
  withdrawPledge: (id: string) =>
    api.delete<Answer<'DELETE /api/v1/campaigns/:id/pledge'>>(`/campaigns/${enc(id)}/pledge`),
  // Elections (issue 16). The ballot itself is cast by features/elections/ballot-box.ts on a
  // request with no credentials, never through here.
  bodyElections: (bodyId: string) =>
    api.get<Answer<'GET /api/v1/bodies/:bodyId/elections'>>(`/bodies/${enc(bodyId)}/elections`),
  callElection: (bodyId: string, body: Body<'POST /api/v1/bodies/:bodyId/elections'>) =>
    api.post<Answer<'POST /api/v1/bodies/:bodyId/elections'>>(
      `/bodies/${enc(bodyId)}/elections`,
      body,
    ),
  election: (id: string) => api.get<Answer<'GET /api/v1/elections/:id'>>(`/elections/${enc(id)}`),
  nominate: (id: string, body: Body<'POST /api/v1/elections/:id/nominations'>) =>
    api.post<Answer<'POST /api/v1/elections/:id/nominations'>>(
      `/elections/${enc(id)}/nominations`,
      body,
    ),
  acceptNomination: (id: string, body: Body<'POST /api/v1/nominations/:id/accept'>) =>
    api.post<Answer<'POST /api/v1/nominations/:id/accept'>>(`/nominations/${enc(id)}/accept`, body),
  ballotToken: (id: string, body: Body<'POST /api/v1/elections/:id/tokens'>) =>
    api.post<Answer<'POST /api/v1/elections/:id/tokens'>>(`/elections/${enc(id)}/tokens`, body),
  ballotList: (id: string) =>
    api.get<Answer<'GET /api/v1/elections/:id/ballots'>>(`/elections/${enc(id)}/ballots`),
  signRecall: (holderId: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/office-holders/:id/recall'>>(
      `/office-holders/${enc(holderId)}/recall`,
      { requestId },
    ),
  // The citywide council (issue 17).
  council: () => api.get<Answer<'GET /api/v1/council'>>('/council'),
  bodyMandates: (bodyId: string) =>
    api.get<Answer<'GET /api/v1/bodies/:bodyId/mandates'>>(`/bodies/${enc(bodyId)}/mandates`),
  setMandate: (
    bodyId: string,
    itemId: string,
    body: Body<'PUT /api/v1/bodies/:bodyId/mandates/:itemId'>,
  ) =>
    api.put<Answer<'PUT /api/v1/bodies/:bodyId/mandates/:itemId'>>(
      `/bodies/${enc(bodyId)}/mandates/${enc(itemId)}`,
      body,
    ),
  reportBack: (bodyId: string, meetingId: string) =>
    api.get<Answer<'GET /api/v1/bodies/:bodyId/report-back/:meetingId'>>(
      `/bodies/${enc(bodyId)}/report-back/${enc(meetingId)}`,
    ),
  ratifications: () =>
    api.get<Answer<'GET /api/v1/council/ratifications'>>('/council/ratifications'),
  toCouncilAgenda: (bodyId: string, body: Body<'POST /api/v1/bodies/:bodyId/council-agenda'>) =>
    api.post<Answer<'POST /api/v1/bodies/:bodyId/council-agenda'>>(
      `/bodies/${enc(bodyId)}/council-agenda`,
      body,
    ),
  ratify: (
    bodyId: string,
    decisionId: string,
    body: Body<'PUT /api/v1/bodies/:bodyId/ratifications/:decisionId'>,
  ) =>
    api.put<Answer<'PUT /api/v1/bodies/:bodyId/ratifications/:decisionId'>>(
      `/bodies/${enc(bodyId)}/ratifications/${enc(decisionId)}`,
      body,
    ),
  // Canvassing: turfs, doors (through the outbox), the progress map.
  turfs: (areaId: string) => api.get<Answer<'GET /api/v1/turfs'>>(`/turfs?areaId=${enc(areaId)}`),
  turf: (id: string) => api.get<Answer<'GET /api/v1/turfs/:id'>>(`/turfs/${enc(id)}`),
  createTurf: (body: Body<'POST /api/v1/turfs'>) =>
    api.post<Answer<'POST /api/v1/turfs'>>('/turfs', body),
  door: (turfId: string, body: Body<'POST /api/v1/turfs/:id/doors'>) =>
    api.post<Answer<'POST /api/v1/turfs/:id/doors'>>(`/turfs/${enc(turfId)}/doors`, body),
  coverage: (areaId: string) =>
    api.get<Answer<'GET /api/v1/canvass/coverage'>>(`/canvass/coverage?areaId=${enc(areaId)}`),
  // Mutual aid: the board, requests, offers, the coordinators' queue, matches and their thread.
  aidBoard: (areaId: string) =>
    api.get<Answer<'GET /api/v1/aid/board'>>(`/aid/board?areaId=${enc(areaId)}`),
  aidMine: () => api.get<Answer<'GET /api/v1/aid/mine'>>('/aid/mine'),
  aidQueue: (areaId: string) =>
    api.get<Answer<'GET /api/v1/aid/queue'>>(`/aid/queue?areaId=${enc(areaId)}`),
  aidStats: (areaId: string) =>
    api.get<Answer<'GET /api/v1/aid/stats'>>(`/aid/stats?areaId=${enc(areaId)}`),
  askAid: (body: Body<'POST /api/v1/aid/requests'>) =>
    api.post<Answer<'POST /api/v1/aid/requests'>>('/aid/requests', body),
  offerAid: (body: Body<'POST /api/v1/aid/offers'>) =>
    api.post<Answer<'POST /api/v1/aid/offers'>>('/aid/offers', body),
  withdrawOffer: (id: string) =>
    api.delete<Answer<'DELETE /api/v1/aid/offers/:id'>>(`/aid/offers/${enc(id)}`),
  takeAid: (id: string, requestId: string) =>
    api.post<Answer<'POST /api/v1/aid/requests/:id/take'>>(`/aid/requests/${enc(id)}/take`, {
      requestId,
    }),
  matchAid: (id: string, body: Body<'POST /api/v1/aid/requests/:id/match'>) =>
    api.post<Answer<'POST /api/v1/aid/requests/:id/match'>>(`/aid/requests/${enc(id)}/match`, body),
  closeAid: (id: string, body: Body<'POST /api/v1/aid/requests/:id/close'>) =>
    api.post<Answer<'POST /api/v1/aid/requests/:id/close'>>(`/aid/requests/${enc(id)}/close`, body),
  aidMatch: (id: string) =>
    api.get<Answer<'GET /api/v1/aid/matches/:id'>>(`/aid/matches/${enc(id)}`),
  aidMessage: (id: string, body: Body<'POST /api/v1/aid/matches/:id/messages'>) =>
    api.post<Answer<'POST /api/v1/aid/matches/:id/messages'>>(
      `/aid/matches/${enc(id)}/messages`,
      body,
    ),
};
