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

/** The processes `pgrep` finds with these arguments (none when it finds none). */
function pgrep(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number)
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

/** Every PostgreSQL server process on this machine (the benchmark's database is one of them). */
export function postgresPids(): number[] {
  return pgrep(['-u', 'postgres']);
}

/** The nats-server processes on this machine. */
export function natsPids(): number[] {
  return pgrep(['-x', 'nats-server']);
}

/** CPU milliseconds used by some processes between start() and the returned function's call. */
export function cpuMeter(pids: () => number[]): () => number {
  const before = new Map(pids().map((pid) => [pid, cpuMs(pid)]));
  return () => pids().reduce((sum, pid) => sum + cpuMs(pid) - (before.get(pid) ?? 0), 0);
}
