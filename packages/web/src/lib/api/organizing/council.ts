import { api } from '../client';
import type { OperationKey, RequestBody, ResponseBody } from '@tocsin/core/api/contract';

type Answer<K extends OperationKey> = ResponseBody<K>;
type Body<K extends OperationKey> = RequestBody<K>;

const enc = encodeURIComponent;

/**
 * The routes of the citywide council, one function each: apart from `endpoints`, so they load with the
 * screens that call them, not with the app's start (the start-up budget, ADR 0020).
 */
export const councilApi = {
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
  /** The council's chair asks the seated committees to ratify a council decision. */
  requireRatification: (
    decisionId: string,
    body: Body<'POST /api/v1/council/decisions/:decisionId/ratification'>,
  ) =>
    api.post<Answer<'POST /api/v1/council/decisions/:decisionId/ratification'>>(
      `/council/decisions/${enc(decisionId)}/ratification`,
      body,
    ),
};
