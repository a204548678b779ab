import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import { keyedHash } from '../src/membership/auth/crypto';
import { cityDay } from '../src/rapid-response/incidents/incident-writer';
import { expirePlates } from '../src/rapid-response/plates/plates.service';
import { buildMember, type BuiltMember } from './helpers/factories';
import { loadMinneapolis, POWDERHORN } from './helpers/city';
import { createTestContext, describeEachDatabase, type TestContext } from './helpers/harness';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const UNLISTED = { listed: false, confirmedIncidents: 0, lastSeenDay: null, areas: [] };

type ErrorBody = { error: { code: string; message: string } };
type Lookup = { listed: boolean; confirmedIncidents: number; lastSeenDay: string | null };

describeEachDatabase('licence plates', (kind) => {
  const clock = new ManualClock();
  let t: TestContext;
  let app: FastifyInstance;
  let ids: { cityId: string; powderhornId: string };
  let otherAreaId: string;
  /** Every plate the suite used, as its key: none may appear in the audit tables. */
  const used = new Set<string>();

  beforeAll(async () => {
    t = await createTestContext({ kind, clock });
    ids = await loadMinneapolis(t.ctx);
    const areas = await t.ctx.areas.get();
    otherAreaId = areas.all.find((a) => a.kind === 'neighborhood' && a.id !== ids.powderhornId)!.id;
    app = await createApp(t.ctx);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  const member = () => buildMember(t.ctx, { roles: [{ areaId: ids.cityId, role: 'member' }] });
  const verifier = (areaId = ids.powderhornId) =>
    buildMember(t.ctx, { roles: [{ areaId, role: 'verifier' }] });
  const plateUrl = (plate: string) => `/api/v1/plates/${encodeURIComponent(plate)}`;
  const lookup = (who: BuiltMember, plate: string) =>
    app.inject({ method: 'GET', url: plateUrl(plate), headers: who.auth });
  const approve = (who: BuiltMember, plate: string) =>
    app.inject({ method: 'POST', url: `${plateUrl(plate)}/approvals`, headers: who.auth });
  const remove = (who: BuiltMember, plate: string, payload: object) =>
    app.inject({ method: 'DELETE', url: plateUrl(plate), headers: who.auth, payload });
  const hashOf = (key: string) => keyedHash(t.ctx.secrets.serverKey, 'plate', key);

  // A confirmation takes two independent verifiers (fresh members nobody invited).
  async function verify(incidentId: string, outcome: 'confirmed' | 'false_alarm') {
    for (let n = 0; n < (outcome === 'confirmed' ? 2 : 1); n++) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/incidents/${incidentId}/verification`,
        headers: (await verifier()).auth,
        payload: { outcome },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  }

  /** A report of `plate` in Powderhorn, in a new incident (an hour after the last one). */
  async function sighting(plate: string, outcome?: 'confirmed' | 'false_alarm') {
    clock.advance(HOUR_MS);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: (await member()).auth,
      payload: { salute: { activity: 'ICE van parked', location: POWDERHORN }, plates: [plate] },
    });
    expect(response.statusCode, response.body).toBe(201);
    const incidentId = response.json<{ incident: { id: string } }>().incident.id;
    if (outcome) await verify(incidentId, outcome);
    return { incidentId, day: cityDay(clock.now(), 'America/Chicago') };
  }

  async function approveBy(count: number, plate: string) {
    let last: { listed: boolean; approvals: number } | null = null;
    for (let i = 0; i < count; i++) {
      const response = await approve(await verifier(), plate);
      expect(response.statusCode, response.body).toBe(200);
      last = response.json();
    }
    return last;
  }

  const plateRow = (key: string) =>
    t.ctx.db.selectFrom('plates').selectAll().where('plate_key', '=', key).executeTakeFirst();

  it('records sightings from reports, normalized, with the city day and a 180-day expiry', async () => {
    used.add('MN:SEEN001');
    const { incidentId, day } = await sighting('mn seen-001');
    const row = await plateRow('MN:SEEN001');
    expect(row?.listed_at).toBeNull();
    expect(row?.expires_at.getTime()).toBe(clock.now().getTime() + 180 * DAY_MS);
    const links = await t.ctx.db
      .selectFrom('plate_incidents')
      .select(['incident_id'])
      .where('plate_key', '=', 'MN:SEEN001')
      .execute();
    expect(links).toEqual([{ incident_id: incidentId }]);
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a single approver cannot list a plate, and approving twice counts once', async () => {
    used.add('MN:ONE0001');
    await sighting('MN ONE 0001', 'confirmed');
    const alone = await verifier();
    for (let i = 0; i < 2; i++) {
      const response = await approve(alone, 'MN ONE 0001');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ listed: false, approvals: 1 });
    }
    expect((await lookup(await member(), 'MN ONE 0001')).json()).toEqual(UNLISTED);
  });

  it('two approvers and a confirmed incident list it; the lookup answers only four fields', async () => {
    used.add('MN:ABC123');
    const { day } = await sighting('MN ABC 123', 'confirmed');
    expect(await approveBy(1, 'MN ABC 123')).toEqual({ listed: false, approvals: 1 });
    expect(await approveBy(1, 'MN ABC 123')).toEqual({ listed: true, approvals: 2 });
    const response = await lookup(await member(), 'mn abc-123');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual([
      'areas',
      'confirmedIncidents',
      'lastSeenDay',
      'listed',
    ]);
    expect(body).toEqual({
      listed: true,
      confirmedIncidents: 1,
      lastSeenDay: day,
      areas: ['Powderhorn Park'],
    });
    // The stored key reads the same.
    expect((await lookup(await member(), 'MN:ABC123')).json()).toEqual(body);
  });

  it('two approvers without a confirmed incident do not list it, until a verifier confirms', async () => {
    used.add('MN:WAIT001');
    const { incidentId, day } = await sighting('MN WAIT 001');
    expect(await approveBy(2, 'MN WAIT 001')).toEqual({ listed: false, approvals: 2 });
    expect((await lookup(await member(), 'MN WAIT 001')).json()).toEqual(UNLISTED);
    await verify(incidentId, 'confirmed');
    expect((await lookup(await member(), 'MN WAIT 001')).json()).toEqual({
      listed: true,
      confirmedIncidents: 1,
      lastSeenDay: day,
      areas: ['Powderhorn Park'],
    });
  });

  it('a false alarm lists nothing, and retracting a confirmation unlists at once', async () => {
    used.add('MN:FALSE01');
    used.add('MN:FALSE02');
    await sighting('MN FALSE 01', 'false_alarm');
    expect(await approveBy(2, 'MN FALSE 01')).toEqual({ listed: false, approvals: 2 });
    expect((await lookup(await member(), 'MN FALSE 01')).json()).toEqual(UNLISTED);
    expect((await plateRow('MN:FALSE01'))?.listed_at).toBeNull();

    const { incidentId } = await sighting('MN FALSE 02', 'confirmed');
    expect(await approveBy(2, 'MN FALSE 02')).toEqual({ listed: true, approvals: 2 });
    await verify(incidentId, 'false_alarm');
    expect((await lookup(await member(), 'MN FALSE 02')).json()).toEqual(UNLISTED);
  });

  it('a plate reported but not listed answers exactly like a plate never seen', async () => {
    used.add('MN:HALF001');
    used.add('MN:NEVER01');
    await sighting('MN HALF 001', 'confirmed');
    await approveBy(1, 'MN HALF 001');
    const asker = await member();
    const reported = await lookup(asker, 'MN HALF 001');
    const never = await lookup(asker, 'MN NEVER 01');
    expect(reported.statusCode).toBe(200);
    expect(never.statusCode).toBe(200);
    expect(reported.body).toBe(never.body);
    expect(reported.headers['content-length']).toBe(never.headers['content-length']);
    expect(reported.json()).toEqual(UNLISTED);
  });

  it('members on probation cannot look up or approve; only verifiers of its areas approve', async () => {
    used.add('MN:AUTHZ01');
    await sighting('MN AUTHZ 01', 'confirmed');
    const probation = await buildMember(t.ctx, {
      status: 'probation',
      roles: [{ areaId: ids.powderhornId, role: 'verifier' }],
    });
    for (const response of [
      await lookup(probation, 'MN AUTHZ 01'),
      await approve(probation, 'MN AUTHZ 01'),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().error.code).toBe('probation');
    }
    const plain = await approve(await member(), 'MN AUTHZ 01');
    expect(plain.statusCode).toBe(403);
    expect(plain.json<ErrorBody>().error.code).toBe('forbidden');
    // A verifier elsewhere, or a plate never seen: not found.
    expect((await approve(await verifier(otherAreaId), 'MN AUTHZ 01')).statusCode).toBe(404);
    expect((await approve(await verifier(), 'MN NOPE 001')).statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('plate_approvals').selectAll().execute()).not.toContainEqual(
      expect.objectContaining({ plate_key: 'MN:AUTHZ01' }),
    );
  });

  it('bad plate text answers 400 naming the plate', async () => {
    const asker = await member();
    for (const bad of ['!!!', 'A', 'ZZ:ABC123', 'X'.repeat(65)]) {
      const response = await lookup(asker, bad);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json<ErrorBody>().error.message).toMatch(/\bplate\b/);
    }
    expect((await approve(await verifier(), '!!!')).statusCode).toBe(400);
  });

  it('every lookup is audited by a keyed hash; no plate text reaches the audit tables', async () => {
    const asker = await member();
    await lookup(asker, 'MN ABC 123');
    await lookup(asker, 'MN NEVER 01');
    const rows = await t.ctx.db
      .selectFrom('plate_lookups')
      .select(['plate_hash', 'listed'])
      .where('member_id', '=', asker.id)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { plate_hash: hashOf('MN:ABC123'), listed: true },
      { plate_hash: hashOf('MN:NEVER01'), listed: false },
    ]);
    const approvals = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'plate.approved')
      .execute();
    expect(approvals).toContainEqual({ details: { plateHash: hashOf('MN:ABC123') } });

    const dump = JSON.stringify([
      await t.ctx.db.selectFrom('plate_lookups').selectAll().execute(),
      await t.ctx.db.selectFrom('audit_log').selectAll().execute(),
    ]);
    for (const key of used) {
      const plate = key.split(':')[1]!;
      expect(dump).not.toContain(plate);
      expect(dump).not.toContain(`${plate.slice(0, 3)} ${plate.slice(3)}`);
    }
  });

  it("an organizer of the plate's area removes a wrong plate, with a reason in the audit log", async () => {
    used.add('MN:WRONG01');
    await sighting('MN WRONG 01', 'confirmed');
    await approveBy(2, 'MN WRONG 01');
    const organizer = await buildMember(t.ctx, {
      roles: [{ areaId: ids.powderhornId, role: 'organizer' }],
    });
    const elsewhere = await buildMember(t.ctx, {
      roles: [{ areaId: otherAreaId, role: 'organizer' }],
    });
    const reason = 'the reporter misread one character';
    expect((await remove(await member(), 'MN WRONG 01', { reason })).statusCode).toBe(403);
    expect((await remove(await verifier(), 'MN WRONG 01', { reason })).statusCode).toBe(403);
    expect((await remove(elsewhere, 'MN WRONG 01', { reason })).statusCode).toBe(404);
    const noReason = await remove(organizer, 'MN WRONG 01', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.message).toMatch(/^reason: /);
    expect((await lookup(await member(), 'MN WRONG 01')).json<Lookup>().listed).toBe(true);

    const removed = await remove(organizer, 'MN WRONG 01', { reason });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await lookup(await member(), 'MN WRONG 01')).json()).toEqual(UNLISTED);
    expect(await plateRow('MN:WRONG01')).toBeUndefined();
    for (const table of ['plate_incidents', 'plate_approvals'] as const) {
      const left = await t.ctx.db
        .selectFrom(table)
        .select('plate_key')
        .where('plate_key', '=', 'MN:WRONG01')
        .execute();
      expect(left).toEqual([]);
    }
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'plate.removed')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      actor_id: organizer.id,
      details: { plateHash: hashOf('MN:WRONG01'), reason },
    });
    expect((await remove(organizer, 'MN WRONG 01', { reason })).statusCode).toBe(404);
  });

  it('limits each member to 30 lookups an hour, with Retry-After', async () => {
    const asker = await member();
    for (let i = 0; i < 30; i++) {
      const response = await lookup(asker, `MN RATE ${String(i).padStart(3, '0')}`);
      expect(response.statusCode, response.body).toBe(200);
    }
    const refused = await lookup(asker, 'MN RATE 999');
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorBody>().error.code).toBe('plate_lookup_rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    // Refused lookups are not answers and are not counted.
    const counted = await t.ctx.db
      .selectFrom('plate_lookups')
      .select('id')
      .where('member_id', '=', asker.id)
      .execute();
    expect(counted).toHaveLength(30);
    expect((await lookup(await member(), 'MN RATE 999')).statusCode).toBe(200);
    clock.advance(HOUR_MS);
    expect((await lookup(asker, 'MN RATE 999')).statusCode).toBe(200);
  });

  // Moves the shared clock half a year on: keep it last.
  it('links expire after 180 days unless the plate is seen again', async () => {
    used.add('MN:OLD0001');
    used.add('MN:AGAIN01');
    await sighting('MN OLD 0001', 'confirmed');
    const { day } = await sighting('MN AGAIN 01', 'confirmed');
    await approveBy(2, 'MN OLD 0001');
    await approveBy(2, 'MN AGAIN 01');

    clock.advance(100 * DAY_MS);
    await sighting('MN AGAIN 01');
    clock.advance(81 * DAY_MS);
    // Past its expiry a plate answers unlisted even before the sweep runs.
    expect((await lookup(await member(), 'MN OLD 0001')).json()).toEqual(UNLISTED);
    // Seen again (in an unconfirmed incident): kept, still listed by its confirmed incident.
    expect((await lookup(await member(), 'MN AGAIN 01')).json()).toEqual({
      listed: true,
      confirmedIncidents: 1,
      lastSeenDay: day,
      areas: ['Powderhorn Park'],
    });

    expect(await expirePlates(t.ctx, clock.now())).toBeGreaterThan(0);
    expect(await plateRow('MN:OLD0001')).toBeUndefined();
    const oldLinks = await t.ctx.db
      .selectFrom('plate_incidents')
      .select('incident_id')
      .where('plate_key', '=', 'MN:OLD0001')
      .execute();
    expect(oldLinks).toEqual([]);
    expect(await plateRow('MN:AGAIN01')).toBeDefined();

    clock.advance(100 * DAY_MS);
    await expirePlates(t.ctx, clock.now());
    expect(await plateRow('MN:AGAIN01')).toBeUndefined();
    expect(await t.ctx.db.selectFrom('plates').selectAll().execute()).toEqual([]);
  });
});
