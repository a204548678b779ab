// One mass meeting over sockets: N participants (2,000) on one node say hello with the meeting,
// check in, ask to speak and vote. Measures: all ballots in within 60 s, every ballot counted
// once (a tenth are sent twice with the same request id, as a phone retrying), the tally on the
// stream current within 1 s (p99) of the last ballot, speakers-queue updates reaching everyone
// within 1 s (p99); and, in the same run, a bare `ws` broadcast of a message of the same size to
// the same sockets. Run: npm run bench -- meeting
import { randomUUID } from 'node:crypto';
import { STREAM_PROTOCOL_VERSION, type MeetingMessage } from '@tocsin/core';
import { WebSocket } from 'ws';
import type { BenchResult } from './report';
import { BareServer, freshDatabase, newSecret, Seeder, stopAll, TocsinNode } from './lib/cluster';
import { nowMs } from './lib/ipc';
import { quantile } from './lib/stats';

const PARTICIPANTS = Number(process.env.BENCH_MEETING_PARTICIPANTS ?? 2_000);
const CONCURRENCY = 64;
const QUEUE_ROUNDS = 5;

/** One participant's socket: the latest state and when each state arrived. */
class Participant {
  readonly arrivals: { at: number; message: MeetingMessage | { type: string } }[] = [];
  constructor(readonly socket: WebSocket) {
    socket.on('message', (raw: Buffer) => {
      const at = nowMs();
      this.arrivals.push({ at, message: JSON.parse(raw.toString('utf8')) as { type: string } });
    });
  }

  /** When this socket first got a message (after `since`) that satisfies `test`. */
  firstAfter(since: number, test: (m: MeetingMessage) => boolean): number | null {
    for (const a of this.arrivals) {
      if (a.at < since || a.message.type !== 'meeting') continue;
      if (test(a.message as MeetingMessage)) return a.at;
    }
    return null;
  }
}

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function waitFor(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

function open(url: string, hello: object | null): Promise<Participant> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    const participant = new Participant(socket);
    socket.once('error', reject);
    socket.once('open', () => {
      if (hello) socket.send(JSON.stringify(hello));
      resolve(participant);
    });
  });
}

