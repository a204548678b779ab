import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
const cat = (url: string, fn: string) => {
  if (fn === '(idle)') return 'idle';
  if (fn === '(garbage collector)') return 'gc';
  if (url.includes('/kysely/')) return 'kysely';
  if (url.includes('/pg/') || url.includes('pg-protocol') || url.includes('pg-types'))
    return 'pg driver';
  if (url.includes('/core/src/salute')) return 'salute parser';
  if (url.includes('h3-js')) return 'h3';
  if (url.includes('/zod/')) return 'zod';
  if (url.includes('/packages/server/src')) return 'tocsin server';
  if (url.includes('/packages/core/src')) return 'tocsin core';
  if (!url || url.startsWith('node:'))
    return fn === 'writev' || fn === 'writeBuffer' || fn === 'writeUtf8String'
      ? 'socket writes'
      : 'node internals';
  return 'other: ' + url.split('/node_modules/')[1]?.split('/')[0];
};
const tot = new Map<string, number>();
let all = 0;
p.samples.forEach((id: number, i: number) => {
  const n: any = byId.get(id);
  const dt = (p.timeDeltas[i] ?? 0) / 1000;
  const c = cat(n.callFrame.url, n.callFrame.functionName);
  tot.set(c, (tot.get(c) ?? 0) + dt);
  if (c !== 'idle') all += dt;
});
for (const [k, v] of [...tot].sort((a, b) => b[1] - a[1]))
  console.log(
    k.padEnd(28),
    v.toFixed(0).padStart(6),
    'ms',
    k === 'idle' ? '' : ((100 * v) / all).toFixed(0) + '%',
  );
