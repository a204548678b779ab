// CPU time of processes, from /proc (Linux): user + system milliseconds, for the benchmarks'
// "CPU per recipient" figures, which the machine's load disturbs much less than wall time.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Every PostgreSQL server process on this machine (the benchmark's database is one of them). */
export function postgresPids(): number[] {
  try {
    return execFileSync('pgrep', ['-u', 'postgres'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number)
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

/** CPU milliseconds used by some processes between start() and the returned function's call. */
export function cpuMeter(pids: () => number[]): () => number {
  const before = new Map(pids().map((pid) => [pid, cpuMs(pid)]));
  return () => pids().reduce((sum, pid) => sum + cpuMs(pid) - (before.get(pid) ?? 0), 0);
}
