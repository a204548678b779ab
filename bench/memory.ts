// Benchmark 6, memory and cold start: server RSS per idle subscriber at 15,000 sockets against a
// bare `ws` server holding as many, and `npm start` to ready on an existing embedded data dir.
// Run: npm run bench -- memory
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './report';
import { cityPoints } from './lib/city-points';
import {
  BareServer,
  freshDatabase,
  LoadGen,
  newSecret,
  Seeder,
  stopAll,
  TocsinNode,
} from './lib/cluster';
import { nowMs } from './lib/ipc';
import { median, ms, ratio } from './lib/stats';

const SOCKETS = 15_000;
/** Connected first and not counted: lazy initialisation and JIT happen here. */
const WARM = 500;
const START_ROUNDS = 3;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function settledMemory(read: () => Promise<NodeJS.MemoryUsage>): Promise<NodeJS.MemoryUsage> {
  await sleep(1_000);
  await read();
  await sleep(500);
  return read();
}

interface Footprint {
  rss: number;
  heap: number;
  before: NodeJS.MemoryUsage;
  after: NodeJS.MemoryUsage;
}

function perSocket(before: NodeJS.MemoryUsage, after: NodeJS.MemoryUsage): Footprint {
  const n = SOCKETS - WARM;
  return {
    rss: (after.rss - before.rss) / n,
    heap: (after.heapUsed - before.heapUsed) / n,
    before,
    after,
  };
}

async function idleSockets(): Promise<{ tocsin: Footprint; bare: Footprint }> {
  const database = await freshDatabase();
  const secret = newSecret();
  const tocsinClients = LoadGen.start();
  const bareClients = LoadGen.start();
  let node: TocsinNode | null = null;
  let bare: BareServer | null = null;
  let seeder: Seeder | null = null;
  try {
    node = await TocsinNode.start({
      databaseUrl: database.url,
      secret,
      nodeId: 'bench-memory',
      execArgv: ['--expose-gc'],
    });
    seeder = await Seeder.open(database.url, secret);
    const areas = await seeder.areas();
    // Members of their own neighborhood (the default preferences follow it), each with the
    // live location the app sends: the common case.
    const homes = cityPoints(areas, SOCKETS, 6);
    const members = await seeder.members(SOCKETS, {
      roles: (i) => [{ areaId: homes[i]!.areaId, role: 'member' }],
    });
    const specs = members.map((m, i) => ({
      token: m.token,
      location: { lat: homes[i]!.lat, lng: homes[i]!.lng },
    }));
    await tocsinClients.connect(node.wsUrl, specs.slice(0, WARM));
    const tocsinBefore = await settledMemory(() => node!.memory());
    await tocsinClients.connect(node.wsUrl, specs.slice(WARM));
    const connected = await node.sockets();
    if (connected !== SOCKETS) throw new Error(`${connected} of ${SOCKETS} sockets on the node`);
    const tocsinAfter = await settledMemory(() => node!.memory());

    bare = await BareServer.start(['--expose-gc']);
    await bareClients.connect(
      bare.url,
      specs.slice(0, WARM).map(() => null),
    );
    const bareBefore = await settledMemory(() => bare!.memory());
    await bareClients.connect(
      bare.url,
      specs.slice(WARM).map(() => null),
    );
    const bareAfter = await settledMemory(() => bare!.memory());
    return { tocsin: perSocket(tocsinBefore, tocsinAfter), bare: perSocket(bareBefore, bareAfter) };
  } finally {
    await stopAll([tocsinClients, bareClients, bare, node]);
    await seeder?.close();
    await database.drop();
  }
}

/**
 * Runs a command until it prints that Tocsin is listening and /api/v1/ready answers 200; the
 * time that took. The command runs in its own process group, which is stopped afterwards.
 */
