import { api } from '../client';
import type { OperationKey, RequestBody, ResponseBody } from '@tocsin/core/api/contract';

type Answer<K extends OperationKey> = ResponseBody<K>;
type Body<K extends OperationKey> = RequestBody<K>;

const enc = encodeURIComponent;

/**
 * The routes of assemblies (bodies, meetings, speakers, motions, votes, minutes, decisions), one function each: apart from `endpoints`, so they load with the
 * screens that call them, not with the app's start (the start-up budget, ADR 0020).
 */
export const assembliesApi = {
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
};
