import pg from 'pg';
import { freshDatabase, newSecret, Seeder } from '../lib/cluster';
import { startServer } from '../../packages/server/src/server';
import { envToConfig } from '../../packages/server/src/config/config';
import { createLogger } from '../../packages/server/src/logger';
const trace: { sql: string; ms: number }[] = [];
const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (
  this: unknown,
  ...args: unknown[]
) {
  const t = performance.now();
  const q = args[0] as { text?: string } | string;
  const text = typeof q === 'string' ? q : (q?.text ?? '?');
  const r = orig.apply(this, args) as Promise<unknown>;
  if (r && typeof (r as Promise<unknown>).then === 'function')
    void r.then(
      () => trace.push({ sql: text.slice(0, 90).replace(/\s+/g, ' '), ms: performance.now() - t }),
      () => undefined,
    );
  return r;
};
const db = await freshDatabase();
const secret = newSecret();
const config = {
  ...envToConfig({
    TOCSIN_DATA_DIR: '/tmp/x',
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: 'warn',
    TOCSIN_RATE_LIMIT: '100000',
  }),
};
const server = await startServer({
  config,
  secrets: { serverKey: secret },
  logger: createLogger('warn'),
});
const seeder = await Seeder.open(db.url, secret);
const areas = await seeder.areas();
const reps = await seeder.members(40, {
  roles: () => [{ areaId: areas.city!.id, role: 'member' }],
});
const post = async (tok: string, lat: number) => {
  const t = performance.now();
  const r = await fetch(`${server.url}/api/v1/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
    body: JSON.stringify({ salute: { activity: 'agents', location: { lat, lng: -93.2555 } } }),
  });
  await r.json();
  return performance.now() - t;
};
for (let i = 0; i < 12; i++) {
  await post(reps[2 * i]!.token, 44.93 + i * 0.01);
  await new Promise((r) => setTimeout(r, 100));
  trace.length = 0;
  const ms = await post(reps[2 * i + 1]!.token, 44.93 + i * 0.01);
  await new Promise((r) => setTimeout(r, 100));
  if (i >= 10) {
    console.log('POST', ms.toFixed(1));
    for (const q of trace) console.log(q.ms.toFixed(2).padStart(7), q.sql);
  }
}
await server.close();
await seeder.close();
await db.drop();
