// Summarizes a V8 .cpuprofile (node --cpu-prof): self time and inclusive time per function, so a
// benchmark's notes can say where the time went. Run: node --import tsx bench/lib/profile.ts FILE [N]
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileLine {
  name: string;
  selfMs: number;
  totalMs: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? path.basename(url.replace(/^file:\/\//, '')) : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/** Self and inclusive milliseconds per function (inclusive counts a function once per sample). */
export function summarize(file: string): { lines: ProfileLine[]; totalMs: number; idleMs: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let idleMs = 0;
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    totalMs += dt;
    if (node.callFrame.functionName === '(idle)') {
      idleMs += dt;
      return;
    }
    const name = label(node);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  const lines = [...total.keys()].map((name) => ({
    name,
    selfMs: self.get(name) ?? 0,
    totalMs: total.get(name) ?? 0,
  }));
  return { lines, totalMs, idleMs };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const file = process.argv[2]!;
  const n = Number(process.argv[3] ?? 30);
  const filter = process.argv[4];
  const { lines, totalMs, idleMs } = summarize(file);
  process.stdout.write(`total ${totalMs.toFixed(0)} ms, idle ${idleMs.toFixed(0)} ms\n`);
  const show = (title: string, key: 'selfMs' | 'totalMs') => {
    process.stdout.write(`\n${title}\n`);
    for (const l of [...lines]
      .filter((l) => !filter || l.name.includes(filter))
      .sort((a, b) => b[key] - a[key])
      .slice(0, n))
      process.stdout.write(
        `${l.selfMs.toFixed(1).padStart(9)} ${l.totalMs.toFixed(1).padStart(9)}  ${l.name}\n`,
      );
  };
  show('by self time (self, total ms)', 'selfMs');
  show('by total time (self, total ms)', 'totalMs');
}
