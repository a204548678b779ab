import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

type Auth = { authorization: string };

interface RolesAnswer {
  roles: string[];
  pending: { id: string; role: string; kind: string; status: string }[];
}

/**
 * Sets a member's roles through the API as `by`, then has `countersigner` (a second organizer or
 * admin, neither `by` nor the member's sponsor) countersign every grant that waits for it.
 * Returns the roles held afterwards, as `PUT .../roles` used to answer before countersigns.
 */
export async function setRolesCountersigned(
  app: FastifyInstance,
  input: { areaId: string; memberId: string; roles: string[]; by: Auth; countersigner: Auth },
): Promise<string[]> {
  const set = await app.inject({
    method: 'PUT',
    url: `/api/v1/areas/${input.areaId}/members/${input.memberId}/roles`,
    headers: input.by,
    payload: { roles: input.roles },
  });
  expect(set.statusCode, set.body).toBe(200);
  const answer = set.json<RolesAnswer>();
  for (const grant of answer.pending) {
    const signed = await countersign(app, grant.id, input.countersigner);
    expect(signed.statusCode, signed.body).toBe(200);
  }
  const roles = new Set(answer.roles);
  for (const grant of answer.pending) {
    if (grant.kind === 'grant') roles.add(grant.role);
    else roles.delete(grant.role);
  }
  return [...roles].sort();
}

/** POST /role-grants/:id/countersign as `auth`. */
export function countersign(app: FastifyInstance, grantId: string, auth: Auth) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/role-grants/${grantId}/countersign`,
    headers: auth,
  });
}
