import { api } from '../client';
import type { OperationKey, RequestBody, ResponseBody } from '@tocsin/core/api/contract';

type Answer<K extends OperationKey> = ResponseBody<K>;
type Body<K extends OperationKey> = RequestBody<K>;

const enc = encodeURIComponent;

/**
 * The routes of workplaces and strike pledges, one function each: apart from `endpoints`, so they load with the
 * screens that call them, not with the app's start (the start-up budget, ADR 0020).
 */
export const pledgesApi = {
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
};
