import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { ManualClock } from '../src/platform/clock';
import { keyedHash } from '../src/membership/auth/crypto';
import { hashPlate } from '../src/rapid-response/plates/plate-hash';
import { cityDay } from '../src/rapid-response/incidents/incident-writer';
import { expirePlates, rehashClearPlates } from '../src/rapid-response/plates/plates.service';
import { findEverywhere } from './helpers/dump';
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
  /** A verifier whose role is 8 days old (approvals count from 7). */
  const verifier = (
    areaId = ids.powderhornId,
    options: { sponsorId?: string; days?: number } = {},
  ) =>
    buildMember(t.ctx, {
      roles: [{ areaId, role: 'verifier' }],
      grantedAt: new Date(clock.now().getTime() - (options.days ?? 8) * DAY_MS),
      ...(options.sponsorId ? { sponsorId: options.sponsorId } : {}),
    });
  const plateUrl = (plate: string) => `/api/v1/plates/${encodeURIComponent(plate)}`;
  const lookup = (who: BuiltMember, plate: string) =>
    app.inject({ method: 'GET', url: plateUrl(plate), headers: who.auth });
  const approve = (who: BuiltMember, plate: string) =>
    app.inject({ method: 'POST', url: `${plateUrl(plate)}/approvals`, headers: who.auth });
  const remove = (who: BuiltMember, plate: string, payload: object) =>
    app.inject({ method: 'DELETE', url: plateUrl(plate), headers: who.auth, payload });
  const hashOf = (key: string) => hashPlate(t.ctx, key);

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
  async function sighting(
    plate: string,
    outcome?: 'confirmed' | 'false_alarm',
    reporter?: BuiltMember,
  ) {
    clock.advance(HOUR_MS);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: (reporter ?? (await member())).auth,
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

  const plateRow = async (key: string) =>
    t.ctx.db
      .selectFrom('plates')
      .selectAll()
      .where('plate_hash', '=', await hashOf(key))
      .executeTakeFirst();

  it('records sightings from reports, normalized, with the city day and a 180-day expiry', async () => {
    used.add('MN:SEEN001');
    const { incidentId, day } = await sighting('mn seen-001');
    const row = await plateRow('MN:SEEN001');
    expect(row?.listed_at).toBeNull();
    expect(row?.expires_at.getTime()).toBe(clock.now().getTime() + 180 * DAY_MS);
    const links = await t.ctx.db
      .selectFrom('plate_incidents')
      .select(['incident_id'])
      .where('plate_hash', '=', await hashOf('MN:SEEN001'))
      .execute();
    expect(links).toEqual([{ incident_id: incidentId }]);
    // Stored only as the slow keyed hash: not the plate, not the fast HMAC of before.
    expect(await findEverywhere(t.ctx, 'SEEN001')).toEqual(['reports.plates']);
    expect(
      await findEverywhere(t.ctx, keyedHash(t.ctx.secrets.serverKey, 'plate', 'MN:SEEN001')),
    ).toEqual([]);
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

  it('every spelling of one plate is one plate: MNKVX381, KVX 381, MN-KVX-381 (issue 20)', async () => {
    used.add('MN:KVX381');
    // Reported without a state in a city whose default state is MN.
    const { day } = await sighting('KVX 381', 'confirmed');
    expect(await plateRow('MN:KVX381')).toBeDefined();
    expect(await approveBy(1, 'MNKVX381')).toEqual({ listed: false, approvals: 1 });
    expect(await approveBy(1, 'mn kvx-381')).toEqual({ listed: true, approvals: 2 });
    for (const spelling of ['MN-KVX-381', 'KVX381', 'MN KVX 381', 'MNKVX381']) {
      const response = await lookup(await member(), spelling);
      expect(response.json(), spelling).toEqual({
        listed: true,
        confirmedIncidents: 1,
        lastSeenDay: day,
        areas: ['Powderhorn Park'],
      });
    }
    // Another state's plate with the same characters is another plate.
    expect((await lookup(await member(), 'WI KVX381')).json()).toEqual(UNLISTED);
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
      expect.objectContaining({ plate_hash: await hashOf('MN:AUTHZ01') }),
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

  it('lookups are recorded by member and time, never plate; plate audit entries name no one', async () => {
    const asker = await member();
    await lookup(asker, 'MN ABC 123');
    await lookup(asker, 'MN NEVER 01');
    const rows = await t.ctx.db
      .selectFrom('plate_lookups')
      .selectAll()
      .where('member_id', '=', asker.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.listed)).toEqual([true, false]);
    expect(Object.keys(rows[0]!).sort()).toEqual(['at', 'id', 'listed', 'member_id']);
    const approvals = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'plate.approved')
      .execute();
    expect(approvals).toContainEqual({
      actor_id: null,
      details: { plateHash: await hashOf('MN:ABC123') },
    });
    const plateEntries = await t.ctx.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', 'like', 'plate.%')
      .execute();
    expect(plateEntries.filter((e) => e.actor_id !== null)).toEqual([]);

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
        .select('plate_hash')
        .where('plate_hash', '=', await hashOf('MN:WRONG01'))
        .execute();
      expect(left).toEqual([]);
    }
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'plate.removed')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      actor_id: null,
      details: { plateHash: await hashOf('MN:WRONG01'), reason },
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

  it('approvals count only once the verifier role is 7 days old', async () => {
    used.add('MN:SEASON1');
    await sighting('MN SEASON 1', 'confirmed');
    for (const days of [0, 6]) {
      const response = await approve(await verifier(ids.powderhornId, { days }), 'MN SEASON 1');
      expect(response.json()).toEqual({ listed: false, approvals: 0 });
    }
    expect(await approveBy(1, 'MN SEASON 1')).toEqual({ listed: false, approvals: 1 });
    expect(await approveBy(1, 'MN SEASON 1')).toEqual({ listed: true, approvals: 2 });
  });

  it('verifiers invited by one member count once; a verifier tied to a reporter not at all', async () => {
    used.add('MN:TREE001');
    const sponsor = await member();
    const reporter = await buildMember(t.ctx, {
      roles: [{ areaId: ids.cityId, role: 'member' }],
      sponsorId: sponsor.id,
    });
    await sighting('MN TREE 001', 'confirmed', reporter);
    // The reporter's sibling and the reporter's sponsor share the reporter's sponsor tree.
    const sibling = await verifier(ids.powderhornId, { sponsorId: sponsor.id });
    expect((await approve(sibling, 'MN TREE 001')).json()).toEqual({ listed: false, approvals: 0 });
    const outsider = await member();
    const first = await verifier(ids.powderhornId, { sponsorId: outsider.id });
    const second = await verifier(ids.powderhornId, { sponsorId: outsider.id });
    expect((await approve(first, 'MN TREE 001')).json()).toEqual({ listed: false, approvals: 1 });
    expect((await approve(second, 'MN TREE 001')).json()).toEqual({ listed: false, approvals: 1 });
    expect(await approveBy(1, 'MN TREE 001')).toEqual({ listed: true, approvals: 2 });
  });

  it('once listed, approvals keep an opaque tag and the day; no verifier stays linked', async () => {
    used.add('MN:TAGS001');
    await sighting('MN TAGS 001', 'confirmed');
    const first = await verifier();
    await approve(first, 'MN TAGS 001');
    const hash = await hashOf('MN:TAGS001');
    const pending = await t.ctx.db
      .selectFrom('plate_approvals')
      .selectAll()
      .where('plate_hash', '=', hash)
      .execute();
    expect(pending.map((r) => r.verifier_id)).toEqual([first.id]);
    expect(await approveBy(1, 'MN TAGS 001')).toEqual({ listed: true, approvals: 2 });
    const decided = await t.ctx.db
      .selectFrom('plate_approvals')
      .selectAll()
      .where('plate_hash', '=', hash)
      .execute();
    expect(decided).toHaveLength(2);
    expect(decided.map((r) => r.verifier_id)).toEqual([null, null]);
    expect(new Set(decided.map((r) => r.approver_tag)).size).toBe(2);
    for (const row of decided) expect(row.approved_at.getTime() % DAY_MS).toBe(0);
    // A later approval of a listed plate is settled at once too.
    await approveBy(1, 'MN TAGS 001');
    const after = await t.ctx.db
      .selectFrom('plate_approvals')
      .select('verifier_id')
      .where('plate_hash', '=', hash)
      .execute();
    expect(after.map((r) => r.verifier_id)).toEqual([null, null, null]);
  });

  it('an approval left undecided for 7 days goes, and with it the verifier', async () => {
    used.add('MN:STALE01');
    await sighting('MN STALE 01');
    await approveBy(1, 'MN STALE 01');
    const hash = await hashOf('MN:STALE01');
    const rows = () =>
      t.ctx.db.selectFrom('plate_approvals').selectAll().where('plate_hash', '=', hash).execute();
    await expirePlates(t.ctx, new Date(clock.now().getTime() + 6 * DAY_MS));
    expect(await rows()).toHaveLength(1);
    await expirePlates(t.ctx, new Date(clock.now().getTime() + 7 * DAY_MS + 1));
    expect(await rows()).toEqual([]);
    expect(await plateRow('MN:STALE01')).toBeDefined();
  });

  it('plates stored in clear before hashing are rehashed at start, links and listing kept', async () => {
    used.add('MN:CLEAR01');
    const { incidentId } = await sighting('MN CARRY 01', 'confirmed');
    const now = clock.now();
    await t.ctx.db
      .insertInto('plates')
      .values({
        plate_hash: 'MN:CLEAR01',
        clear: true,
        listed_at: now,
        last_seen_day: '2026-01-01',
        expires_at: new Date(now.getTime() + 180 * DAY_MS),
      })
      .execute();
    await t.ctx.db
      .insertInto('plate_incidents')
      .values({ plate_hash: 'MN:CLEAR01', incident_id: incidentId, seen_day: '2026-01-01' })
      .execute();
    await t.ctx.db
      .insertInto('plate_approvals')
      .values(
        ['x', 'y'].map((tag) => ({
          plate_hash: 'MN:CLEAR01',
          verifier_id: null,
          approver_tag: tag,
          approved_at: now,
        })),
      )
      .execute();
    expect(await findEverywhere(t.ctx, 'CLEAR01')).not.toEqual([]);
    expect(await rehashClearPlates(t.ctx)).toBe(1);
    expect(await rehashClearPlates(t.ctx)).toBe(0);
    expect(await findEverywhere(t.ctx, 'CLEAR01')).toEqual([]);
    expect((await lookup(await member(), 'MN CLEAR 01')).json<Lookup>().listed).toBe(true);
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
      .where('plate_hash', '=', await hashOf('MN:OLD0001'))
      .execute();
    expect(oldLinks).toEqual([]);
    expect(await plateRow('MN:AGAIN01')).toBeDefined();

    clock.advance(100 * DAY_MS);
    await expirePlates(t.ctx, clock.now());
    expect(await plateRow('MN:AGAIN01')).toBeUndefined();
    expect(await t.ctx.db.selectFrom('plates').selectAll().execute()).toEqual([]);
  });
});
