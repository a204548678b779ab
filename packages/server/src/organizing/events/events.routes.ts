import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { calendarFeed, calendarUrl, rotateCalendar } from './calendar';
import {
  answerRsvp,
  checkInToEvent,
  createEvent,
  getEvent,
  listEvents,
  writeAfterAction,
} from './events.service';

const tags = ['events'];
const ICS = 'text/calendar; charset=utf-8';

/** Events of bodies: announce, list, RSVP with a role, check in, after-action note, calendars. */
export function eventsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/bodies/:bodyId/events',
      {
        schema: {
          tags,
          summary: 'Announce an event of a body (its officers, or Info & Events)',
          ...apiV1['POST /api/v1/bodies/:bodyId/events'],
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createEvent(ctx, principalOf(request), request.params.bodyId, request.body)),
    );

    app.get(
      '/events',
      {
        schema: {
          tags,
          summary:
            'Events I may see in a span (the coming 90 days by default), for lists and the map',
          ...apiV1['GET /api/v1/events'],
        },
      },
      (request) => listEvents(ctx, principalOf(request), request.query),
    );

    app.get(
      '/events/:id',
      {
        schema: {
          tags,
          summary: 'An event with its headcounts (exact only to its organizers)',
          ...apiV1['GET /api/v1/events/:id'],
        },
      },
      (request) => getEvent(ctx, principalOf(request), request.params.id),
    );

    app.put(
      '/events/:id/rsvp',
      {
        schema: {
          tags,
          summary: 'Going, maybe or no, and a role to sign up for',
          ...apiV1['PUT /api/v1/events/:id/rsvp'],
        },
      },
      (request) => answerRsvp(ctx, principalOf(request), request.params.id, request.body),
    );

    app.post(
      '/events/:id/check-in',
      {
        schema: {
          tags,
          summary: 'Check in at the event',
          ...apiV1['POST /api/v1/events/:id/check-in'],
        },
      },
      (request) => checkInToEvent(ctx, principalOf(request), request.params.id),
    );

    app.put(
      '/events/:id/after-action',
      {
        schema: {
          tags,
          summary: "The organizers' after-action note",
          ...apiV1['PUT /api/v1/events/:id/after-action'],
        },
      },
      (request) => writeAfterAction(ctx, principalOf(request), request.params.id, request.body),
    );

    app.get(
      '/me/calendar',
      {
        schema: { tags, summary: 'My calendar feed URL', ...apiV1['GET /api/v1/me/calendar'] },
      },
      (request) => calendarUrl(ctx, principalOf(request)),
    );

    app.post(
      '/me/calendar/rotate',
      {
        schema: {
          tags,
          summary: 'A new calendar URL; the old one stops working',
          ...apiV1['POST /api/v1/me/calendar/rotate'],
        },
      },
      (request) => rotateCalendar(ctx, principalOf(request)),
    );

    app.get(
      '/me/calendar.ics',
      {
        schema: {
          tags,
          summary: 'My events as iCalendar, read with the key of my calendar URL',
          ...apiV1['GET /api/v1/me/calendar.ics'],
        },
        config: { auth: 'public' },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .type(ICS)
          .send(await calendarFeed(ctx, request.query.key, null)),
    );

    app.get(
      '/bodies/:bodyId/calendar.ics',
      {
        schema: {
          tags,
          summary: "A body's events as iCalendar, read with my calendar key",
          ...apiV1['GET /api/v1/bodies/:bodyId/calendar.ics'],
        },
        config: { auth: 'public' },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .type(ICS)
          .send(await calendarFeed(ctx, request.query.key, request.params.bodyId)),
    );
  };
}
