import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildMember, type BuiltMember } from './helpers/factories';
import { recordFigure } from './helpers/figures';
import { FIVE_KM_AWAY, POWDERHORN } from './helpers/city';
import { describeEachDatabase, type TestContext } from './helpers/harness';
import { deviceKey } from './helpers/identity';
import { closeCityApp, openCityApp, type CityApp } from './helpers/city-app';
import { StreamClient } from './helpers/stream';

// SECURITY 11 and the infiltrator-flooding row: a Sybil attacker builds every account the API
// lets it build and files the same false sighting from all of them. A general alert reaching a
// neighbor is a false alert published. Everything goes through the public API except the
// attacker's starting accounts, which a real member vouched in.

interface Account {
  id: string;
  auth: { authorization: string };
}

describeEachDatabase('Sybil simulation', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let cityId: string;
  const streams: StreamClient[] = [];
  let address = 0;

  let city: CityApp | undefined;

  beforeAll(async () => {
    city = await openCityApp(kind);
    ({ t, app } = city);
    ({ cityId } = city.ids);
  });
  afterAll(() => closeCityApp(city, streams));

  const neighbor = () => ({ roles: [{ areaId: cityId, role: 'member' as const }] });
  const post = (who: Account, url: string, payload: object = {}) =>
    app.inject({ method: 'POST', url, headers: who.auth, payload });

  /** Every invite `sponsor` can make until the API refuses, each redeemed by a new account. */
  async function socksOf(sponsor: Account): Promise<Account[]> {
    const socks: Account[] = [];
    for (let i = 0; i < 500; i++) {
      const response = await post(sponsor, '/api/v1/invites');
      if (response.statusCode !== 201) break;
      // From an address of its own: per-address limits slow an attacker with many, not one.
      address += 1;
      const joined = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/device/register',
        remoteAddress: `10.0.${address >> 8}.${address & 255}`,
        payload: {
          invite: response.json<{ code: string }>().code,
          publicKey: deviceKey().publicKey,
        },
      });
      expect(joined.statusCode, joined.body).toBe(201);
      const body = joined.json<{ member: { id: string }; token: string }>();
      socks.push({ id: body.member.id, auth: { authorization: `Bearer ${body.token}` } });
    }
    return socks;
  }

  /** Each sock vouches for every other it can and tries to invite; returns how many got through. */
  async function crossVouch(vouchers: Account[], socks: Account[]): Promise<number> {
    let accepted = 0;
    for (const voucher of vouchers) {
      for (const sock of socks) {
        if (sock.id === voucher.id) continue;
        const response = await post(voucher, `/api/v1/members/${sock.id}/vouch`);
        if (response.statusCode === 200) accepted += 1;
      }
    }
    return accepted;
  }

  /**
   * Everyone files the same sighting. Counts the general alerts published for it (written with
   * the report, so counted without waiting) and what a neighbor near it was sent.
   */
  async function flood(
    scenario: string,
    accounts: Account[],
    at: { lat: number; lng: number },
  ): Promise<number> {
    const listener: BuiltMember = await buildMember(t.ctx, neighbor());
    const stream = await StreamClient.open(app, { token: listener.token, location: at });
    streams.push(stream);
    const incidents = new Set<string>();
    for (const [i, account] of accounts.entries()) {
      const response = await post(account, '/api/v1/reports', {
        salute: {
          activity: 'agents at the school gate',
          location: { lat: at.lat + i * 0.00005, lng: at.lng },
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      incidents.add(response.json<{ incident: { id: string } }>().incident.id);
    }
    // Staff hear of every report ('reported'); every other kind goes to general members.
    const published = await t.ctx.db
      .selectFrom('alerts')
      .select('id')
      .where('incident_id', 'in', [...incidents])
      .where('kind', '!=', 'reported')
      .execute();
    // The relay polls every 50 ms in tests; half a second is many polls.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const falseAlerts = published.length;
    recordFigure('sybil', `sybil.test.ts: ${scenario}`, kind, {
      accounts: accounts.length,
      reports: accounts.length,
      falseAlerts,
      sentToNeighbor: stream.alerts.length,
    });
    if (falseAlerts === 0) expect(stream.alerts).toEqual([]);
    return falseAlerts;
  }

  it('one vouched infiltrator and every account it can invite publish no general alert', async () => {
    const genuine = await buildMember(t.ctx, neighbor());
    const infiltrator = await buildMember(t.ctx, { sponsorId: genuine.id, ...neighbor() });
    const socks = await socksOf(infiltrator);
    expect(socks.length).toBeGreaterThan(0);
    // On probation, socks can neither vouch for each other nor invite; the sponsor cannot vouch.
    expect(await crossVouch([infiltrator, ...socks], socks)).toBe(0);
    for (const sock of socks) expect((await post(sock, '/api/v1/invites')).statusCode).toBe(403);
    expect(await flood('one infiltrator', [infiltrator, ...socks], POWDERHORN)).toBe(0);
  });

  // Independence looks one level up the vouch tree: the accounts two infiltrators invite are
  // independent of each other by that rule alone. They are on probation, and reports of members
  // on probation do not count toward corroboration (SECURITY 9 and 11).
  it('two infiltrators vouched in by one member, and every account they invite, publish no general alert', async () => {
    const genuine = await buildMember(t.ctx, neighbor());
    const first = await buildMember(t.ctx, { sponsorId: genuine.id, ...neighbor() });
    const second = await buildMember(t.ctx, { sponsorId: genuine.id, ...neighbor() });
    const socks = [...(await socksOf(first)), ...(await socksOf(second))];
    expect(socks.length).toBeGreaterThan(1);
    expect(
      await flood(
        'two infiltrators, one sponsor',
        [first, second, ...socks],
        // Far from the first scenario's incident, so neither joins the other.
        FIVE_KM_AWAY,
      ),
    ).toBe(0);
  });
});
