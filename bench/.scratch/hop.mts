import { randomUUID } from 'node:crypto';
import {
  deleteStream,
  freshDatabase,
  LoadGen,
  NATS_URL,
  newSecret,
  Seeder,
  stopAll,
  TocsinNode,
} from '../lib/cluster';
import { bareJetStreamLatency } from '../lib/nats-baseline';
import { median, max } from '../lib/stats';
const db = await freshDatabase();
const stream = `BENCH_HOP_${randomUUID().slice(0, 8)}`;
const secret = newSecret();
const nodes: TocsinNode[] = [];
const lg = LoadGen.start();
try {
  for (let i = 0; i < 3; i++)
    nodes.push(
      await TocsinNode.start({
        databaseUrl: db.url,
        secret,
        nodeId: `hop-${i}`,
        nats: { url: NATS_URL, stream },
      }),
    );
  const seeder = await Seeder.open(db.url, secret);
  const areas = await seeder.areas();
  const ph = areas.all.find((a) => a.slug === 'powderhorn-park')!;
  const subs = await seeder.members(30, { roles: () => [{ areaId: ph.id, role: 'member' }] });
  const reps = await seeder.members(20, {
    roles: () => [{ areaId: areas.city!.id, role: 'member' }],
  });
  const [ver] = await seeder.members(1, {
    roles: () => [{ areaId: areas.city!.id, role: 'verifier' }],
  });
  for (const [n, node] of nodes.entries())
    await lg.connect(
      node.wsUrl,
      subs.slice(n * 10, n * 10 + 10).map((m) => ({ token: m.token })),
    );
  const hops: number[][] = [[], [], []];
  for (let r = 0; r < 15; r++) {
    const inc = await nodes[r % 3]!.report(reps[r]!.token, { lat: 44.9475, lng: -93.2555 });
    await new Promise((res) => setTimeout(res, 150));
    await nodes[r % 3]!.verify(ver!.token, inc.id, 'confirmed');
    await new Promise((res) => setTimeout(res, 150));
    await nodes[r % 3]!.verify(ver!.token, inc.id, 'false_alarm');
    await new Promise((res) => setTimeout(res, 150));
    const alerts = await seeder.db
      .selectFrom('alerts')
      .select('id')
      .where('incident_id', '=', inc.id)
      .orderBy('seq')
      .execute();
    const t = await Promise.all(nodes.map((n) => n.timings(alerts.map((a) => a.id))));
    alerts.forEach((_, k) => {
      const pub = Math.min(...t.map((x) => x[k]!.published ?? Infinity));
      t.forEach((x, n) => hops[n]!.push(x[k]!.handlerStart! - pub));
    });
  }
  for (const [n, h] of hops.entries())
    console.log(
      `node ${n}: hop median ${median(h).toFixed(2)} max ${max(h).toFixed(2)}`,
      h.map((x) => x.toFixed(1)).join(' '),
    );
  console.log('bare', median(await bareJetStreamLatency()).toFixed(2));
  await seeder.close();
} finally {
  await stopAll([lg, ...nodes]);
  await db.drop();
  await deleteStream(stream);
}
