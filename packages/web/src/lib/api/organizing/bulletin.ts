import { api } from '../client';
import type { OperationKey, RequestBody, ResponseBody } from '@tocsin/core/api/contract';

type Answer<K extends OperationKey> = ResponseBody<K>;
type Body<K extends OperationKey> = RequestBody<K>;

const enc = encodeURIComponent;

/**
 * The routes of the bulletin, the digest and events, one function each: apart from `endpoints`, so they load with the
 * screens that call them, not with the app's start (the start-up budget, ADR 0020).
 */
export const bulletinApi = {
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
};
