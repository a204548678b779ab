import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app';
import type { AppContext } from '../../src/platform/context';
import { buildArea, type BuiltMember } from '../helpers/factories';
import { loadMinneapolis, POWDERHORN } from '../helpers/city';
import { createTestContext, type DatabaseKind, type TestContext } from '../helpers/harness';
import { buildSpecMember, personaSpec } from './targets';
import { PERSONAS, type Persona, type World } from './types';

/** "The other area": a neighborhood across town from Powderhorn Park. */
export const OTHER_AREA_SLUG = 'cedar-riverside';

/**
 * The shared fixtures: the real demo pack, Powderhorn Park as "this area", a private workplace
 * inside it, and one member per persona.
 */
export async function buildWorld(app: FastifyInstance, ctx: AppContext): Promise<World> {
  const { cityId, powderhornId } = await loadMinneapolis(ctx);
  const areas = await ctx.areas.get();
  const area = areas.byId.get(powderhornId);
  const otherArea = areas.all.find((a) => a.slug === OTHER_AREA_SLUG);
  if (!area || !otherArea) throw new Error('demo pack areas missing');
  if (areas.index.areaAt(POWDERHORN.lat, POWDERHORN.lng) !== area.id) {
    throw new Error('POWDERHORN is not inside Powderhorn Park');
  }
  const workplace = await buildArea(ctx, {
    kind: 'workplace',
    slug: 'powderhorn-park-bakery',
    parentId: area.id,
  });
  const ids = { cityId, areaId: area.id, otherAreaId: otherArea.id };
  const members = {} as Record<Exclude<Persona, 'anonymous'>, BuiltMember>;
  for (const persona of PERSONAS) {
    if (persona === 'anonymous') continue;
    members[persona] = await buildSpecMember(ctx, personaSpec(persona, ids));
  }
  return {
    app,
    ctx,
    cityId,
    area: { id: area.id, slug: area.slug },
    otherArea: { id: otherArea.id, slug: otherArea.slug },
    workplace: { id: workplace.id },
    members,
    point: POWDERHORN,
  };
}

/**
 * One world of every persona for a suite, with a running app and the per-client rate limit out
 * of the way (a 429 would hide the answer these suites look at). Read it inside tests.
 */
export function useWorld(kind: DatabaseKind): () => World {
  let t: TestContext | undefined;
  let world: World | undefined;
  beforeAll(async () => {
    t = await createTestContext({ kind, env: { TOCSIN_RATE_LIMIT: '1000000' } });
    const app = await createApp(t.ctx);
    await app.ready();
    world = await buildWorld(app, t.ctx);
  });
  afterAll(async () => {
    await world?.app.close();
    await t?.close();
  });
  return () => {
    if (!world) throw new Error('the world is built in beforeAll');
    return world;
  };
}
