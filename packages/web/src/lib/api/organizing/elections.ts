import { api } from '../client';
import type { OperationKey, RequestBody, ResponseBody } from '@tocsin/core/api/contract';

type Answer<K extends OperationKey> = ResponseBody<K>;
type Body<K extends OperationKey> = RequestBody<K>;

const enc = encodeURIComponent;

/**
 * The routes of elections and recall, one function each: apart from `endpoints`, so they load with the
 * screens that call them, not with the app's start (the start-up budget, ADR 0020).
 */
export const electionsApi = {
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
};
