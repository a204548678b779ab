import { rm } from 'node:fs/promises';
import { CityPackError } from '@tocsin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { AppContext } from '../src/platform/context';
import { ensureCity, loadCityPack } from '../src/membership/city/city.service';
import { DEFAULT_GROUPS } from '../src/membership/groups/default-groups';
import { buildArea, buildMember } from './helpers/factories';
import {
  MINNEAPOLIS_PACK,
  TESTVILLE_AREAS,
  box,
  minneapolisWithout,
  writeCityPack,
} from './helpers/city-packs';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

const POWDERHORN = { lat: 44.9475, lng: -93.2555 };
const ST_PAUL = { lat: 44.9537, lng: -93.09 };

async function count(ctx: AppContext, table: 'area_cells' | 'working_groups'): Promise<number> {
  const row = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function areaIds(ctx: AppContext): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom('areas').select(['slug', 'id']).execute();
  return new Map(rows.map((row) => [row.slug, row.id]));
}

async function areasChangedEvents(ctx: AppContext): Promise<number> {
  const rows = await ctx.db
    .selectFrom('outbox')
    .select('id')
    .where('type', '=', 'areas.changed')
    .execute();
  return rows.length;
}

describeEachDatabase('city pack: the Minneapolis demo pack', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let trimmed: string;

  beforeAll(async () => {
    t = await createTestContext({ kind });
    app = await createApp(t.ctx);
    await app.ready();
    trimmed = await minneapolisWithout(['Powderhorn Park']);
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await rm(trimmed, { recursive: true, force: true });
  });

  it('answers GET /city with 404 before a pack is loaded', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/city' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('loads 85 neighborhoods under the city, their cells and five default groups each', async () => {
    const summary = await loadCityPack(t.ctx, MINNEAPOLIS_PACK);
    expect(summary).toEqual({
      city: 'minneapolis',
      areas: 85,
      cells: 9_709,
      archived: 0,
      changed: true,
    });
    const snapshot = await t.ctx.areas.get();
    const city = snapshot.city;
    expect(city).toMatchObject({ slug: 'minneapolis', name: 'Minneapolis', parentId: null });
    const neighborhoods = snapshot.all.filter((a) => a.kind === 'neighborhood');
    expect(neighborhoods).toHaveLength(85);
    expect(neighborhoods.every((a) => a.parentId === city?.id)).toBe(true);
    expect(await count(t.ctx, 'area_cells')).toBe(9_709);

    const powderhorn = neighborhoods.find((a) => a.slug === 'powderhorn-park');
    expect(powderhorn?.name).toBe('Powderhorn Park');
    expect(snapshot.index.areaAt(POWDERHORN.lat, POWDERHORN.lng)).toBe(powderhorn?.id);
    expect(snapshot.index.areaAt(ST_PAUL.lat, ST_PAUL.lng)).toBeNull();

    const groups = await t.ctx.db
      .selectFrom('working_groups')
      .select(['area_id', 'slug', 'name', 'is_default'])
      .execute();
    expect(groups).toHaveLength(86 * 5);
    expect(groups.every((g) => g.is_default)).toBe(true);
    for (const areaId of [city?.id, powderhorn?.id]) {
      const own = groups.filter((g) => g.area_id === areaId).map((g) => g.slug);
      expect(own.sort()).toEqual(DEFAULT_GROUPS.map((g) => g.slug).sort());
    }
    expect(await areasChangedEvents(t.ctx)).toBe(1);
  });

  it('serves the street gazetteer on GET /city/places, without a session (issue 20)', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/city/places' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{ license: string; source: string; streets: { name: string }[] }>();
    expect(body.license).toMatch(/CC0/);
    expect(body.streets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['E Lake St', 'Bloomington Ave', '38th St']),
    );
  });

  it('serves the public part of the pack on GET /city, without a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/city' });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual(
      [
        'slug',
        'name',
        'timeZone',
        'languages',
        'defaultAlertRadiusMeters',
        'hotline',
        'knowYourRights',
        'plateDefaultState',
      ].sort(),
    );
    expect(body).toMatchObject({
      plateDefaultState: 'MN',
      slug: 'minneapolis',
      name: 'Minneapolis',
      timeZone: 'America/Chicago',
      languages: ['en', 'es', 'so', 'hmn'],
      defaultAlertRadiusMeters: 1_000,
    });
    expect(body.knowYourRights).toHaveLength(4);
    expect(body.knowYourRights).toContainEqual(
      expect.objectContaining({ lang: 'so', needsReview: true }),
    );
  });

  it('gives members the neighborhood outlines as GeoJSON for the map', async () => {
    const member = await buildMember(t.ctx);
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/areas/outlines',
      headers: member.auth,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      type: string;
      features: { properties: { name: string }; geometry: { type: string } }[];
    }>();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(85);
    expect(body.features.map((f) => f.properties.name)).toContain('Powderhorn Park');
    for (const feature of body.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/areas/outlines' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('changes nothing when the same pack is loaded again', async () => {
    const ids = await areaIds(t.ctx);
    const events = await areasChangedEvents(t.ctx);
    const summary = await loadCityPack(t.ctx, MINNEAPOLIS_PACK);
    expect(summary).toEqual({
      city: 'minneapolis',
      areas: 85,
      cells: 9_709,
      archived: 0,
      changed: false,
    });
    expect(await areaIds(t.ctx)).toEqual(ids);
    expect(await count(t.ctx, 'area_cells')).toBe(9_709);
    expect(await count(t.ctx, 'working_groups')).toBe(86 * 5);
    expect(await areasChangedEvents(t.ctx)).toBe(events);
  });

  it('archives a neighborhood the pack no longer has, and restores it when it returns', async () => {
    const before = await t.ctx.areas.get();
    const powderhornId = before.index.areaAt(POWDERHORN.lat, POWDERHORN.lng);
    const cityId = before.city?.id ?? '';
    const shop = await buildArea(t.ctx, {
      kind: 'workplace',
      slug: 'powderhorn-bakery',
      parentId: powderhornId,
    });
    const events = await areasChangedEvents(t.ctx);

    const summary = await loadCityPack(t.ctx, trimmed);
    expect(summary).toMatchObject({ areas: 84, archived: 1, changed: true });
    const row = await t.ctx.db
      .selectFrom('areas')
      .select(['archived_at'])
      .where('slug', '=', 'powderhorn-park')
      .executeTakeFirstOrThrow();
    expect(row.archived_at).not.toBeNull();
    const after = await t.ctx.areas.get();
    expect(after.byId.has(powderhornId ?? '')).toBe(false);
    expect(after.index.areaAt(POWDERHORN.lat, POWDERHORN.lng)).toBeNull();
    expect(await count(t.ctx, 'area_cells')).toBe(summary.cells);
    // Its workplace moves up to the city, so its chain still reaches the city's organizers.
    expect(after.chain(shop.id)).toEqual([shop.id, cityId]);
    expect(await areasChangedEvents(t.ctx)).toBe(events + 1);

    const restored = await loadCityPack(t.ctx, MINNEAPOLIS_PACK);
    expect(restored).toMatchObject({ areas: 85, cells: 9_709, archived: 0, changed: true });
    const again = await t.ctx.areas.get();
    expect(again.index.areaAt(POWDERHORN.lat, POWDERHORN.lng)).toBe(powderhornId);
    expect(await count(t.ctx, 'area_cells')).toBe(9_709);
  });
});

