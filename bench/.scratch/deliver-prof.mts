import { freshDatabase, LoadGen, newSecret, Seeder, stopAll, TocsinNode } from '../lib/cluster';
import { cpuMeter } from '../lib/cpu';
import { nowMs } from '../lib/ipc';
import { max } from '../lib/stats';
const N = 10000;
const db = await freshDatabase();
const secret = newSecret();
const node = await TocsinNode.start({ databaseUrl: db.url, secret, nodeId: 'dp' });
const lg = LoadGen.start();
try {
  const seeder = await Seeder.open(db.url, secret);
  const areas = await seeder.areas();
  const ph = areas.all.find((a) => a.slug === 'powderhorn-park')!;
  const members = await seeder.members(N, { roles: () => [{ areaId: ph.id, role: 'member' }] });
  const reps = await seeder.members(8, {
    roles: () => [{ areaId: areas.city!.id, role: 'member' }],
  });
  const [ver] = await seeder.members(1, {
    roles: () => [{ areaId: areas.city!.id, role: 'verifier' }],
  });
  await lg.connect(
    node.wsUrl,
    members.map((m, i) => ({
      token: m.token,
      location: { lat: 44.9475 + ((i % 100) - 50) * 0.0001, lng: -93.2555 },
    })),
    { acks: true },
  );
  for (let r = 0; r < 4; r++) {
    const raw = await node.child.request<{ sendMs: number; n: number }>({
      op: 'rawBroadcast',
      payload: JSON.stringify({
        type: 'alert',
        id: 'x',
        seq: 1,
        kind: 'confirmed',
        incident: {
          id: `raw${r}`,
          state: 'confirmed',
          activity: 'agents detaining people',
          area: { id: crypto.randomUUID(), name: 'Powderhorn Park' },
          location: { lat: 44.9475, lng: -93.2555 },
          reporters: 1,
          at: new Date().toISOString(),
          pad: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        },
      }),
    });
    await lg.expect(`raw${r}:confirmed`, N);
    console.log('raw send loop in the tocsin process', raw);
    await new Promise((res) => setTimeout(res, 500));
    const inc = await node.report(reps[r]!.token, { lat: 44.9475, lng: -93.2555 });
    await new Promise((res) => setTimeout(res, 300));

    if (r === 2) await node.profileStart();
    const cpu = cpuMeter(() => [node.child.process.pid!]);
    const t0 = nowMs();
    await node.verify(ver!.token, inc.id, 'confirmed');
    const got = await lg.expect(`${inc.id}:confirmed`, N);
    await new Promise((res) => setTimeout(res, 1000));
    if (r === 2) console.log(await node.profileStop('acks'));
    console.log(`round ${r}: all ${(max(got.times) - t0).toFixed(0)} ms, node cpu ${cpu()} ms`);
    await node.verify(ver!.token, inc.id, 'false_alarm');
    await lg.expect(`${inc.id}:retraction`, N);
    await new Promise((res) => setTimeout(res, 500));
  }
  await seeder.close();
} finally {
  await stopAll([lg, node]);
  await db.drop();
}
