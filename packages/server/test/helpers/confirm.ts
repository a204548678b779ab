import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { AppContext } from '../../src/platform/context';
import { buildMember, type BuiltMember } from './factories';

/**
 * Confirms an incident the way the rules now require: two verifiers of the area, independent of
 * each other and of the reporters (fresh members nobody invited). `first` may be a verifier the
 * test already has; the second is made here. Returns the state after each confirmation.
 */
export async function confirmByTwo(
  app: FastifyInstance,
  ctx: AppContext,
  incidentId: string,
  areaId: string,
  first?: BuiltMember,
): Promise<string[]> {
  const verifiers = [
    first ?? (await buildMember(ctx, { roles: [{ areaId, role: 'verifier' }] })),
    await buildMember(ctx, { roles: [{ areaId, role: 'verifier' }] }),
  ];
  const states: string[] = [];
  for (const verifier of verifiers) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incidentId}/verification`,
      headers: verifier.auth,
      payload: { outcome: 'confirmed' },
    });
    expect(response.statusCode, response.body).toBe(200);
    states.push(response.json<{ state: string }>().state);
  }
  return states;
}
