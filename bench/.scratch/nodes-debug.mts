// Debug variant of the nodes bench: per-node stages.
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
import { nowMs } from '../lib/ipc';
import { max, quantile } from '../lib/stats';
const NODES = Number(process.env.NODES ?? 3),
  PER = Number(process.env.PER ?? 15000);
const INCIDENT = { lat: 44.9475, lng: -93.2555 };
const db = await freshDatabase();
const stream = `BENCH_DBG_${randomUUID().slice(0, 8)}`;
const secret = newSecret();
const nodes: TocsinNode[] = [];
const clients: LoadGen[] = [];
try {
  for (let i = 0; i < NODES; i++)
    nodes.push(
      await TocsinNode.start({
        databaseUrl: db.url,
        secret,
        nodeId: `dbg-${i}`,
        nats: { url: NATS_URL, stream },
      }),
    );
  const seeder = await Seeder.open(db.url, secret);
  const areas = await seeder.areas();
  const ph = areas.all.find((a) => a.slug === 'powderhorn-park')!;
  const members = await seeder.members(NODES * PER, {
    roles: () => [{ areaId: ph.id, role: 'member' }],
  });
  const reps = await seeder.members(6, {
    roles: () => [{ areaId: areas.city!.id, role: 'member' }],
  });
  const [ver] = await seeder.members(1, {
    roles: () => [{ areaId: areas.city!.id, role: 'verifier' }],
  });
  const c0 = nowMs();
  await Promise.all(
    nodes.map(async (node, n) => {
      const lg = LoadGen.start();
      clients.push(lg);
      await lg.connect(
        node.wsUrl,
        members
          .slice(n * PER, (n + 1) * PER)
          .map((m, i) => ({
            token: m.token,
            location: {
              lat: INCIDENT.lat + (((i * 7919) % 200) - 100) * 0.00006,
              lng: INCIDENT.lng + (((i * 104729) % 200) - 100) * 0.00008,
            },
          })),
      );
    }),
  );
  console.log('connect', (nowMs() - c0).toFixed(0));
  for (let r = 0; r < 3; r++) {
    const inc = await nodes[0]!.report(reps[r]!.token, INCIDENT);
    await new Promise((res) => setTimeout(res, 500));
    for (const n of nodes) await n.loopDelay();
    if (r === 2) for (const n of nodes) await n.profileStart();
    const cpu0 = await Promise.all(nodes.map((n) => n.cpu()));
    const t0 = nowMs();
    await nodes[0]!.verify(ver!.token, inc.id, 'confirmed');
    const got = await Promise.all(
      clients.map((lg) => lg.expect(`${inc.id}:confirmed`, PER, { timeoutMs: 30000 })),
    );
    const cpu1 = await Promise.all(nodes.map((n) => n.cpu()));
    if (r === 2) for (const [i, n] of nodes.entries()) console.log(await n.profileStop(`node${i}`));
    const alert = await seeder.db
      .selectFrom('alerts')
      .select('id')
      .where('incident_id', '=', inc.id)
      .where('kind', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const tim = await Promise.all(nodes.map((n) => n.timings([alert.id])));
    const pub = Math.min(...tim.map((t) => t[0]!.published ?? Infinity));
    console.log(`round ${r}: published +${(pub - t0).toFixed(1)}`);
    for (let i = 0; i < NODES; i++) {
      const lat = got[i]!.times.map((t) => t - t0);
      const eld = await nodes[i]!.loopDelay();
      console.log(
        `  node ${i}: handler ${(tim[i]![0]!.handlerStart! - t0).toFixed(1)}–${(tim[i]![0]!.handlerEnd! - t0).toFixed(1)}; arrivals first ${Math.min(...lat).toFixed(0)} p50 ${quantile(lat, 0.5).toFixed(0)} p99 ${quantile(lat, 0.99).toFixed(0)} max ${max(lat).toFixed(0)}; cpu user ${((cpu1[i]!.user - cpu0[i]!.user) / 1000).toFixed(0)} sys ${((cpu1[i]!.system - cpu0[i]!.system) / 1000).toFixed(0)} ms; eld p99 ${eld.p99.toFixed(1)} max ${eld.max.toFixed(1)}`,
      );
    }
    await new Promise((res) => setTimeout(res, 300));
    await nodes[0]!.verify(ver!.token, inc.id, 'false_alarm');
    await Promise.all(
      clients.map((lg) => lg.expect(`${inc.id}:retraction`, PER, { timeoutMs: 30000 })),
    );
    await new Promise((res) => setTimeout(res, 2000));
  }
  await seeder.close();
} finally {
  await stopAll([...clients, ...nodes]);
  await db.drop();
  await deleteStream(stream);
}
