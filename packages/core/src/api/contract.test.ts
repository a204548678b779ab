import { describe, expect, it } from 'vitest';
import { apiV1 } from './contract';

describe('apiV1', () => {
  it('keys every operation as METHOD /api/v1/path, with Fastify path parameters', () => {
    for (const key of Object.keys(apiV1)) {
      expect(key).toMatch(
        /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1(\/(:[A-Za-z]+|[a-z-]+(\.[a-z]+)?))+$/,
      );
    }
  });

  it('gives a schema for the parameters of every path that has some', () => {
    for (const [key, entry] of Object.entries(apiV1)) {
      const names = [...key.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      if (names.length === 0) continue;
      const params = 'params' in entry ? entry.params : undefined;
      expect(params, key).toBeDefined();
      expect(Object.keys(params?.shape ?? {}).sort(), key).toEqual(names.sort());
    }
  });

  it('validates what a client sends and what the server answers', () => {
    const suspend = apiV1['POST /api/v1/members/:id/suspend'];
    expect(suspend.body.safeParse({ reason: '  ' }).success).toBe(false);
    expect(suspend.body.parse({ reason: ' spam ' })).toEqual({ reason: 'spam' });
    const plate = apiV1['GET /api/v1/plates/:plate'].params;
    expect(plate.safeParse({ plate: 'MN ABC 123' }).success).toBe(true);
    expect(plate.safeParse({ plate: '!!' }).success).toBe(false);
    const stats = apiV1['GET /api/v1/areas/:areaId/stats'].querystring;
    expect(stats.parse({})).toEqual({ days: 30 });
    expect(stats.parse({ days: '7' })).toEqual({ days: 7 });
  });
});
