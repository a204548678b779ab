import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { destination, intakeLocks, type IncidentReport, type IntakeLocks } from '@tocsin/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../src/platform/context';
import { intakeReport, type IntakeResult } from '../src/rapid-response/incidents/incidents.intake';
import { lockIntakePlace } from '../src/rapid-response/incidents/incidents.repository';
import { FIVE_KM_AWAY, loadMinneapolis, POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { buildMember } from './helpers/factories';
import {
  createTestContext,
  describeEachDatabase,
  TEST_DATABASE_URL,
  type TestContext,
} from './helpers/harness';

describeEachDatabase('report-to-incident intake', (kind) => {
  let t: TestContext;
  let ids: { cityId: string; powderhornId: string };

  beforeAll(async () => {
    t = await createTestContext({ kind });
    ids = await loadMinneapolis(t.ctx);
  });
  afterAll(() => t.close());

  /** An independent, vouched member of the city reporting now at a point. */
  const take = async (point: { lat: number; lng: number }): Promise<IntakeResult> => {
    const sponsor = await buildMember(t.ctx);
    const member = await buildMember(t.ctx, {
      sponsorId: sponsor.id,
      roles: [{ areaId: ids.cityId, role: 'member' }],
    });
    const report: IncidentReport = {
      memberId: member.id,
      sponsorId: sponsor.id,
      vouched: true,
      role: 'member',
      onShift: false,
      at: t.clock.now().getTime(),
    };
    const settings = (await t.ctx.areas.get()).settings!;
    return transact(t.ctx, (tx) =>
      intakeReport(
        t.ctx,
        tx,
        { report, ...point, areaId: ids.powderhornId, activity: 'agents at a door' },
        settings,
      ),
    );
  };

  it('opens an incident, joins the next report in range to it, and writes its alert with its event', async () => {
    const first = await take(POWDERHORN);
    expect(first).toMatchObject({ state: 'reported', reporters: 1 });
    const second = await take(POWDERHORN_100M);
    expect(second).toEqual({ id: first.id, state: 'corroborated', reporters: 2 });

    const row = await t.ctx.db
      .selectFrom('incidents')
      .select(['state', 'reporter_count', 'activity', 'area_id'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      state: 'corroborated',
      reporter_count: 2,
      activity: 'agents at a door',
      area_id: ids.powderhornId,
    });
    const reporters = await t.ctx.db
      .selectFrom('incident_reporters')
      .select('member_id')
      .where('incident_id', '=', first.id)
      .execute();
    expect(reporters).toHaveLength(2);
    const timeline = await t.ctx.db
      .selectFrom('incident_timeline')
      .select('to_state')
      .where('incident_id', '=', first.id)
      .orderBy('id')
      .execute();
    expect(timeline.map((e) => e.to_state)).toContain('corroborated');
    const alerts = await t.ctx.db
      .selectFrom('alerts')
      .select(['id', 'kind'])
      .where('incident_id', '=', first.id)
      .execute();
    const unconfirmed = alerts.find((a) => a.kind === 'unconfirmed');
    expect(unconfirmed).toBeDefined();
    const event = await t.ctx.db
      .selectFrom('outbox')
      .select('type')
      .where('id', '=', unconfirmed!.id)
      .executeTakeFirst();
    expect(event?.type).toBe('alert.issued');
  });

  it('opens a second incident for a report out of range', async () => {
    const near = await take(POWDERHORN);
    const far = await take(FIVE_KM_AWAY);
    expect(far.id).not.toBe(near.id);
    expect(far).toMatchObject({ state: 'reported', reporters: 1 });
  });
});

it('is the only code that opens incidents or joins reporters to them', async () => {
  const src = path.resolve(import.meta.dirname, '../src');
  const files = (await readdir(src, { recursive: true })).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.repository.ts') && !f.endsWith('.test.ts'),
  );
  const writers: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(src, file), 'utf8');
    if (/\b(insertIncidentRow|addReporter|lockIntakePlace|openIncident)\(/.test(text))
      writers.push(file.split(path.sep).join('/'));
  }
  expect(writers).toEqual(['rapid-response/incidents/incidents.intake.ts']);
});

const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('intake locks on PostgreSQL: one place waits, places farther apart go on', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ kind: 'postgres' });
  });
  afterAll(() => t.close());

  const RADIUS = 400;
  const place = (lat: number, lng: number) => intakeLocks(lat, lng, RADIUS);

  /** Whether a second transaction gets `locks` while a first one holds POWDERHORN's. */
  const getsWhileHeld = async (locks: IntakeLocks): Promise<boolean> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const taken = new Promise<void>((resolve) => (holding = resolve));
    const first = transact(t.ctx, async (tx) => {
      await lockIntakePlace(tx, place(POWDERHORN.lat, POWDERHORN.lng));
      holding();
      await held;
    });
    await taken;
    try {
      await transact(t.ctx, async (tx) => {
        await sql`set local lock_timeout = '300ms'`.execute(tx);
        await lockIntakePlace(tx, locks);
      });
      return true;
    } catch (error) {
      if (/lock timeout/.test(String(error))) return false;
      throw error;
    } finally {
      release();
      await first;
    }
  };

  it('a report 100 m away waits; one 600 m away, a sighting of its own, does not', async () => {
    expect(await getsWhileHeld(place(POWDERHORN_100M.lat, POWDERHORN_100M.lng))).toBe(false);
    const far = destination(POWDERHORN.lat, POWDERHORN.lng, Math.PI / 3, 600);
    expect(await getsWhileHeld(place(far.lat, far.lng))).toBe(true);
    expect(await getsWhileHeld(place(FIVE_KM_AWAY.lat, FIVE_KM_AWAY.lng))).toBe(true);
  });
});
