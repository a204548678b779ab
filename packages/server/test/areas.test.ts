import { randomUUID } from 'node:crypto';
import type { Role } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { buildCity, buildMember, type BuiltMember } from './helpers/factories';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

interface AreaBody {
  id: string;
  slug: string;
  name: string;
  kind: string;
  parentId: string | null;
  sector?: string | null;
  headcount?: number | null;
  myRoles?: Role[];
}

describeEachDatabase('areas', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let city: Awaited<ReturnType<typeof buildCity>>;
  const m: Record<string, BuiltMember> = {};

  const get = (url: string, who: BuiltMember) =>
    app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.auth });
  const post = (url: string, who: BuiltMember, payload?: object) =>
    app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: who.auth,
      ...(payload ? { payload } : {}),
    });
  const listed = async (who: BuiltMember) =>
    (await get('/areas', who)).json<AreaBody[]>().map((a) => a.slug);

  beforeAll(async () => {
    t = await createTestContext({ kind });
    app = await createApp(t.ctx);
    await app.ready();
    city = await buildCity(t.ctx);
    const as = (areaId: string, role: Role) => buildMember(t.ctx, { roles: [{ areaId, role }] });
    m.admin = await as(city.city.id, 'admin');
    m.cityOrganizer = await as(city.city.id, 'organizer');
    m.cityMember = await as(city.city.id, 'member');
    m.northOrganizer = await as(city.north.id, 'organizer');
    m.northMember = await as(city.north.id, 'member');
    m.southOrganizer = await as(city.south.id, 'organizer');
    m.shopMember = await as(city.shop.id, 'member');
    m.newcomer = await buildMember(t.ctx);
    m.probationOrganizer = await buildMember(t.ctx, {
      status: 'probation',
      roles: [{ areaId: city.north.id, role: 'organizer' }],
    });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('needs a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/areas' });
    expect(response.statusCode).toBe(401);
  });

  it('lists the city and neighborhoods to everyone, in exactly the documented shape', async () => {
    const response = await get('/areas', m.newcomer!);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([
      { id: city.city.id, slug: 'test-city', name: 'test-city', kind: 'city', parentId: null },
      {
        id: city.north.id,
        slug: 'north',
        name: 'north',
        kind: 'neighborhood',
        parentId: city.city.id,
      },
      {
        id: city.south.id,
        slug: 'south',
        name: 'south',
        kind: 'neighborhood',
        parentId: city.city.id,
      },
    ]);
  });

  describe('a workplace', () => {
    const seeing = ['admin', 'cityOrganizer', 'northOrganizer', 'shopMember'];
    const notSeeing = ['newcomer', 'cityMember', 'northMember', 'southOrganizer'];

    it('is listed only to its members, organizers above it and admins', async () => {
      for (const name of seeing) expect(await listed(m[name]!), name).toContain('north-shop');
      for (const name of notSeeing)
        expect(await listed(m[name]!), name).not.toContain('north-shop');
    });

    it('answers others 404, exactly like an unknown id', async () => {
      const unknown = await get(`/areas/${randomUUID()}`, m.northMember!);
      expect(unknown.statusCode).toBe(404);
      for (const name of notSeeing) {
        const response = await get(`/areas/${city.shop.id}`, m[name]!);
        expect(response.statusCode, name).toBe(404);
        expect(response.json()).toEqual(unknown.json());
      }
      const own = await get(`/areas/${city.shop.id}`, m.shopMember!);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toEqual({
        id: city.shop.id,
        slug: 'north-shop',
        name: 'north-shop',
        kind: 'workplace',
        parentId: city.north.id,
        sector: null,
        headcount: null,
        myRoles: ['member'],
      });
      const neighborhood = await get(`/areas/${city.north.id}`, m.newcomer!);
      expect(neighborhood.json()).toEqual({
        id: city.north.id,
        slug: 'north',
        name: 'north',
        kind: 'neighborhood',
        parentId: city.city.id,
        myRoles: [],
      });
    });
  });

  describe('creating a workplace', () => {
    const bakery = { kind: 'workplace', name: 'Corner Bakery', sector: 'food', headcount: 12 };

    it('is for organizers of the parent area, with a slug unique under it', async () => {
      const created = await post('/areas', m.northOrganizer!, {
        ...bakery,
        parentId: city.north.id,
      });
      expect(created.statusCode, created.body).toBe(201);
      const body = created.json<AreaBody>();
      expect(body).toEqual({
        id: expect.any(String) as string,
        slug: 'north-corner-bakery',
        name: 'Corner Bakery',
        kind: 'workplace',
        parentId: city.north.id,
        sector: 'food',
        headcount: 12,
        myRoles: [],
      });
      // Seen at once by its creator, and by nobody who does not belong.
      expect(await listed(m.northOrganizer!)).toContain('north-corner-bakery');
      expect(await listed(m.northMember!)).not.toContain('north-corner-bakery');
      const second = await post('/areas', m.admin!, { ...bakery, parentId: city.north.id });
      expect(second.json<AreaBody>().slug).toBe('north-corner-bakery-2');

      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'action', 'target_id'])
        .where('target_id', '=', body.id)
        .execute();
      expect(audit).toEqual([
        { actor_id: m.northOrganizer!.id, action: 'area.created', target_id: body.id },
      ]);
      const events = await t.ctx.db
        .selectFrom('outbox')
        .select('payload')
        .where('type', '=', 'areas.changed')
        .execute();
      expect(events.map((e) => e.payload)).toContainEqual({
        reason: 'workplace_created',
        areaId: body.id,
      });
    });

    it('answers 403 in a visible area one does not organize, 404 under a hidden one', async () => {
      const member = await post('/areas', m.northMember!, { ...bakery, parentId: city.north.id });
      expect(member.statusCode).toBe(403);
      expect(member.json()).toMatchObject({ error: { code: 'organizer_only' } });
      const other = await post('/areas', m.southOrganizer!, { ...bakery, parentId: city.north.id });
      expect(other.statusCode).toBe(403);
      const hidden = await post('/areas', m.southOrganizer!, { ...bakery, parentId: city.shop.id });
      expect(hidden.statusCode).toBe(404);
      const unknown = await post('/areas', m.admin!, { ...bakery, parentId: randomUUID() });
      expect(unknown.statusCode).toBe(404);
      const probation = await post('/areas', m.probationOrganizer!, {
        ...bakery,
        parentId: city.north.id,
      });
      expect(probation.statusCode).toBe(403);
      expect(probation.json()).toMatchObject({ error: { code: 'probation' } });
    });

    it('rejects a workplace inside a workplace, unknown fields and other kinds', async () => {
      const nested = await post('/areas', m.admin!, { ...bakery, parentId: city.shop.id });
      expect(nested.statusCode).toBe(400);
      expect(nested.json()).toMatchObject({ error: { details: [{ path: 'parentId' }] } });
      const extra = await post('/areas', m.admin!, {
        ...bakery,
        parentId: city.north.id,
        geometry: {},
      });
      expect(extra.statusCode).toBe(400);
      const neighborhood = await post('/areas', m.admin!, {
        ...bakery,
        kind: 'neighborhood',
        parentId: city.city.id,
      });
      expect(neighborhood.statusCode).toBe(400);
    });

    it('is idempotent for a client-generated id', async () => {
      const id = randomUUID();
      const payload = { ...bakery, id, name: 'Laundry', parentId: city.south.id };
      const first = await post('/areas', m.southOrganizer!, payload);
      expect(first.statusCode).toBe(201);
      const retry = await post('/areas', m.southOrganizer!, payload);
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(first.json());
      const reused = await post('/areas', m.southOrganizer!, { ...payload, name: 'Other' });
      expect(reused.statusCode).toBe(409);
    });
  });

  describe('joining and leaving', () => {
    it('lets anyone join the city or a neighborhood as a member, once', async () => {
      const joiner = await buildMember(t.ctx);
      const first = await post(`/areas/${city.south.id}/join`, joiner);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ id: city.south.id, myRoles: ['member'] });
      const again = await post(`/areas/${city.south.id}/join`, joiner);
      expect(again.json()).toMatchObject({ myRoles: ['member'] });
      const roles = await t.ctx.db
        .selectFrom('area_roles')
        .select(['area_id', 'role'])
        .where('member_id', '=', joiner.id)
        .execute();
      expect(roles).toEqual([{ area_id: city.south.id, role: 'member' }]);
      expect((await get(`/areas/${city.south.id}`, joiner)).json()).toMatchObject({
        myRoles: ['member'],
      });
    });

    it('keeps workplaces closed: 403 to those who see one, 404 to the rest', async () => {
      const own = await post(`/areas/${city.shop.id}/join`, m.northOrganizer!);
      expect(own.statusCode).toBe(403);
      expect(own.json()).toMatchObject({ error: { code: 'organizer_only' } });
      const outsider = await post(`/areas/${city.shop.id}/join`, m.northMember!);
      expect(outsider.statusCode).toBe(404);
    });

    it('removes every own role in exactly that area', async () => {
      const leaver = await buildMember(t.ctx, {
        roles: [
          { areaId: city.north.id, role: 'member' },
          { areaId: city.north.id, role: 'responder' },
          { areaId: city.south.id, role: 'member' },
        ],
      });
      const response = await app.inject({
        method: 'DELETE',
        url: `/api/v1/areas/${city.north.id}/membership`,
        headers: leaver.auth,
      });
      expect(response.statusCode).toBe(204);
      const roles = await t.ctx.db
        .selectFrom('area_roles')
        .select(['area_id', 'role'])
        .where('member_id', '=', leaver.id)
        .execute();
      expect(roles).toEqual([{ area_id: city.south.id, role: 'member' }]);
    });

    it('hides a workplace once its last member leaves it; the last admin stays', async () => {
      const worker = await buildMember(t.ctx, {
        roles: [{ areaId: city.shop.id, role: 'member' }],
      });
      const leave = (who: BuiltMember, areaId: string) =>
        app.inject({
          method: 'DELETE',
          url: `/api/v1/areas/${areaId}/membership`,
          headers: who.auth,
        });
      expect((await leave(worker, city.shop.id)).statusCode).toBe(204);
      expect((await get(`/areas/${city.shop.id}`, worker)).statusCode).toBe(404);
      expect((await leave(worker, city.shop.id)).statusCode).toBe(404);

      const last = await leave(m.admin!, city.city.id);
      expect(last.statusCode).toBe(409);
      expect(last.json()).toMatchObject({ error: { code: 'last_admin' } });
    });
  });
});