describeEachDatabase('city pack: first start and bad packs', (kind) => {
  let t: TestContext;
  let pack: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    pack = await writeCityPack();
    dirs.push(pack);
    t = await createTestContext({ kind, env: { TOCSIN_CITY_PACK: pack } });
  });
  afterAll(async () => {
    await t.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('rejects a pack with a missing file or bad settings, naming the file, and writes nothing', async () => {
    const missing = await writeCityPack();
    dirs.push(missing);
    await rm(`${missing}/neighborhoods.geojson`);
    await expect(loadCityPack(t.ctx, missing)).rejects.toThrow(/neighborhoods\.geojson: not found/);
    const bad = await writeCityPack({ city: { slug: 'Bad Slug' } });
    dirs.push(bad);
    await expect(loadCityPack(t.ctx, bad)).rejects.toBeInstanceOf(CityPackError);
    expect(await t.ctx.db.selectFrom('city').selectAll().execute()).toEqual([]);
  });

  it('loads the configured pack on first start, and only then', async () => {
    const first = await ensureCity(t.ctx);
    expect(first).toMatchObject({ city: 'testville', areas: 2, archived: 0, changed: true });
    expect(await ensureCity(t.ctx)).toBeNull();
    const snapshot = await t.ctx.areas.get();
    expect(snapshot.all.map((a) => a.slug).sort()).toEqual([
      'north-side',
      'south-side',
      'testville',
    ]);
    expect(await count(t.ctx, 'working_groups')).toBe(3 * 5);
  });

  it('refuses a neighborhood whose id a workplace already has, and rolls back', async () => {
    const city = (await t.ctx.areas.get()).city;
    await buildArea(t.ctx, { kind: 'workplace', slug: 'east-side', parentId: city?.id ?? null });
    const clash = await writeCityPack({
      areas: [...TESTVILLE_AREAS, { name: 'East Side', geometry: box(-93.26, 44.94) }],
    });
    dirs.push(clash);
    await expect(loadCityPack(t.ctx, clash)).rejects.toThrow(/"east-side" is already used/);
    expect(await count(t.ctx, 'working_groups')).toBe(3 * 5);
  });

  it('keeps the roles held on the city area when the settings change', async () => {
    const cityId = (await t.ctx.areas.get()).city?.id ?? '';
    const admin = await buildMember(t.ctx, { roles: [{ areaId: cityId, role: 'admin' }] });
    const renamed = await writeCityPack({
      city: {
        slug: 'testville',
        name: 'Testville Metro',
        timeZone: 'America/Chicago',
        languages: ['en'],
        hotline: { text: 'Call.' },
        knowYourRights: [{ lang: 'en', title: 'Rights', body: 'Silence.' }],
        tiles: { url: '/tiles/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
      },
    });
    dirs.push(renamed);
    expect(await loadCityPack(t.ctx, renamed)).toMatchObject({ changed: true });
    const snapshot = await t.ctx.areas.get();
    expect(snapshot.city).toMatchObject({ id: cityId, name: 'Testville Metro' });
    const roles = await t.ctx.db
      .selectFrom('area_roles')
      .select('area_id')
      .where('member_id', '=', admin.id)
      .execute();
    expect(roles).toEqual([{ area_id: cityId }]);
    const app = await createApp(t.ctx);
    const response = await app.inject({ method: 'GET', url: '/api/v1/city' });
    expect(response.json()).toEqual({
      slug: 'testville',
      name: 'Testville Metro',
      timeZone: 'America/Chicago',
      languages: ['en'],
      defaultAlertRadiusMeters: 1_000,
      hotline: { text: 'Call.' },
      knowYourRights: [{ lang: 'en', title: 'Rights', body: 'Silence.', needsReview: false }],
      tiles: { url: '/tiles/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
    });
    await app.close();
  });
});
