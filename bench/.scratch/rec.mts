import { randomUUID } from 'node:crypto';
import { freshDatabase, newSecret, Seeder, stopAll, TocsinNode } from '../lib/cluster';
import { recordDeliveries } from '../../packages/server/src/modules/alerts/deliveries.repository';
const db = await freshDatabase();
const secret = newSecret();
const node = await TocsinNode.start({ databaseUrl: db.url, secret, nodeId: 'rec' });
try {
  const seeder = await Seeder.open(db.url, secret);
  const areas = await seeder.areas();
  const subs = await seeder.members(1000, {
    roles: () => [{ areaId: areas.city!.id, role: 'member' }],
  });
  const reps = await seeder.members(30, {
    roles: () => [{ areaId: areas.city!.id, role: 'member' }],
  });
  for (let i = 0; i < 10; i++) {
    const inc = await node.report(reps[i]!.token, { lat: 44.9 + i * 0.01, lng: -93.25 });
    const al = await seeder.db
      .selectFrom('alerts')
      .select(['id', 'seq'])
      .where('incident_id', '=', inc.id)
      .executeTakeFirstOrThrow();
    const t = performance.now();
    const n = await recordDeliveries(
      seeder.db,
      { alertId: al.id, incidentId: inc.id, kind: 'reported', seq: Number(al.seq) },
      subs.map((s) => s.id),
      new Date(),
    );
    console.log('record', n, (performance.now() - t).toFixed(1), 'ms');
  }
  await seeder.close();
} finally {
  await stopAll([node]);
  await db.drop();
}
