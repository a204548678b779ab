import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alertPreferencesViewSchema } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import {
  MAX_PLACES,
  preferencesOf,
  presentPreferences,
  setPreferences,
} from './preferences.service';
import { setShift } from './shift.service';

const latLng = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/** Where a member wants alerts from, and a responder's shift. */
export function alertsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/alerts',
      {
        schema: {
          tags: ['alerts'],
          summary: 'My alert areas, places, radius and level',
          response: { 200: alertPreferencesViewSchema },
        },
      },
      async (request) => presentPreferences(await preferencesOf(ctx, principalOf(request))),
    );

    app.put(
      '/me/alerts',
      {
        schema: {
          tags: ['alerts'],
          summary:
            'Choose alert areas, places (kept only as coarse cells), radius and minimum level',
          body: z.strictObject({
            areaIds: z.array(z.uuid()).max(100),
            places: z.array(latLng).max(MAX_PLACES),
            radiusMeters: z.number().int().min(300).max(10_000),
            minLevel: z.enum(['unconfirmed', 'confirmed']),
          }),
          response: { 200: alertPreferencesViewSchema },
        },
      },
      async (request) =>
        presentPreferences(await setPreferences(ctx, principalOf(request), request.body)),
    );

    app.put(
      '/me/shift',
      {
        schema: {
          tags: ['alerts'],
          summary: 'Responders: go on or off shift (location kept only as a coarse cell)',
          body: z.strictObject({ onShift: z.boolean(), location: latLng.optional() }),
          response: { 200: z.object({ onShift: z.boolean() }) },
        },
      },
      async (request) => setShift(ctx, principalOf(request), request.body),
    );
  };
}
