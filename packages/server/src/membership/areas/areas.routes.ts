import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
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

/** The city's areas: list, details, new workplaces, joining and leaving. */
export function areasRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/areas',
      {
        schema: {
          tags: ['areas'],
          summary: 'The city, its neighborhoods, and the workplaces you belong to',
          ...apiV1['GET /api/v1/areas'],
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
          ...apiV1['GET /api/v1/areas/outlines'],
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
          ...apiV1['GET /api/v1/areas/:areaId'],
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
          ...apiV1['POST /api/v1/areas'],
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
          ...apiV1['POST /api/v1/areas/:areaId/join'],
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
          ...apiV1['DELETE /api/v1/areas/:areaId/membership'],
        },
      },
      async (request, reply) => {
        await leaveArea(ctx, principalOf(request), request.params.areaId);
        return reply.status(204).send();
      },
    );
  };
}
