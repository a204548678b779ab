import { freshDatabase, LoadGen, newSecret, Seeder, stopAll, TocsinNode } from '../lib/cluster';
import { nowMs } from '../lib/ipc';
const db = await freshDatabase();
const secret = newSecret();
const node = await TocsinNode.start({ databaseUrl: db.url, secret, nodeId: 'rl' });
const lg = LoadGen.start();
try {
  const seeder = await Seeder.open(db.url, secret);
  const areas = await seeder.areas();
  const subs = await seeder.members(1000, {
    roles: () => [{ areaId: areas.city!.id, role: 'member' }],
    prefs: () => ({ areaIds: [areas.city!.id], radiusMeters: 1000, minLevel: 'unconfirmed' }),
  });
  const reps = await seeder.members(40, {
    roles: () => [{ areaId: areas.city!.id, role: 'member' }],
  });
  const [ver] = await seeder.members(1, {
    roles: () => [{ areaId: areas.city!.id, role: 'verifier' }],
  });
  await lg.connect(
    node.wsUrl,
    subs.map((m) => ({ token: m.token })),
  );
  for (let i = 0; i < 8; i++) {
    const p = { lat: 44.9475, lng: -93.2555 };
    const a = await node.report(reps[2 * i]!.token, p);
    const t0 = nowMs();
    await node.report(reps[2 * i + 1]!.token, p);
    const t1 = nowMs();
    const got = await lg.expect(`${a.id}:unconfirmed`, 1000);
    const al = await seeder.db
      .selectFrom('alerts')
      .select('id')
      .where('incident_id', '=', a.id)
      .where('kind', '=', 'unconfirmed')
      .executeTakeFirstOrThrow();
    const [t] = await node.timings([al.id]);
    console.log(
      `post ${(t1 - t0).toFixed(1)} published +${(t!.published! - t0).toFixed(1)} handler +${(t!.handlerStart! - t0).toFixed(1)}..${(t!.handlerEnd! - t0).toFixed(1)} first ${(Math.min(...got.times) - t0).toFixed(1)}`,
    );
    await node.verify(ver!.token, a.id, 'false_alarm');
    await lg.expect(`${a.id}:retraction`, 1000);
  }
  await seeder.close();
} finally {
  await stopAll([lg, node]);
  await db.drop();
}
