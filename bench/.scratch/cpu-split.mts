// CPU split of one fan-out round: node, loadgen, postgres, nats-server.
import { readFileSync, readdirSync } from 'node:fs';
import { execSync } from 'node:child_process';
import {
  freshDatabase,
  LoadGen,
  newSecret,
  Seeder,
  stopAll,
  TocsinNode,
  BareServer,
} from '../lib/cluster';
import { nowMs } from '../lib/ipc';
import { max } from '../lib/stats';
const N = Number(process.env.N ?? 10000);
const ticks = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
};
const pgPids = () => execSync('pgrep -u postgres').toString().trim().split('\n').map(Number);
const natsPid = Number(execSync('pgrep nats-server').toString().trim().split('\n')[0]);
const snap = (pids: Record<string, number[]>) =>
  Object.fromEntries(
    Object.entries(pids).map(([k, v]) => [k, v.reduce((s, p) => s + ticks(p), 0)]),
  );
const db = await freshDatabase();
const secret = newSecret();
const node = await TocsinNode.start({ databaseUrl: db.url, secret, nodeId: 'cpu' });
const lg = LoadGen.start();
const bare = await BareServer.start();
const lg2 = LoadGen.start();
try {
  const seeder = await Seeder.open(db.url, secret);
  const areas = await seeder.areas();
  const ph = areas.all.find((a) => a.slug === 'powderhorn-park')!;
  const members = await seeder.members(N, { roles: () => [{ areaId: ph.id, role: 'member' }] });
  const reps = await seeder.members(6, {
    roles: () => [{ areaId: areas.city!.id, role: 'member' }],
  });
  const [ver] = await seeder.members(1, {
    roles: () => [{ areaId: areas.city!.id, role: 'verifier' }],
  });
  await lg.connect(
    node.wsUrl,
    members.map((m) => ({ token: m.token, location: { lat: 44.9475, lng: -93.2555 } })),
  );
  await lg2.connect(
    bare.url,
    members.map(() => null),
  );
  for (let r = 0; r < 3; r++) {
    const inc = await node.report(reps[r]!.token, { lat: 44.9475, lng: -93.2555 });
    await new Promise((res) => setTimeout(res, 500));
    const pids = {
      node: [node.child.process.pid!],
      loadgen: [lg.child.process.pid!],
      postgres: pgPids(),
      nats: [natsPid],
    };
    const c0 = snap(pids);
    const t0 = nowMs();
    await node.verify(ver!.token, inc.id, 'confirmed');
    const got = await lg.expect(`${inc.id}:confirmed`, N);
    const tAll = max(got.times) - t0;
    await new Promise((res) => setTimeout(res, 2500));
    const c1 = snap(pids);
    const cpu = Object.fromEntries(Object.keys(c0).map((k) => [k, c1[k]! - c0[k]!]));
    // bare
    const bp = { bare: [bare.child.process.pid!], loadgen: [lg2.child.process.pid!] };
    const b0 = snap(bp);
    const bt0 = nowMs();
    const payload = JSON.stringify({
      type: 'alert',
      id: crypto.randomUUID(),
      seq: 1,
      kind: 'confirmed',
      incident: {
        id: `b${r}`,
        state: 'confirmed',
        activity: 'agents detaining people',
        area: { id: crypto.randomUUID(), name: 'Powderhorn Park' },
        location: { lat: 44.9475, lng: -93.2555 },
        reporters: 1,
        at: new Date().toISOString(),
      },
    });
    await bare.broadcast(payload);
    const bg = await lg2.expect(`b${r}:confirmed`, N);
    const btAll = max(bg.times) - bt0;
    await new Promise((res) => setTimeout(res, 1500));
    const b1 = snap(bp);
    console.log(
      `round ${r}: tocsin ${tAll.toFixed(0)} ms cpu(ms) ${JSON.stringify(cpu)} | bare ${btAll.toFixed(0)} ms cpu ${JSON.stringify(Object.fromEntries(Object.keys(b0).map((k) => [k, b1[k]! - b0[k]!])))}`,
    );
    await node.verify(ver!.token, inc.id, 'false_alarm');
    await lg.expect(`${inc.id}:retraction`, N);
    await new Promise((res) => setTimeout(res, 1500));
  }
  await seeder.close();
} finally {
  await stopAll([lg, lg2, bare, node]);
  await db.drop();
}
