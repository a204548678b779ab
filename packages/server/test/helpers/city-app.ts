import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app';
import type { Clock } from '../../src/platform/clock';
import { loadMinneapolis } from './city';
import { createTestContext, type DatabaseKind, type TestContext } from './harness';

/** A suite's node with the Minneapolis demo pack: the app ready, its outbox relay running. */
export interface CityApp {
  t: TestContext;
  app: FastifyInstance;
  ids: { cityId: string; powderhornId: string };
}

export async function openCityApp(kind: DatabaseKind, clock?: Clock): Promise<CityApp> {
  const t = await createTestContext({ kind, ...(clock ? { clock } : {}) });
  const ids = await loadMinneapolis(t.ctx);
  const app = await createApp(t.ctx);
  await app.ready();
  // Alerts leave through the outbox.
  t.ctx.relay.start();
  return { t, app, ids };
}

/** Closes what openCityApp opened, after the streams the suite left open. */
export async function closeCityApp(
  city: CityApp | undefined,
  streams: readonly { close(): void }[] = [],
): Promise<void> {
  for (const stream of streams) stream.close();
  await city?.app.close();
  await city?.t.close();
}
