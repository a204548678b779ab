import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { reportInputSchema, type Principal } from '@tocsin/core';
import { envToConfig } from '../../packages/server/src/config/config';
import { closeContext, createContext } from '../../packages/server/src/context';
import { createLogger } from '../../packages/server/src/logger';
import { ensureCity } from '../../packages/server/src/modules/city/city.service';
import { submitReport } from '../../packages/server/src/modules/reports/reports.service';
import { cityPoints, seeded } from '../lib/city-points';
import { freshDatabase, newSecret, Seeder } from '../lib/cluster';
const kind = process.argv[2] ?? 'pg';
const database = await freshDatabase();
const config = envToConfig({
  TOCSIN_DATA_DIR: '/tmp/ingest-x-' + randomUUID(),
  TOCSIN_NODE_ID: 'x',
  LOG_LEVEL: 'warn',
  ...(kind === 'pg' ? { DATABASE_URL: database.url } : {}),
});
const ctx = await createContext({
  config,
  secrets: { serverKey: newSecret() },
  logger: createLogger('warn'),
});
await ensureCity(ctx);
ctx.relay.start();
const areas = await ctx.areas.get();
const cityId = areas.city!.id;
const reps = await new Seeder(ctx.db, ctx.secrets.serverKey).members(600, {
  roles: () => [{ areaId: cityId, role: 'member' }],
});
const principals: Principal[] = reps.map((r) => ({
  memberId: r.id,
  status: 'active',
  sponsorId: null,
  roles: [{ areaId: cityId, role: 'member' }],
}));
const spots = cityPoints(areas, 25, 21);
const random = seeded(3);
let next = 0;
const one = async () => {
  const s = spots[Math.floor(random() * 25)]!;
  await submitReport(
    ctx,
    principals[next++ % 600]!,
    reportInputSchema.parse({
      id: randomUUID(),
      text: 'S: 4 agents, 2 vehicles\nA: detaining a man outside the store\nU: vests marked POLICE ICE',
      salute: {
        location: { lat: s.lat + (random() - 0.5) * 0.0036, lng: s.lng + (random() - 0.5) * 0.005 },
      },
    }),
  );
};
for (let i = 0; i < 200; i++) await one();
const sess = new Session();
sess.connect();
await sess.post('Profiler.enable');
await sess.post('Profiler.start');
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < 500; i++) await one();
const wall = performance.now() - t0;
const c = process.cpuUsage(c0);
const { profile } = await sess.post('Profiler.stop');
await writeFile(`/tmp/ingest-${kind}.cpuprofile`, JSON.stringify(profile));
console.log(
  kind,
  'per report wall',
  (wall / 500).toFixed(2),
  'ms; cpu user',
  (c.user / 500 / 1000).toFixed(2),
  'sys',
  (c.system / 500 / 1000).toFixed(2),
);
await closeContext(ctx);
await database.drop();
