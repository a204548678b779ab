import type { Browser, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './api-client';
import { launchBrowser, TEST_BROWSER } from './browser';
import { Phone } from './phone';
import { approvedMember, POWDERHORN, POWDERHORN_100M, startWorld, type World } from './world';

const suite = TEST_BROWSER ? describe : describe.skip;
const title = TEST_BROWSER
  ? 'live stream reconnect in the browser'
  : 'live stream reconnect in the browser (skipped: TEST_BROWSER is not set)';

/** One WebSocket of the page to the stream, with the frames it sent and received (parsed). */
interface Socket {
  sent: { type: string; since?: number }[];
  received: { type: string; id?: string; seq?: number; incident?: { id: string } }[];
  closed: boolean;
}

function record(ws: WebSocket, sockets: Socket[]): void {
  if (!ws.url().endsWith('/api/v1/stream')) return;
  const socket: Socket = { sent: [], received: [], closed: false };
  sockets.push(socket);
  ws.on('framesent', ({ payload }) => socket.sent.push(JSON.parse(String(payload)) as never));
  ws.on('framereceived', ({ payload }) => {
    socket.received.push(JSON.parse(String(payload)) as never);
  });
  ws.on('close', () => {
    socket.closed = true;
  });
}

suite(title, () => {
  let world: World;
  let browser: Browser;
  let alice: Phone;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    world = await startWorld();
    browser = await launchBrowser();
    alice = await Phone.open(browser, world.url, 'alice', { geolocation: POWDERHORN });
    alice.page.on('websocket', (ws) => record(ws, sockets));
  });
  afterAll(async () => {
    expect(alice?.problems).toEqual([]);
    await browser?.close();
    await world?.close();
  });

  const status = () => alice.page.getByTestId('connection-status').textContent();

  /** A member invited by `sponsor` reports a sighting near Powderhorn through the API. */
  const report = async (sponsor: ApiClient, at: { latitude: number; longitude: number }) => {
    const client = await approvedMember(world, sponsor);
    const answer = await client.ok<{ incident: { id: string; state: string } }>(
      'POST',
      '/reports',
      {
        id: crypto.randomUUID(),
        salute: {
          activity: 'Agents detaining someone',
          location: { lat: at.latitude, lng: at.longitude },
        },
      },
    );
    return answer.incident;
  };

  it('replays the alert missed while disconnected, once, without a reload', async () => {
    await alice.join.joinWith(await world.sponsors[0].invite(), 'Powderhorn Park');
    await expect.poll(status).toContain('Live');
    // Installed: the service worker (which shows notifications) has precached and took over.
    await expect
      .poll(() => alice.page.evaluate('navigator.serviceWorker.controller !== null'), {
        timeout: 30_000,
      })
      .toBe(true);
    const loaded = await alice.page.evaluate('performance.timeOrigin');
    const first = sockets.at(-1)!;
    expect(first.received.find((m) => m.type === 'ready')?.seq).toEqual(expect.any(Number));

    // The network goes: the indicator says so, and the socket is dropped (closed by the server
    // too, whether or not the browser's offline emulation closes it).
    await alice.context.setOffline(true);
    await expect.poll(status).toContain('Offline');
    world.server.app.gateway.terminateAll();
    await expect.poll(() => first.closed).toBe(true);

    // Meanwhile two independent members report near Powderhorn: UNCONFIRMED, an alert for her.
    await report(world.sponsors[0], POWDERHORN);
    const incident = await report(world.sponsors[1], POWDERHORN_100M);
    expect(incident.state).toBe('corroborated'); // shown as UNCONFIRMED
    expect(await world.server.ctx.relay.flush(10_000)).toBe(true);
    const missed = await world.server.ctx.db
      .selectFrom('alerts')
      .select(['id', 'seq'])
      .where('incident_id', '=', incident.id)
      .where('kind', '=', 'unconfirmed') // `reported` went to staff only
      .execute();
    expect(missed).toHaveLength(1);
    expect(await alice.home.stateOf(incident.id)).toBeNull();
    expect(await status()).toContain('Offline');

    // The network returns: the app reconnects by itself and says where it left off.
    await alice.context.setOffline(false);
    await expect.poll(status).toContain('Live');
    await alice.home.banner().waitFor();
    expect(await alice.home.bannerText()).toContain('UNCONFIRMED');
    await expect.poll(() => alice.home.stateOf(incident.id)).toBe('UNCONFIRMED');

    const again = sockets.at(-1)!;
    expect(again).not.toBe(first);
    const since = again.sent.find((m) => m.type === 'hello')?.since;
    expect(since).toEqual(expect.any(Number));
    expect(Number(missed[0]!.seq)).toBeGreaterThan(since ?? Infinity);
    await expect
      .poll(() => again.received.filter((m) => m.type === 'alert').map((m) => m.id))
      .toEqual([missed[0]!.id]);

    // Shown exactly once: one card, one system notification, and no reload.
    expect(await alice.home.card(incident.id).count()).toBe(1);
    await expect
      .poll(async () => (await alice.notifications()).map((n) => n.title))
      .toEqual(['Tocsin: UNCONFIRMED']);
    expect(await alice.page.evaluate('performance.timeOrigin')).toBe(loaded);
    await alice.screenshot('40-home-after-reconnect');
  });
});
