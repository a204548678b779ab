import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2]!;
const f = readdirSync(dir)[0]!;
const p = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const tot = new Map<string, number>();
p.samples.forEach((id: number, i: number) => {
  const dt = (p.timeDeltas[i] ?? 0) / 1000;
  // attribute to the first node_modules package (or tocsin file) up the stack
  let pkg = '';
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const url: string = (byId.get(cur) as any).callFrame.url;
    const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
    if (m && !['tsx', 'esbuild'].includes(m[1]!)) {
      pkg = m[1]!;
      break;
    }
  }
  const n: any = byId.get(id);
  const key =
    pkg ||
    (n.callFrame.url.includes('tsx') || n.callFrame.url.includes('esbuild')
      ? 'tsx'
      : n.callFrame.functionName === '(idle)'
        ? 'idle'
        : 'other/' + (n.callFrame.url.split('/').slice(-1)[0] || n.callFrame.functionName));
  tot.set(key, (tot.get(key) ?? 0) + dt);
});
for (const [k, v] of [...tot].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(k.padEnd(40), v.toFixed(0));
