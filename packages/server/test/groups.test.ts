import { rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { GroupView, Role } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadCityPack } from '../src/membership/city/city.service';
import { buildArea, buildMember, type BuiltMember } from './helpers/factories';
import { writeCityPack } from './helpers/city-packs';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

describeEachDatabase('working groups', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let pack: string;
  const area = { city: '', north: '', south: '', shop: '' };
  const m: Record<string, BuiltMember> = {};

  const call = (method: 'GET' | 'POST', url: string, who: BuiltMember, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.auth,
      ...(payload ? { payload } : {}),
    });
  const groupsOf = async (areaId: string, who: BuiltMember) => {
    const response = await call('GET', `/areas/${areaId}/groups`, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<GroupView[]>();
  };
  const groupBySlug = async (areaId: string, slug: string, who: BuiltMember) => {
    const group = (await groupsOf(areaId, who)).find((g) => g.slug === slug);
    if (!group) throw new Error(`no group ${slug}`);
    return group;
  };

  beforeAll(async () => {
    t = await createTestContext({ kind });
    app = await createApp(t.ctx);
    await app.ready();
    pack = await writeCityPack();
    await loadCityPack(t.ctx, pack);
    const snapshot = await t.ctx.areas.get();
    const id = (slug: string) => snapshot.all.find((a) => a.slug === slug)?.id ?? '';
    area.city = id('testville');
    area.north = id('north-side');
    area.south = id('south-side');
    area.shop = (await buildArea(t.ctx, { kind: 'workplace', parentId: area.north })).id;
    const as = (areaId: string, role: Role, status?: 'probation') =>
      buildMember(t.ctx, { roles: [{ areaId, role }], ...(status ? { status } : {}) });
    m.admin = await as(area.city, 'admin');
    m.cityMember = await as(area.city, 'member');
    m.northOrganizer = await as(area.north, 'organizer');
    m.northMember = await as(area.north, 'member');
    m.northNewcomer = await as(area.north, 'member', 'probation');
    m.southMember = await as(area.south, 'member');
    m.shopMember = await as(area.shop, 'member');
    m.nobody = await buildMember(t.ctx);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(pack, { recursive: true, force: true });
  });

  it('lists the five default groups of an area to those who belong to it', async () => {
    const groups = await groupsOf(area.north, m.northMember!);
    expect(groups.map((g) => g.slug).sort()).toEqual([
      'canvassing',
      'information-events',
      'mutual-aid',
      'rapid-response',
      'strategy-planning',
    ]);
    expect(groups[0]).toEqual({
      id: expect.any(String) as string,
      slug: expect.any(String) as string,
      name: expect.any(String) as string,
      isDefault: true,
      memberCount: 0,
      joined: false,
    });
    // A city member belongs to every neighborhood.
    expect(await groupsOf(area.north, m.cityMember!)).toHaveLength(5);
    const outsider = await call('GET', `/areas/${area.north}/groups`, m.southMember!);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json()).toMatchObject({ error: { code: 'members_only' } });
    // A workplace's groups are as hidden as the workplace.
    expect((await call('GET', `/areas/${area.shop}/groups`, m.northMember!)).statusCode).toBe(404);
    expect(await groupsOf(area.shop, m.shopMember!)).toEqual([]);
  });

  it('lets organizers (and admins) create a group; audits it', async () => {
    const created = await call('POST', `/areas/${area.north}/groups`, m.northOrganizer!, {
      name: 'Tenant Union',
    });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json<GroupView>();
    expect(group).toEqual({
      id: expect.any(String) as string,
      slug: 'tenant-union',
      name: 'Tenant Union',
      isDefault: false,
      memberCount: 0,
      joined: false,
    });
    const again = await call('POST', `/areas/${area.north}/groups`, m.admin!, {
      name: 'Tenant union!',
    });
    expect(again.json<GroupView>().slug).toBe('tenant-union-2');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'area_id'])
      .where('target_id', '=', group.id)
      .execute();
    expect(audit).toEqual([
      { actor_id: m.northOrganizer!.id, action: 'group.created', area_id: area.north },
    ]);

    const member = await call('POST', `/areas/${area.north}/groups`, m.northMember!, {
      name: 'Mine',
    });
    expect(member.statusCode).toBe(403);
    expect(member.json()).toMatchObject({ error: { code: 'organizer_only' } });
    const hidden = await call('POST', `/areas/${area.shop}/groups`, m.southMember!, {
      name: 'Mine',
    });
    expect(hidden.statusCode).toBe(404);
    const shop = await call('POST', `/areas/${area.shop}/groups`, m.northOrganizer!, {
      name: 'Shop floor',
      id: randomUUID(),
    });
    expect(shop.statusCode).toBe(201);
    const empty = await call('POST', `/areas/${area.north}/groups`, m.admin!, { name: '  ' });
    expect(empty.statusCode).toBe(400);
  });

  it('lets members of the area join and leave; nobody else finds the group', async () => {
    const group = await groupBySlug(area.north, 'rapid-response', m.northMember!);
    const joined = await call('POST', `/groups/${group.id}/join`, m.northMember!);
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ id: group.id, joined: true, memberCount: 1 });
    const twice = await call('POST', `/groups/${group.id}/join`, m.northMember!);
    expect(twice.json()).toMatchObject({ joined: true, memberCount: 1 });
    expect((await call('POST', `/groups/${group.id}/join`, m.northNewcomer!)).statusCode).toBe(200);
    expect(await groupBySlug(area.north, 'rapid-response', m.cityMember!)).toMatchObject({
      memberCount: 2,
      joined: false,
    });

    for (const who of [m.southMember!, m.nobody!]) {
      expect((await call('POST', `/groups/${group.id}/join`, who)).statusCode).toBe(404);
    }
    expect((await call('POST', `/groups/${randomUUID()}/join`, m.northMember!)).statusCode).toBe(
      404,
    );
    const left = await call('POST', `/groups/${group.id}/leave`, m.northNewcomer!);
    expect(left.json()).toMatchObject({ joined: false, memberCount: 1 });

    const shopGroup = await groupBySlug(area.shop, 'shop-floor', m.shopMember!);
    expect((await call('POST', `/groups/${shopGroup.id}/join`, m.northMember!)).statusCode).toBe(
      404,
    );
    expect((await call('POST', `/groups/${shopGroup.id}/join`, m.shopMember!)).statusCode).toBe(
      200,
    );
  });

  it('shows who is in a group only to its members and its organizers', async () => {
    const group = await groupBySlug(area.north, 'rapid-response', m.northMember!);
    const url = `/groups/${group.id}/members`;
    const own = await call('GET', url, m.northMember!);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual([
      { id: m.northMember!.id, handle: m.northMember!.handle, displayName: null },
    ]);
    expect((await call('GET', url, m.northOrganizer!)).json()).toEqual(own.json());
    expect((await call('GET', url, m.admin!)).statusCode).toBe(200);
    const unknown = await call('GET', `/groups/${randomUUID()}/members`, m.northMember!);
    for (const who of [m.cityMember!, m.northNewcomer!, m.southMember!, m.nobody!]) {
      const response = await call('GET', url, who);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(unknown.json());
    }
  });

  it('drops the groups of an area its member leaves', async () => {
    const leaver = await buildMember(t.ctx, { roles: [{ areaId: area.south, role: 'member' }] });
    const group = await groupBySlug(area.south, 'mutual-aid', leaver);
    await call('POST', `/groups/${group.id}/join`, leaver);
    const leave = await app.inject({
      method: 'DELETE',
      url: `/api/v1/areas/${area.south}/membership`,
      headers: leaver.auth,
    });
    expect(leave.statusCode).toBe(204);
    expect(await groupBySlug(area.south, 'mutual-aid', m.southMember!)).toMatchObject({
      memberCount: 0,
    });
    expect((await call('GET', `/groups/${group.id}/members`, leaver)).statusCode).toBe(404);
  });
});
