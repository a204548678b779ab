import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform';
import { getPublicCity } from './city.service';

const publicCitySchema = z.strictObject({
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  languages: z.array(z.string()),
  defaultAlertRadiusMeters: z.number().int(),
  hotline: z.strictObject({ text: z.string(), phone: z.string().optional() }),
  knowYourRights: z.array(
    z.strictObject({
      lang: z.string(),
      title: z.string(),
      body: z.string(),
      needsReview: z.boolean(),
    }),
  ),
  tiles: z.strictObject({ url: z.string(), attribution: z.string() }).optional(),
});

/** The city's public settings: what the join page shows before an account exists. */
export function cityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/city',
      {
        schema: {
          tags: ['city'],
          summary: 'The city: name, time zone, languages, hotline and know-your-rights cards',
          response: { 200: publicCitySchema },
        },
        config: { auth: 'public' },
      },
      () => getPublicCity(ctx),
    );
  };
}