export async function run(): Promise<BenchResult> {
  const database = await freshDatabase('tocsin_bench_meeting');
  const secret = newSecret();
  let node: TocsinNode | null = null;
  let bare: BareServer | null = null;
  let seeder: Seeder | null = null;
  const sockets: Participant[] = [];
  try {
    node = await TocsinNode.start({ databaseUrl: database.url, secret, nodeId: 'bench-meeting' });
    seeder = await Seeder.open(database.url, secret);
    const areas = await seeder.areas();
    const area = areas.all.find((a) => a.kind === 'neighborhood');
    if (!area) throw new Error('no neighborhood in the demo pack');
    const [chair] = await seeder.members(1, {
      roles: () => [
        { areaId: area.id, role: 'member' },
        { areaId: area.id, role: 'organizer' },
      ],
    });
    const members = await seeder.members(PARTICIPANTS, {
      roles: () => [{ areaId: area.id, role: 'member' }],
    });
    const api = async <T>(token: string, method: string, url: string, body?: object) => {
      const response = await fetch(`${node!.url}/api/v1${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const json = (await response.json()) as T;
      if (response.status >= 300)
        throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const bodies = await api<{ id: string; areaId: string }[]>(chair!.token, 'GET', '/bodies');
    const bodyId = bodies.find((b) => b.areaId === area.id)!.id;
    const { meeting } = await api<{ meeting: { id: string } }>(
      chair!.token,
      'POST',
      `/bodies/${bodyId}/meetings`,
      {
        requestId: randomUUID(),
        title: 'Mass meeting',
        startsAt: new Date().toISOString(),
        quorum: { percent: 10 },
        agenda: [{ title: 'Strike vote', minutes: 30 }],
      },
    );
    await api(chair!.token, 'POST', `/meetings/${meeting.id}/open`, { requestId: randomUUID() });
    const view = await api<{ officer: { code: string } }>(
      chair!.token,
      'GET',
      `/meetings/${meeting.id}`,
    );
    const code = view.officer.code;

    // Every participant's socket follows the meeting.
    const connectStart = Date.now();
    await pool(members, CONCURRENCY, async (m) => {
      sockets.push(
        await open(node!.wsUrl, {
          type: 'hello',
          v: STREAM_PROTOCOL_VERSION,
          token: m.token,
          meetingId: meeting.id,
        }),
      );
    });
    const connectMs = Date.now() - connectStart;
    await pool(members, CONCURRENCY, async (m) => {
      await api(m.token, 'POST', `/meetings/${meeting.id}/check-in`, {
        requestId: randomUUID(),
        code,
      });
    });
    if (
      !(await waitFor(
        () =>
          sockets.every(
            (s) => s.firstAfter(0, (x) => x.state.attendance === PARTICIPANTS) !== null,
          ),
        30_000,
      ))
    )
      throw new Error('not every socket saw the full attendance');

    // Speakers queue: a request to speak, timed to its arrival on every socket.
    const queueLatencies: number[] = [];
    for (let round = 0; round < QUEUE_ROUNDS; round++) {
      const speaker = members[round]!;
      const t0 = nowMs();
      const answer = await api<{ id: string }>(
        speaker.token,
        'POST',
        `/meetings/${meeting.id}/speakers`,
        {
          requestId: randomUUID(),
          kind: 'speak',
        },
      );
      const seen = (s: Participant) =>
        s.firstAfter(t0, (x) => x.state.queue.some((q) => q.id === answer.id));
      await waitFor(() => sockets.every((s) => seen(s) !== null), 10_000);
      for (const s of sockets) queueLatencies.push((seen(s) ?? Infinity) - t0);
    }

    // The vote: every participant votes once; a tenth retry the same request.
    const { id: motionId } = await api<{ id: string }>(
      members[0]!.token,
      'POST',
      `/meetings/${meeting.id}/motions`,
      {
        requestId: randomUUID(),
        text: 'We strike on Monday',
      },
    );
    await api(members[1]!.token, 'POST', `/motions/${motionId}/second`, {
      requestId: randomUUID(),
    });
    await api(chair!.token, 'POST', `/motions/${motionId}/vote`, {
      requestId: randomUUID(),
      method: 'open',
      majority: 'simple',
    });
    const choices = ['yes', 'no', 'abstain'] as const;
    const expected = { yes: 0, no: 0, abstain: 0 };
    const voteStart = nowMs();
    let lastBallot = 0;
    await pool(
      members.map((m, i) => ({ m, i })),
      CONCURRENCY,
      async ({ m, i }) => {
        const choice = choices[i % 3]!;
        const requestId = randomUUID();
        await api(m.token, 'POST', `/motions/${motionId}/ballots`, { requestId, choice });
        if (i % 10 === 0)
          await api(m.token, 'POST', `/motions/${motionId}/ballots`, { requestId, choice });
        lastBallot = Math.max(lastBallot, nowMs());
      },
    );
    for (let i = 0; i < PARTICIPANTS; i++) expected[choices[i % 3]!] += 1;
    const allVotedMs = lastBallot - voteStart;
    const current = (x: MeetingMessage) => {
      const v = x.state.motions.find((mo) => mo.id === motionId)?.vote;
      return (
        v?.voted === PARTICIPANTS && v.tally?.yes === expected.yes && v.tally.no === expected.no
      );
    };
    await waitFor(() => sockets.every((s) => s.firstAfter(voteStart, current) !== null), 15_000);
    const tallyLatencies = sockets.map(
      (s) => (s.firstAfter(voteStart, current) ?? Infinity) - lastBallot,
    );
    const result = await api<{ yes: number; no: number; abstain: number }>(
      chair!.token,
      'POST',
      `/motions/${motionId}/close-vote`,
      {
        requestId: randomUUID(),
      },
    );
    const countedOnce =
      result.yes === expected.yes &&
      result.no === expected.no &&
      result.abstain === expected.abstain;
    const stateBytes = Buffer.byteLength(
      JSON.stringify(
        sockets[0]!.arrivals.filter((a) => a.message.type === 'meeting').at(-1)!.message,
      ),
    );
    for (const s of sockets) s.socket.close();
    sockets.length = 0;

    // The same sockets' worth of clients on a bare ws server, a message of the same size.
    bare = await BareServer.start();
    const bareSockets: Participant[] = [];
    await pool(members, CONCURRENCY, async () => {
      bareSockets.push(await open(bare!.url, null));
    });
    const bareLatencies: number[] = [];
    for (let round = 0; round < QUEUE_ROUNDS; round++) {
      const marker = randomUUID();
      const payload = JSON.stringify({
        type: 'meeting',
        marker,
        pad: 'x'.repeat(Math.max(0, stateBytes - 80)),
      });
      const t0 = nowMs();
      await bare.broadcast(payload);
      const seen = (s: Participant) =>
        s.arrivals.find((a) => a.at >= t0 && (a.message as { marker?: string }).marker === marker)
          ?.at ?? null;
      await waitFor(() => bareSockets.every((s) => seen(s) !== null), 10_000);
      for (const s of bareSockets) bareLatencies.push((seen(s) ?? Infinity) - t0);
    }
    for (const s of bareSockets) s.socket.close();

    const p99 = (xs: number[]) => quantile(xs, 0.99);
    const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'never');
    const n = PARTICIPANTS.toLocaleString('en-US');
    return {
      name: 'meeting',
      title: `Assemblies: one meeting of ${n} participants over sockets`,
      rows: [
        { label: `${n} sockets said hello with the meeting`, value: ms(connectMs) },
        {
          label: `all ${n} ballots in (first to last answer)`,
          value: ms(allVotedMs),
          target: '≤ 60 s',
          met: allVotedMs <= 60_000,
        },
        {
          label: 'every ballot counted exactly once (a tenth sent twice with one request id)',
          value: countedOnce
            ? `yes (${result.yes}–${result.no}–${result.abstain})`
            : `no (${JSON.stringify(result)})`,
          target: 'yes',
          met: countedOnce,
        },
        {
          label: 'tally on every socket current after the last ballot, p99',
          value: ms(p99(tallyLatencies)),
          target: '≤ 1 s',
          met: p99(tallyLatencies) <= 1_000,
        },
        {
          label: `speakers-queue update reaching all ${n}, p99 (${QUEUE_ROUNDS} requests)`,
          value: ms(p99(queueLatencies)),
          target: '≤ 1 s',
          met: p99(queueLatencies) <= 1_000,
        },
        {
          label: `bare ws broadcast of ${stateBytes} bytes to ${n}, p99`,
          value: ms(p99(bareLatencies)),
        },
        {
          label: 'speakers-queue p99 / bare ws p99 (same run)',
          value: `${(p99(queueLatencies) / Math.max(1, p99(bareLatencies))).toFixed(1)}×`,
        },
      ],
      note: `One Tocsin node (PostgreSQL) in its own process; the ${n} clients and the HTTP calls (${CONCURRENCY} at a time) in the benchmark process. Queue and tally latencies run from the HTTP answer (queue) or the last ballot's answer (tally) to the first state message on each socket that shows it; state messages are coalesced to at most 5 a second per meeting, so up to 200 ms of each latency is by design.`,
    };
  } finally {
    for (const s of sockets) s.socket.terminate();
    await stopAll([bare, node]);
    await seeder?.close();
    await database.drop().catch(() => undefined);
  }
}
