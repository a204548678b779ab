// Benchmark: the reconnect storm. 10,000 subscribers of one node drop at once (a network blip
// during a raid), an incident is confirmed while they are away, and every phone reconnects at once
// with the seq it last saw: hello → ready for all of them, and the missed alerts replayed to each
// exactly once. The same-run baseline is a bare `ws` server whose clients drop and reconnect the
// same way, answered `ready` to their hello with nothing checked.
// Run: npm run bench -- storm
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { availableParallelism, loadavg } from 'node:os';
import type { BenchResult } from './report';
import {
  BareServer,
  freshDatabase,
  LoadGen,
  newSecret,
  Seeder,
  stopAll,
  TocsinNode,
} from './lib/cluster';
import { cpuMeter, postgresPids } from './lib/cpu';
import { nowMs } from './lib/ipc';
import { max, median, ms, ratio } from './lib/stats';

const SUBSCRIBERS = 10_000;
const WARMUP = 1;
const ROUNDS = 5;
/** Powderhorn Park, Minneapolis: where the incidents are. */
const INCIDENT = { lat: 44.9475, lng: -93.2555 };
const MISSED_KINDS = ['unconfirmed', 'confirmed'] as const;

interface Round {
  /** Bare server: all clients reconnected (socket open) / and answered `ready` to a hello. */
  bareOpen: number;
  bareHello: number;
  /** Tocsin: every hello answered `ready`; every missed alert arrived. */
  ready: number;
  replayed: number;
  /** CPU ms of the bare server over its reconnect with hello, of the node and of PostgreSQL over Tocsin's. */
  bareCpu: number;
  nodeCpu: number;
  pgCpu: number;
  /** CPU ms of each side's load-generator process over the same reconnect. */
  bareLoadCpu: number;
  loadCpu: number;
  /** Transactions PostgreSQL committed over Tocsin's reconnect (each statement outside one counts). */
  transactions: number;
  exact: boolean;
  load: number;
}

