import { ROLES } from '@tocsin/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform';
import { principalOf } from '../auth';
import {
  areaOutlines,
  createWorkplace,
  getArea,
  joinArea,
  leaveArea,
  listAreas,
} from './areas.service';

const kind = z.enum(['city', 'neighborhood', 'workplace']);
const areaSchema = z.strictObject({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind,
  parentId: z.uuid().nullable(),
});
const areaDetailsSchema = areaSchema.extend({
  sector: z.string().nullable().optional().describe('Workplaces only'),
  headcount: z.number().int().nullable().optional().describe('Workplaces only'),
  myRoles: z.array(z.enum(ROLES)).describe('Your roles held in exactly this area'),
});
const areaParams = z.strictObject({ areaId: z.uuid() });
const newWorkplace = z.strictObject({
  id: z.uuid().optional().describe('Client-generated, so a retry does not create twice'),
  kind: z.literal('workplace'),
  name: z.string().trim().min(1).max(200),
  sector: z.string().trim().min(1).max(100).optional(),
  headcount: z.number().int().min(1).max(1_000_000).optional(),
  parentId: z.uuid(),
});

/** The city's areas: list, details, new workplaces, joining and leaving. */
export function areasRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/areas',
      {
        schema: {
          tags: ['areas'],
          summary: 'The city, its neighborhoods, and the workplaces you belong to',
          response: { 200: z.array(areaSchema) },
        },
      },
      (request) => listAreas(ctx, principalOf(request)),
    );

    app.get(
      '/areas/outlines',
      {
        schema: {
          tags: ['areas'],
          summary: "The neighborhoods' outlines as GeoJSON, for the map",
          response: {
            200: z.object({
              type: z.literal('FeatureCollection'),
              features: z.array(
                z.object({
                  type: z.literal('Feature'),
                  id: z.uuid(),
                  properties: z.object({ name: z.string() }),
                  geometry: z.unknown(),
                }),
              ),
            }),
          },
        },
      },
      () => areaOutlines(ctx),
    );

    app.get(
      '/areas/:areaId',
      {
        schema: {
          tags: ['areas'],
          summary: 'One area; a workplace you do not belong to is not found',
          params: areaParams,
          response: { 200: areaDetailsSchema },
        },
      },
      (request) => getArea(ctx, principalOf(request), request.params.areaId),
    );

    app.post(
      '/areas',
      {
        schema: {
          tags: ['areas'],
          summary: 'Add a workplace under an area you organize',
          body: newWorkplace,
          response: { 200: areaDetailsSchema, 201: areaDetailsSchema },
        },
      },
      async (request, reply) => {
        const { area, created } = await createWorkplace(ctx, principalOf(request), request.body);
        return reply.status(created ? 201 : 200).send(area);
      },
    );

    app.post(
      '/areas/:areaId/join',
      {
        schema: {
          tags: ['areas'],
          summary: 'Join the city or a neighborhood as a member',
          params: areaParams,
          response: { 200: areaDetailsSchema },
        },
      },
      (request) => joinArea(ctx, principalOf(request), request.params.areaId),
    );

    app.delete(
      '/areas/:areaId/membership',
      {
        schema: {
          tags: ['areas'],
          summary: 'Give up all your roles in this area',
          params: areaParams,
        },
      },
      async (request, reply) => {
        await leaveArea(ctx, principalOf(request), request.params.areaId);
        return reply.status(204).send();
      },
    );
  };
}
