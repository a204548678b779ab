import { createECDH, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { bootstrap } from '../src/cli/bootstrap';
import { generateVapidKeys, loadVapidKeys } from '../src/platform/push/vapid-keys';
import { FIVE_KM_AWAY, loadMinneapolis, POWDERHORN, POWDERHORN_100M } from './helpers/city';
import { buildMember, type BuiltMember } from './helpers/factories';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  type TestContext,
} from './helpers/harness';
import { LocalPushService, verifyVapid, type ReceivedPush } from './helpers/push-service';
import { StreamClient } from './helpers/stream';

const DAY_S = 86_400;

function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describeEachDatabase('web push', (kind) => {
  let t: TestContext;
  let app: FastifyInstance;
  let push: LocalPushService;
  let areaIds: { cityId: string; powderhornId: string };
  let publicKey: string;
  const clients: StreamClient[] = [];

  beforeAll(async () => {
    push = await LocalPushService.start();
    t = await createTestContext({ kind });
    t.ctx.pushTransport = push.transport;
    areaIds = await loadMinneapolis(t.ctx);
    app = await createApp(t.ctx);
    await app.ready();
    t.ctx.relay.start();
    publicKey = (await app.inject({ url: '/api/v1/push/key' })).json<{ publicKey: string }>()
      .publicKey;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await app?.close();
    await t?.close();
    await push?.close();
  });

  const neighbor = () => ({ roles: [{ areaId: areaIds.cityId, role: 'member' as const }] });
  /** A member who saved one place (kept as a coarse cell) and subscribed a browser. */
  const subscriber = async (name: string, place: { lat: number; lng: number }) => {
    const member = await buildMember(t.ctx, neighbor());
    const prefs = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/alerts',
      headers: member.auth,
      payload: { areaIds: [], places: [place], radiusMeters: 1000, minLevel: 'unconfirmed' },
    });
    expect(prefs.statusCode, prefs.body).toBe(200);
    await subscribe(member, push.endpoint(name));
    return member;
  };
  const subscribe = async (member: BuiltMember, endpoint: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/me/push-subscriptions',
      headers: member.auth,
      payload: { endpoint, keys: browserKeys(), expirationTime: null },
    });
    expect(response.statusCode, response.body).toBe(201);
  };
  const report = (member: BuiltMember, body: object) =>
    app.inject({ method: 'POST', url: '/api/v1/reports', headers: member.auth, payload: body });
  const subscriptionCount = async (endpoint: string) =>
    (
      await t.ctx.db
        .selectFrom('push_subscriptions')
        .select('id')
        .where('endpoint', '=', endpoint)
        .execute()
    ).length;

  /** What a push service checks, and that nothing about the incident travels. */
  const expectContentFree = (received: ReceivedPush, incident: { id: string }) => {
    expect(received.method).toBe('POST');
    expect(received.body.length).toBe(0);
    expect(received.headers['content-length']).toBe('0');
    expect(received.headers['content-encoding']).toBeUndefined();
    expect(received.headers.ttl).toBe(String(6 * 3600));
    expect(received.headers.urgency).toBe('high');
    const claims = verifyVapid(received.headers.authorization, publicKey);
    expect(claims.aud).toBe(push.origin);
    expect(claims.sub).toBe(t.ctx.config.vapidSubject);
    const now = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.exp).toBeLessThanOrEqual(now + DAY_S);
    const raw = JSON.stringify(received.headers) + received.path;
    for (const leak of [incident.id, 'Powderhorn', 'agents', String(POWDERHORN.lat)]) {
      expect(raw).not.toContain(leak);
    }
  };

  it('pushes an alert to subscribed members in range, connected or not, and a retraction to those told', async () => {
    const [s1, s2] = [await buildMember(t.ctx), await buildMember(t.ctx)];
    const b = await buildMember(t.ctx, { sponsorId: s1.id, ...neighbor() });
    const c = await buildMember(t.ctx, { sponsorId: s2.id, ...neighbor() });
    const verifier = await buildMember(t.ctx, {
      roles: [{ areaId: areaIds.powderhornId, role: 'verifier' }],
    });
    // Nobody of these is connected anywhere, except `online`.
    await subscriber('near', POWDERHORN);
    await subscriber('far', FIVE_KM_AWAY);
    await subscriber('stale', POWDERHORN);
    push.statusFor.set('/push/stale', 410);
    const online = await subscriber('online', POWDERHORN);
    const stream = await StreamClient.open(app, { token: online.token, location: POWDERHORN });
    clients.push(stream);

    const first = await report(b, {
      salute: { activity: 'ICE agents detaining a man', location: POWDERHORN, size: '4' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const incident = first.json<{ incident: { id: string } }>().incident;
    await settle();
    // `reported` is for staff only: no member is pushed yet.
    expect(push.received).toEqual([]);

    const second = await report(c, {
      salute: { activity: 'agents at the lake', location: POWDERHORN_100M },
    });
    expect(second.json()).toMatchObject({ incident: { state: 'corroborated' } });
    await eventually(() => {
      expect(push.to('near')).toHaveLength(1);
      expect(push.to('online')).toHaveLength(1);
      expect(push.to('stale')).toHaveLength(1);
    });
    expect(stream.kinds()).toEqual(['unconfirmed']);
    for (const received of push.received) expectContentFree(received, incident);
    const [jwtHeader, , signature] =
      /t=([^,]+)/.exec(push.received[0]?.headers.authorization ?? '')?.[1]?.split('.') ?? [];
    const forged = `vapid t=${jwtHeader}.${Buffer.from('{"sub":"x"}').toString('base64url')}.${signature}, k=${publicKey}`;
    expect(() => verifyVapid(forged, publicKey)).toThrow(/does not verify/);
    // The push service said the browser is gone: its subscription is deleted.
    await eventually(async () => expect(await subscriptionCount(push.endpoint('stale'))).toBe(0));
    expect(await subscriptionCount(push.endpoint('near'))).toBe(1);

    // Subscribed in range, but after the alert: not told, so no retraction either.
    await subscriber('late', POWDERHORN);
    const verdict = await app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/verification`,
      headers: verifier.auth,
      payload: { outcome: 'false_alarm' },
    });
    expect(verdict.statusCode, verdict.body).toBe(200);
    await eventually(() => {
      expect(push.to('near')).toHaveLength(2);
      expect(push.to('online')).toHaveLength(2);
    });
    await eventually(() => expect(stream.kinds()).toEqual(['unconfirmed', 'retraction']));
    await settle();
    for (const received of push.received) expectContentFree(received, incident);
    expect(push.to('far')).toEqual([]);
    expect(push.to('late')).toEqual([]);
    expect(push.to('stale')).toHaveLength(1);
    // Once per alert and member, whichever node took the event.
    expect(push.received).toHaveLength(5);
  });

  it('serves the public key and takes only https endpoints at allowed push services', async () => {
    const key = await app.inject({ url: '/api/v1/push/key' });
    expect(key.statusCode).toBe(200);
    expect(Buffer.from(key.json<{ publicKey: string }>().publicKey, 'base64url')).toHaveLength(65);

    const member = await buildMember(t.ctx, neighbor());
    const post = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/me/push-subscriptions',
        headers: member.auth,
        payload,
      });
    const keys = browserKeys();
    const http = await post({ endpoint: push.endpoint('x').replace('https:', 'http:'), keys });
    expect(http.statusCode).toBe(400);
    expect(http.json<{ error: { message: string } }>().error.message).toMatch(/^endpoint:/);
    const internal = await post({ endpoint: 'https://10.0.0.1/admin', keys });
    expect(internal.statusCode).toBe(400);
    const badKey = await post({ endpoint: push.endpoint('x'), keys: { ...keys, p256dh: 'AAAA' } });
    expect(badKey.json<{ error: { message: string } }>().error.message).toMatch(/^keys\.p256dh:/);
    const extra = await post({ endpoint: push.endpoint('x'), keys, incident: 'x' });
    expect(extra.statusCode).toBe(400);
  });

  it("unsubscribes the caller's browser and leaves another member's alone", async () => {
    const owner = await buildMember(t.ctx, neighbor());
    const other = await buildMember(t.ctx, neighbor());
    const endpoint = push.endpoint('mine');
    await subscribe(owner, endpoint);
    const remove = (member: BuiltMember) =>
      app.inject({
        method: 'DELETE',
        url: '/api/v1/me/push-subscriptions',
        headers: member.auth,
        payload: { endpoint },
      });
    expect((await remove(other)).statusCode).toBe(204);
    expect(await subscriptionCount(endpoint)).toBe(1);
    expect((await remove(owner)).statusCode).toBe(204);
    expect(await subscriptionCount(endpoint)).toBe(0);
    expect((await remove(owner)).statusCode).toBe(204);
  });
});

describe('VAPID keys', () => {
  it('are generated on first start into the data dir (0600) and kept across restarts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tocsin-vapid-'));
    try {
      const first = (await bootstrap({ TOCSIN_DATA_DIR: dir, LOG_LEVEL: 'silent' })).secrets.vapid;
      const second = (await bootstrap({ TOCSIN_DATA_DIR: dir, LOG_LEVEL: 'silent' })).secrets.vapid;
      expect(first?.publicKey).toBeTruthy();
      expect(second).toEqual(first);
      const file = path.join(dir, 'vapid.json');
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('come from the environment for several nodes, as a matching pair', async () => {
    const keys = generateVapidKeys();
    const env = {
      TOCSIN_VAPID_PUBLIC_KEY: keys.publicKey,
      TOCSIN_VAPID_PRIVATE_KEY: keys.privateKey,
    };
    expect(await loadVapidKeys(env, '/nonexistent')).toEqual(keys);
    const other = generateVapidKeys();
    await expect(
      loadVapidKeys({ ...env, TOCSIN_VAPID_PRIVATE_KEY: other.privateKey }, '/nonexistent'),
    ).rejects.toThrow(/TOCSIN_VAPID_PRIVATE_KEY:/);
    await expect(
      loadVapidKeys({ TOCSIN_VAPID_PUBLIC_KEY: keys.publicKey }, '/nonexistent'),
    ).rejects.toThrow(/TOCSIN_VAPID_PRIVATE_KEY:/);
  });
});