async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export async function run(): Promise<BenchResult> {
  const database = await freshDatabase('tocsin_bench_storm');
  const secret = newSecret();
  let node: TocsinNode | null = null;
  let bare: BareServer | null = null;
  let seeder: Seeder | null = null;
  const tocsinClients = LoadGen.start();
  const bareClients = LoadGen.start();
  try {
    node = await TocsinNode.start({ databaseUrl: database.url, secret, nodeId: 'bench-storm' });
    bare = await BareServer.start();
    seeder = await Seeder.open(database.url, secret);
    const areas = await seeder.areas();
    const powderhorn = areas.all.find((a) => a.slug === 'powderhorn-park');
    if (!powderhorn || !areas.city) throw new Error('the demo city pack did not load');
    const cityId = areas.city.id;
    const subscribers = await seeder.members(SUBSCRIBERS, {
      roles: () => [{ areaId: powderhorn.id, role: 'member' }],
    });
    const reporters = await seeder.members(WARMUP + ROUNDS + 1, {
      roles: () => [{ areaId: cityId, role: 'member' }],
    });
    const [first, second] = await seeder.members(2, {
      roles: () => [{ areaId: cityId, role: 'verifier' }],
    });
    const location = (i: number) => ({
      lat: INCIDENT.lat + (((i * 7919) % 200) - 100) * 0.00006,
      lng: INCIDENT.lng + (((i * 104729) % 200) - 100) * 0.00008,
    });
    const specs = subscribers.map((m, i) => ({ token: m.token, location: location(i) }));
    const firstConnect = await tocsinClients.connect(node.wsUrl, specs);
    const bareSpecs = subscribers.map(() => ({}));
    await bareClients.connect(bare.url, bareSpecs);

    /** A new incident confirmed by both verifiers: two alerts, 'unconfirmed' then 'confirmed'. */
    const confirmIncident = async (r: number) => {
      const incident = await node!.report(reporters[r]!.token, INCIDENT);
      if (incident.state !== 'reported') throw new Error(`incident is ${incident.state}`);
      await node!.verify(first!.token, incident.id, 'confirmed');
      await node!.verify(second!.token, incident.id, 'confirmed');
      return incident.id;
    };
    // Everyone is connected for the first one: it is delivered live, and must not come again.
    const before = await confirmIncident(WARMUP + ROUNDS);
    const live = await tocsinClients.expect(`${before}:confirmed`, SUBSCRIBERS);
    if (live.timedOut) throw new Error(`only ${live.count} got the live alert`);
    /** Ends an incident as a false alarm (the next report there opens a new one), live to all. */
    const retract = async (incidentId: string) => {
      await node!.verify(second!.token, incidentId, 'false_alarm');
      const retraction = await tocsinClients.expect(`${incidentId}:retraction`, SUBSCRIBERS);
      if (retraction.timedOut) throw new Error(`only ${retraction.count} got the retraction`);
    };
    await retract(before);

    const rounds: Round[] = [];
    for (let r = 0; r < WARMUP + ROUNDS; r++) {
      // The bare baseline: drop, then reconnect (open only), then drop and reconnect with hello.
      await bareClients.drop();
      await sleep(500);
      const bareOpen = (
        await bareClients.connect(
          bare.url,
          subscribers.map(() => null),
        )
      ).ms;
      await bareClients.drop();
      await sleep(500);
      const bareMeter = cpuMeter(() => [bare!.child.process.pid!]);
      const bareLoadMeter = cpuMeter(() => [bareClients.child.process.pid!]);
      const bareHello = (await bareClients.connect(bare.url, bareSpecs)).ms;
      const bareCpu = bareMeter();
      const bareLoadCpu = bareLoadMeter();

      // Tocsin: the blip; the seq the phones last saw; an incident confirmed while they are away.
      const { seq } = await seeder.db
        .selectFrom('alerts')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirstOrThrow();
      await tocsinClients.drop();
      await waitFor('the node to see every socket go', async () => (await node!.sockets()) === 0);
      const missed = await confirmIncident(r);
      await sleep(500);
      const load = loadavg()[0]!;
      const nodeCpu = cpuMeter(() => [node!.child.process.pid!]);
      const pgCpu = cpuMeter(postgresPids);
      const loadCpu = cpuMeter(() => [tocsinClients.child.process.pid!]);
      const xacts = async () =>
        Number(
          (
            await sql<{ n: string }>`select xact_commit as n from pg_stat_database
              where datname = current_database()`.execute(seeder!.db)
          ).rows[0]?.n ?? 0,
        );
      const xact0 = await xacts();
      // The warm-up storm is the one profiled (BENCH_PROFILE_DIR), so that no timed one is.
      if (r === 0) await node.profileStart();
      const t0 = nowMs();
      const reconnect = await tocsinClients.connect(
        node.wsUrl,
        specs.map((spec) => ({ ...spec, since: Number(seq) })),
      );
      const arrivals = await Promise.all(
        MISSED_KINDS.map((kind) =>
          tocsinClients.expect(`${missed}:${kind}`, SUBSCRIBERS, { settleMs: 0 }),
        ),
      );
      const replayed = max(arrivals.flatMap((a) => a.times)) - t0;
      const cpu = { node: nodeCpu(), pg: pgCpu(), load: loadCpu() };
      // The statistics collector reports with a delay of up to a second.
      await sleep(1_100);
      const transactions = (await xacts()) - xact0;
      if (r === 0) await node.profileStop('storm');
      // Extra copies (a replay sent twice, the live alert again) would arrive within a second.
      await sleep(1_000);
      const counts = await Promise.all([
        ...MISSED_KINDS.map((kind) => tocsinClients.stats(`${missed}:${kind}`)),
        tocsinClients.stats(`${before}:confirmed`),
      ]);
      const ordering = await tocsinClients.ordering();
      await retract(missed);
      const exact =
        arrivals.every((a) => !a.timedOut) &&
        counts.every((c) => c.count === SUBSCRIBERS) &&
        ordering.duplicates === 0 &&
        ordering.outOfOrder === 0;
      if (process.env.BENCH_VERBOSE)
        process.stderr.write(
          `storm round ${r}: bare open ${bareOpen.toFixed(0)} hello ${bareHello.toFixed(0)} ms; tocsin ready ${reconnect.ms.toFixed(0)} replayed ${replayed.toFixed(0)} ms; cpu bare ${bareCpu.toFixed(0)} (+ clients ${bareLoadCpu.toFixed(0)}) node ${cpu.node.toFixed(0)} pg ${cpu.pg.toFixed(0)} clients ${cpu.load.toFixed(0)} ms; transactions ${transactions}; exact ${exact}; load ${load.toFixed(1)}\n`,
        );
      if (r >= WARMUP)
        rounds.push({
          bareOpen,
          bareHello,
          ready: reconnect.ms,
          bareCpu,
          transactions,
          replayed,
          nodeCpu: cpu.node,
          pgCpu: cpu.pg,
          bareLoadCpu,
          loadCpu: cpu.load,
          exact,
          load,
        });
    }
    const med = (f: (r: Round) => number) => median(rounds.map(f));
    // Every process of a reconnect shares the machine's cores, so their CPU over the cores is a
    // floor on its wall time whatever the order of work; so is the busiest process's own CPU (a
    // server's event loop is one thread).
    const cores = availableParallelism();
    const bareFloor = (r: Round) =>
      Math.max((r.bareCpu + r.bareLoadCpu) / cores, r.bareCpu, r.bareLoadCpu);
    const tocsinFloor = (r: Round) =>
      Math.max((r.nodeCpu + r.pgCpu + r.loadCpu) / cores, r.nodeCpu, r.loadCpu);
    const readyRatio = median(rounds.map((r) => r.ready / r.bareHello));
    const replayRatio = median(rounds.map((r) => r.replayed / r.bareHello));
    const exact = rounds.every((r) => r.exact);
    return {
      name: 'storm',
      title: `Reconnect storm: ${SUBSCRIBERS.toLocaleString('en-US')} subscribers drop and reconnect at once, two alerts missed meanwhile`,
      rows: [
        {
          label: 'first connect, hello → ready for all (Tocsin, no replay)',
          value: ms(firstConnect.ms),
        },
        { label: 'bare ws: reconnected, sockets open', value: ms(med((r) => r.bareOpen)) },
        { label: 'bare ws: reconnected, hello → ready', value: ms(med((r) => r.bareHello)) },
        { label: 'Tocsin: reconnected, hello → ready', value: ms(med((r) => r.ready)) },
        {
          label: 'Tocsin: reconnected, every missed alert replayed',
          value: ms(med((r) => r.replayed)),
        },
        {
          label: 'hello → ready, Tocsin / bare',
          value: ratio(readyRatio),
          target: '≤ 2.00',
          met: readyRatio <= 2,
        },
        {
          label: 'missed alerts replayed to all, Tocsin / bare hello → ready',
          value: ratio(replayRatio),
        },
        {
          label:
            'CPU: bare server over its hellos / Tocsin node and PostgreSQL over hellos, replays and acks',
          value: `${ms(med((r) => r.bareCpu))} / ${ms(med((r) => r.nodeCpu))} / ${ms(med((r) => r.pgCpu))}`,
        },
        {
          label: 'CPU: the load generator over the bare reconnect / over Tocsin’s',
          value: `${ms(med((r) => r.bareLoadCpu))} / ${ms(med((r) => r.loadCpu))}`,
        },
        {
          label: `the least the reconnect can take, that CPU ÷ ${cores} cores or the busiest process's: bare / Tocsin (Tocsin ÷ bare)`,
          value: `${ms(med(bareFloor))} / ${ms(med(tocsinFloor))} (${ratio(med((r) => tocsinFloor(r) / bareFloor(r)))})`,
        },
        {
          label:
            "PostgreSQL transactions over the Tocsin reconnect (acks and the bench's own reads included)",
          value: med((r) => r.transactions).toLocaleString('en-US'),
        },
        {
          label: 'each missed alert replayed to every subscriber once; the live one not again',
          value: exact ? `yes (${rounds.length} storms)` : 'NO',
          target: 'yes',
          met: exact,
        },
      ],
      note: [
        `Median of ${ROUNDS} storms after a warm-up storm; ratios are taken per storm. Load average during the storms ${Math.min(...rounds.map((r) => r.load)).toFixed(1)}–${Math.max(...rounds.map((r) => r.load)).toFixed(1)}.`,
        `One Tocsin node (PostgreSQL, in-process bus) and one bare \`ws\` server, each with its own load-generator process holding ${SUBSCRIBERS.toLocaleString('en-US')} sockets over loopback source addresses; each load generator opens 100 at a time.`,
        'A storm: every client drops its socket without a close handshake; while they are away an incident is reported and confirmed by two verifiers (two alerts, to all of them by their neighborhood); then all reconnect with `since` = the last seq they saw. Timed from the first reconnect to the last `ready` (and to the last replayed alert). The bare baseline drops and reconnects the same way, once only opening the sockets and once saying hello, answered `ready` without any check.',
      ].join(' '),
    };
  } finally {
    await stopAll([tocsinClients, bareClients, bare, node]);
    await seeder?.close();
    await database.drop();
  }
}
