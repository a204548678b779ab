import { freshDatabase, LoadGen, newSecret, Seeder, stopAll, TocsinNode } from '../lib/cluster';
const N = 5000;
const db = await freshDatabase();
const secret = newSecret();
const node = await TocsinNode.start({ databaseUrl: db.url, secret, nodeId: 'c' });
const lg = LoadGen.start();
try {
  const seeder = await Seeder.open(db.url, secret);
  const areas = await seeder.areas();
  const ph = areas.all.find((a) => a.slug === 'powderhorn-park')!;
  const members = await seeder.members(N, { roles: () => [{ areaId: ph.id, role: 'member' }] });
  await node.profileStart();
  const r = await lg.connect(
    node.wsUrl,
    members.map((m) => ({ token: m.token, location: { lat: 44.9475, lng: -93.2555 } })),
  );
  console.log(r, await node.profileStop('connect'));
  await seeder.close();
} finally {
  await stopAll([lg, node]);
  await db.drop();
}
