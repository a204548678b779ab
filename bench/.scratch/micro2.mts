import { randomUUID } from 'node:crypto';
const members = Array.from({ length: 10000 }, () => randomUUID());
const alertId = randomUUID();
const rec = new Map<string, Set<string>>([[alertId, new Set(members)]]);
const acks = new Map<string, Set<string>>();
const raws = members.map(() => Buffer.from(`{"type":"ack","id":"${alertId}"}`));
for (let round = 0; round < 5; round++) {
  acks.clear();
  const t = performance.now();
  for (let i = 0; i < members.length; i++) {
    const id = raws[i]!.toString('latin1', 20, 56);
    if (!rec.get(id)?.has(members[i]!)) continue;
    let s = acks.get(id);
    if (!s) acks.set(id, (s = new Set()));
    s.add(members[i]!);
  }
  console.log((((performance.now() - t) * 1000) / members.length).toFixed(2), 'µs per ack');
}
