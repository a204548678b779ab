import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform';
import { principalOf } from '../../membership';
import { approvePlate, lookupPlate, parsePlateKey, removePlate } from './plates.service';

const plateParams = z.strictObject({
  plate: z
    .string()
    .max(64)
    .refine((raw) => parsePlateKey(raw) !== null, 'not a licence plate')
    .describe('As written ("MN ABC 123", "ABC-1234") or as stored ("MN:ABC123")'),
});
const lookupResponse = z.object({
  listed: z.boolean(),
  confirmedIncidents: z.number().int(),
  lastSeenDay: z.string().nullable().describe('YYYY-MM-DD, in the city'),
  areas: z.array(z.string()),
});
const approvalResponse = z.object({ listed: z.boolean(), approvals: z.number().int() });

/** Licence plates of vehicles seen in confirmed incidents: lookup, approval, correction. */
export function platesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plates/:plate',
      {
        schema: {
          tags: ['plates'],
          summary:
            'Is this plate listed? Only listed or not, confirmed incidents, last day seen, areas',
          params: plateParams,
          response: { 200: lookupResponse },
        },
      },
      (request) => lookupPlate(ctx, principalOf(request), request.params.plate),
    );

    app.post(
      '/plates/:plate/approvals',
      {
        schema: {
          tags: ['plates'],
          summary: "A verifier's approval; two verifiers and a confirmed incident list a plate",
          params: plateParams,
          body: z.strictObject({}).nullish(),
          response: { 200: approvalResponse },
        },
      },
      (request) => approvePlate(ctx, principalOf(request), request.params.plate),
    );

    app.delete(
      '/plates/:plate',
      {
        schema: {
          tags: ['plates'],
          summary: 'Remove a wrong plate and its links (organizers of its areas, admins)',
          params: plateParams,
          body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
        },
      },
      async (request, reply) => {
        await removePlate(ctx, principalOf(request), request.params.plate, request.body.reason);
        return reply.status(204).send();
      },
    );
  };
}
