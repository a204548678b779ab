import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiV1 } from '@tocsin/core';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { configureImageProcessing } from './photos.image';
import { PHOTO_LIMITS } from './photos.policy';
import { addPhoto, getPhoto, listPhotos } from './photos.service';
import { readPhotoUpload, UPLOAD_LIMITS } from './photos.upload';

/** Photos attached to a report: uploaded by its author, re-encoded with no metadata left. */
export function photosRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    configureImageProcessing();
    // Registered here, so multipart bodies (up to the photo cap) are accepted by these routes
    // only; every other route keeps the global JSON body limit.
    await app.register(multipart, { limits: UPLOAD_LIMITS });

    app.post(
      '/reports/:id/photos',
      {
        config: { rateLimit: { max: PHOTO_LIMITS.uploadsPerMinute, timeWindow: 60_000 } },
        schema: {
          tags: ['photos'],
          summary:
            'Attach a photo to your own report (multipart, one part named file: JPEG, PNG, WebP ' +
            'or AVIF, ≤ 10 MB, ≤ 40 MP); stored re-encoded as JPEG without metadata. ' +
            'Idempotent by the optional id',
          ...apiV1['POST /api/v1/reports/:id/photos'],
        },
      },
      async (request, reply) => {
        const result = await addPhoto(
          ctx,
          principalOf(request),
          request.params.id,
          () => readPhotoUpload(request),
          { id: request.query.id },
        );
        return reply.status(result.created ? 201 : 200).send(result.photo);
      },
    );

    app.get(
      '/reports/:reportId/photos',
      {
        schema: {
          tags: ['photos'],
          summary: "A report's photos (its author and the incident area's staff)",
          ...apiV1['GET /api/v1/reports/:reportId/photos'],
        },
      },
      async (request) => listPhotos(ctx, principalOf(request), request.params.reportId),
    );

    app.get(
      '/reports/:reportId/photos/:photoId',
      {
        schema: {
          tags: ['photos'],
          summary: 'One photo as JPEG (its author and the incident area staff)',
          ...apiV1['GET /api/v1/reports/:reportId/photos/:photoId'],
        },
      },
      async (request, reply) => {
        const photo = await getPhoto(
          ctx,
          principalOf(request),
          request.params.reportId,
          request.params.photoId,
        );
        return reply
          .type(photo.mime)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', 'inline; filename="photo.jpg"')
          .send(photo.bytes);
      },
    );
  };
}
