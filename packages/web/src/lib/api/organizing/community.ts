import { api } from '../client';
import type { OperationKey, RequestBody, ResponseBody } from '@tocsin/core/api/contract';

type Answer<K extends OperationKey> = ResponseBody<K>;
type Body<K extends OperationKey> = RequestBody<K>;

const enc = encodeURIComponent;

/**
 * The routes of canvassing and mutual aid, one function each: apart from `endpoints`, so they load with the
 * screens that call them, not with the app's start (the start-up budget, ADR 0020).
 */
export const communityApi = {
  // Canvassing: turfs, doors (through the outbox), the progress map.
  turfs: (areaId: string) => api.get<Answer<'GET /api/v1/turfs'>>(`/turfs?areaId=${enc(areaId)}`),
  turf: (id: string) => api.get<Answer<'GET /api/v1/turfs/:id'>>(`/turfs/${enc(id)}`),
  createTurf: (body: Body<'POST /api/v1/turfs'>) =>
    api.post<Answer<'POST /api/v1/turfs'>>('/turfs', body),
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
