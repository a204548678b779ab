import pg from 'pg';
import { freshDatabase, newSecret, Seeder } from '../lib/cluster';
import { startServer } from '../../packages/server/src/server';
import { envToConfig } from '../../packages/server/src/config/config';
import { createLogger } from '../../packages/server/src/logger';
import type { Bus } from '../../packages/server/src/bus/bus';
const trace: { sql: string; start: number; ms: number }[] = [];
const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (
  this: unknown,
  ...args: unknown[]
) {
  const t = performance.now();
  const q = args[0] as { text?: string } | string;
  const text = typeof q === 'string' ? q : (q?.text ?? '?');
  const r = orig.apply(this, args) as Promise<unknown>;
  if (r && typeof r.then === 'function')
    void r.then(
      () =>
        trace.push({
          sql: text.slice(0, 70).replace(/\s+/g, ' '),
          start: t,
          ms: performance.now() - t,
        }),
      () => undefined,
    );
  return r;
};
const db = await freshDatabase();
const secret = newSecret();
const config = envToConfig({
  TOCSIN_DATA_DIR: '/tmp/x',
  DATABASE_URL: db.url,
  PORT: '0',
  LOG_LEVEL: 'warn',
  TOCSIN_RATE_LIMIT: '100000',
});
const server = await startServer({
  config,
  secrets: { serverKey: secret },
  logger: createLogger('warn'),
});
let published = 0;
let handled = 0;
const bus = server.ctx.bus as Bus;
const pub = bus.publish.bind(bus);
bus.publish = (e) => {
  if (e.type === 'alert.created') published = performance.now();
  return pub(e);
};
await bus.subscribe({
  consumer: 'probe',
  types: ['alert.created'],
  handler: async () => {
    handled = performance.now();
  },
});
const seeder = await Seeder.open(db.url, secret);
const areas = await seeder.areas();
const reps = await seeder.members(10, {
  roles: () => [{ areaId: areas.city!.id, role: 'member' }],
});
const [ver] = await seeder.members(1, {
  roles: () => [{ areaId: areas.city!.id, role: 'verifier' }],
});
for (let i = 0; i < 6; i++) {
  const r = await fetch(`${server.url}/api/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${reps[i]!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      salute: { activity: 'agents', location: { lat: 44.93 + i * 0.01, lng: -93.2555 } },
    }),
  });
  const id = ((await r.json()) as { incident: { id: string } }).incident.id;
  await new Promise((res) => setTimeout(res, 200));
  trace.length = 0;
  const t0 = performance.now();
  const v = await fetch(`${server.url}/api/v1/incidents/${id}/verification`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ver!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ outcome: 'confirmed' }),
  });
  await v.json();
  const t1 = performance.now();
  await new Promise((res) => setTimeout(res, 200));
  if (i >= 4) {
    console.log(
      `verify response +${(t1 - t0).toFixed(1)} published +${(published - t0).toFixed(1)} handled +${(handled - t0).toFixed(1)}`,
    );
    for (const q of trace)
      console.log(
        `  +${(q.start - t0).toFixed(1).padStart(5)} ${q.ms.toFixed(2).padStart(6)} ${q.sql}`,
      );
  }
}
await server.close();
await seeder.close();
await db.drop();