function timeToReady(command: string[], dataDir: string, timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = nowMs();
    const child = spawn(command[0]!, command.slice(1), {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TOCSIN_DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
    });
    let output = '';
    let done = false;
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    const finish = (error: Error | null, value = 0) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop();
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(killer);
        if (error) reject(error);
        else resolve(value);
      });
      if (child.exitCode !== null || child.signalCode !== null) child.emit('exit');
    };
    const timer = setTimeout(
      () => finish(new Error(`not ready within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Tocsin is listening on (\S+)/.exec(output)?.[1];
      if (!url || done) return;
      void fetch(`${url}/api/v1/ready`)
        .then((response) => {
          if (response.status !== 200) throw new Error(`ready answered ${response.status}`);
          finish(null, nowMs() - start);
        })
        .catch((error: unknown) => finish(error as Error));
    });
    child.once('exit', (code) => {
      if (!done) finish(new Error(`exited with ${code} before ready:\n${output}`));
    });
  });
}

async function coldStart(): Promise<{
  npmStart: number[];
  tocsinStart: number[];
  build: number[];
  node: number[];
}> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-start-'));
  try {
    // The first start creates the data dir (initdb, migrations, the city pack); not counted.
    await timeToReady(['node', 'packages/server/bin/tocsin.js', 'start'], dataDir, 120_000);
    const result = {
      npmStart: [] as number[],
      tocsinStart: [] as number[],
      build: [] as number[],
      node: [] as number[],
    };
    for (let i = 0; i < START_ROUNDS; i++) {
      result.npmStart.push(await timeToReady(['npm', 'start'], dataDir));
      result.tocsinStart.push(
        await timeToReady(['node', 'packages/server/bin/tocsin.js', 'start'], dataDir),
      );
      const b0 = nowMs();
      await new Promise<void>((resolve, reject) => {
        const build = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
        build.once('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`build: ${code}`)),
        );
      });
      result.build.push(nowMs() - b0);
      // Baseline: a Node process that loads tsx and exits.
      const n0 = nowMs();
      await new Promise<void>((resolve) => {
        spawn('node', ['--import', 'tsx', '-e', '0'], { cwd: root, stdio: 'ignore' }).once(
          'exit',
          () => resolve(),
        );
      });
      result.node.push(nowMs() - n0);
    }
    return result;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult> {
  const { tocsin, bare } = await idleSockets();
  const start = await coldStart();
  const npmStart = median(start.npmStart);
  const tocsinStart = median(start.tocsinStart);
  return {
    name: 'memory',
    title: `6. Memory per idle subscriber at ${SOCKETS.toLocaleString('en-US')} sockets, and embedded cold start`,
    rows: [
      { label: 'bare ws server: RSS per idle socket', value: kb(bare.rss) },
      {
        label: 'Tocsin node: RSS per idle subscriber',
        value: kb(tocsin.rss),
        target: '≤ 15 KB',
        met: tocsin.rss <= 15 * 1024,
      },
      { label: 'Tocsin / bare (RSS per socket)', value: ratio(tocsin.rss / bare.rss) },
      {
        label: 'Tocsin node: JS heap per idle subscriber (bare)',
        value: `${kb(tocsin.heap)} (${kb(bare.heap)})`,
      },
      {
        label: `Tocsin node: RSS at ${WARM} → ${SOCKETS.toLocaleString('en-US')} sockets`,
        value: `${mb(tocsin.before.rss)} → ${mb(tocsin.after.rss)}`,
      },
      {
        label: '`npm start` → ready, existing data dir and web build',
        value: ms(npmStart),
        target: '≤ 5000 ms',
        met: npmStart <= 5_000,
      },
      {
        label:
          '`npm run build` (the web app), which `npm start` runs only after its sources change',
        value: ms(median(start.build)),
      },
      {
        label: '`tocsin start` → ready, existing data dir (the server alone)',
        value: ms(tocsinStart),
      },
      { label: 'baseline: `node --import tsx -e 0`', value: ms(median(start.node)) },
    ],
    note: [
      `RSS after a forced GC, measured when ${WARM} sockets are connected and again at ${SOCKETS.toLocaleString('en-US')}; per socket = the difference / ${(SOCKETS - WARM).toLocaleString('en-US')}.`,
      'Tocsin subscribers are members of the neighborhood they live in (the default preferences follow it) with a live location and the default 1 km radius, spread over the demo pack; the server is one node on PostgreSQL.',
      `Cold start: median of ${START_ROUNDS} runs on a PGlite data dir made by an earlier start; ready = the "listening" line and /api/v1/ready answering 200.`,
    ].join(' '),
  };
}
