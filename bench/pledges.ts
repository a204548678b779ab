// Strike pledges at scale, in one process on one database: 50,000 pledgers across 1,000
// workplaces (50 confirmed members each, headcount 100, condition 50 %; the campaign is on when
// all 1,000 have triggered, i.e. at the 50,000th pledge). Measures the cost of one pledge through
// the service (tag, counter, thresholds, publication check, in one transaction) with an empty
// campaign and again with 49,000 pledges in (O(1): the two should match), and the "campaign on"
// notice to all 50,000 pledgers' sockets (tags matched per connected member, no stored list)
// against a confirmed alert fanned out by the same process to the same 50,000 sockets, in the
// same run (and a bare loop handing the same bytes to them).
// Run: npm run bench -- pledges   (BENCH_PLEDGE_WORKPLACES, BENCH_PLEDGE_PER_WORKPLACE)
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { WebSocket } from 'ws';
import { STREAM_PROTOCOL_VERSION, type Principal } from '@tocsin/core';
import type { BenchResult } from './report';
import { median, quantile, ratio } from './lib/stats';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { envToConfig } from '../packages/server/src/platform/config/config';
import { createContext } from '../packages/server/src/context';
import { closeContext } from '../packages/server/src/platform/context';
import { createLogger } from '../packages/server/src/platform/logger';
import { newSecret } from './lib/cluster';
import { CampaignStream, pledgeTag } from '../packages/server/src/organizing/pledges';
import { changePledge } from '../packages/server/src/organizing/pledges/campaigns.service';
import { Connection } from '../packages/server/src/platform';
import { AlertStream } from '../packages/server/src/rapid-response/alerts';
import type { AlertCreated } from '../packages/server/src/rapid-response/incidents';

const WORKPLACES = Number(process.env.BENCH_PLEDGE_WORKPLACES ?? 1_000);
const PER = Number(process.env.BENCH_PLEDGE_PER_WORKPLACE ?? 50);
const ROUNDS = 5;
/** "Campaign on" / alert to the same sockets in the same run. */
const SAME_RUN_TARGET = 1.5;

interface Round {
  bare: number;
  /** Milliseconds from the call to the last socket handed the message. */
  alert: number;
  /** … until the alert topic's deliver returned (its delivery log written). */
  alertReturned: number;
  campaignOn: number;
}

/**
 * One stand-in socket for every connection: open, counting what it is handed, and noting when
 * the count reached what `arm` expects (the last socket's send).
 */
function deliveryCounter() {
  let count = 0;
  let expected = 0;
  let last = 0;
  const socket = {
    OPEN: 1,
    readyState: 1,
    send: () => {
      count += 1;
      if (count === expected) last = performance.now();
    },
  } as unknown as WebSocket;
  return {
    socket,
    /** Expects `n` sends from now; returns now. */
    arm: (n: number) => {
      count = 0;
      expected = n;
      last = Number.NaN;
      return performance.now();
    },
    count: () => count,
    lastAt: () => last,
  };
}

const principal = (memberId: string): Principal => ({
  memberId,
  status: 'active',
  sponsorId: null,
  roles: [],
});

export async function run(): Promise<BenchResult> {
  // PGlite in memory unless DATABASE_URL names a PostgreSQL database (use a fresh one).
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tocsin-bench-pledges-'));
  const ctx = await createContext({
    config: envToConfig({
      TOCSIN_DATA_DIR: dataDir,
      TOCSIN_NODE_ID: 'bench-pledges',
      LOG_LEVEL: 'warn',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    }),
    secrets: { serverKey: newSecret() },
    logger: createLogger('warn'),
  });
  try {
    const now = ctx.clock.now();
    const cityId = randomUUID();
    await ctx.db
      .insertInto('areas')
      .values({
        id: cityId,
        slug: 'bench-city',
        name: 'Bench',
        kind: 'city',
        parent_id: null,
        sector: null,
        headcount: null,
        geometry: null,
        created_at: now,
      })
      .execute();
    const sectors = ['food', 'care', 'transit', 'retail', 'warehouse'];
    const workplaces = Array.from({ length: WORKPLACES }, (_, i) => ({ id: randomUUID(), i }));
    for (let from = 0; from < workplaces.length; from += 500) {
      const chunk = workplaces.slice(from, from + 500);
      await ctx.db
        .insertInto('areas')
        .values(
          chunk.map((w) => ({
            id: w.id,
            slug: `shop-${w.i}`,
            name: `Shop ${w.i}`,
            kind: 'workplace' as const,
            parent_id: cityId,
            sector: sectors[w.i % 5] ?? null,
            headcount: 100,
            geometry: null,
            created_at: now,
          })),
        )
        .execute();
      await ctx.db
        .insertInto('workplaces')
        .values(
          chunk.map((w) => ({
            area_id: w.id,
            employer: null,
            sector: sectors[w.i % 5] ?? null,
            place: null,
            cell: null,
            headcount_estimate: 100,
            headcount_as_of: '2026-12-01',
            union_status: null,
            updated_at: now,
          })),
        )
        .execute();
    }
    // members[w][i]: the i-th confirmed member of workplace w.
    const members = workplaces.map(() => Array.from({ length: PER }, () => randomUUID()));
    const rows = workplaces.flatMap((w) => (members[w.i] ?? []).map((id) => ({ id, w: w.id })));
    for (let from = 0; from < rows.length; from += 2_000) {
      const chunk = rows.slice(from, from + 2_000);
      await ctx.db
        .insertInto('members')
        .values(
          chunk.map((r) => ({
            id: r.id,
            handle: `h-${r.id}`,
            display_name: null,
            status: 'active' as const,
            sponsor_id: null,
            language: null,
            created_at: now,
          })),
        )
        .execute();
      await ctx.db
        .insertInto('workplace_members')
        .values(
          chunk.map((r) => ({
            member_id: r.id,
            workplace_id: r.w,
            declared_at: now,
            confirmed_at: now,
          })),
        )
        .execute();
    }
    ctx.areas.invalidate();
    // The council body: one per city (the database may already hold it).
    await sql`insert into bodies (id, kind, created_at) values (${randomUUID()}, 'council', ${now})
      on conflict do nothing`.execute(ctx.db);
    const council = await ctx.db
      .selectFrom('bodies')
      .select('id')
      .where('kind', '=', 'council')
      .executeTakeFirstOrThrow();
    const campaignId = randomUUID();
    await ctx.db
      .insertInto('campaigns')
      .values({
        id: campaignId,
        body_id: council.id,
        workplace_id: null,
        title: 'General strike',
        action: 'General strike on the day the council sets',
        workplace_percent: 50,
        workplace_count: null,
        city_workplaces: WORKPLACES,
        city_pledgers: null,
        state: 'open',
        created_by: null,
        created_at: now,
      })
      .execute();

    const pledgeAll = async (memberIds: string[]) => {
      const times: number[] = [];
      for (const id of memberIds) {
        const start = performance.now();
        await changePledge(ctx, principal(id), campaignId, 1);
        times.push(performance.now() - start);
      }
      return times;
    };
    // A: the first pledge at each workplace, campaign empty.
    const early = await pledgeAll(workplaces.map((w) => members[w.i]?.[0] ?? ''));
    // B: the bulk of the pledges, loaded as the service would store them (tags and counters).
    for (const w of workplaces) {
      const middle = (members[w.i] ?? []).slice(1, PER - 1);
      await ctx.db
        .insertInto('campaign_pledges')
        .values(
          middle.map((id) => ({
            campaign_id: campaignId,
            tag: pledgeTag(ctx, campaignId, id),
            workplace_id: w.id,
          })),
        )
        .execute();
      await ctx.db
        .updateTable('campaign_workplaces')
        .set({ pledgers: PER - 1 })
        .where('campaign_id', '=', campaignId)
        .where('workplace_id', '=', w.id)
        .execute();
    }
    await ctx.db
      .updateTable('campaigns')
      .set({ pledgers: WORKPLACES * (PER - 1) })
      .where('id', '=', campaignId)
      .execute();
    // C: the last pledge at each workplace: each triggers it (50 of 100), the last turns it on.
    const late = await pledgeAll(workplaces.map((w) => members[w.i]?.[PER - 1] ?? ''));
    const campaign = await ctx.db
      .selectFrom('campaigns')
      .selectAll()
      .where('id', '=', campaignId)
      .executeTakeFirstOrThrow();
    if (campaign.state !== 'on' || campaign.pledgers !== WORKPLACES * PER) {
      throw new Error(`campaign ${campaign.state} with ${campaign.pledgers} pledges`);
    }

    // The sockets: every pledger connected once on this node, each a real Connection over a
    // stand-in socket that counts what it is handed (no I/O), joined to both topics as the
    // gateway joins them. The alert baseline is a confirmed incident in the city, which all of
    // them follow, fanned out by the same process's alert topic to the same sockets.
    const sockets = deliveryCounter();
    const connections = rows.map((r) => {
      const conn = new Connection(randomUUID(), sockets.socket, principal(r.id));
      conn.markReady();
      return conn;
    });
    const campaignTopic = new CampaignStream(ctx);
    const alertTopic = new AlertStream(ctx);
    const follows = {
      prefs: { areaIds: [cityId], placeCells: [], radiusMeters: 0, minLevel: 'confirmed' as const },
      onShift: false,
      seq: 0,
    };
    for (const conn of connections) {
      campaignTopic.open(conn).attach();
      (
        await alertTopic.open(conn, { type: 'hello', v: STREAM_PROTOCOL_VERSION }, follows)
      ).attach();
    }
    const alertAt = (round: number): AlertCreated => ({
      alertId: randomUUID(),
      seq: round + 1,
      kind: 'confirmed',
      audience: 'everyone',
      mergedInto: null,
      incident: {
        id: randomUUID(),
        state: 'confirmed',
        activity: 'agents detaining people',
        area: { id: cityId, name: 'Bench' },
        location: { lat: 44.9475, lng: -93.2555 },
        reporters: 2,
        at: new Date().toISOString(),
      },
    });
    const notice = JSON.stringify({
      type: 'campaign',
      id: campaignId,
      state: 'on',
      title: campaign.title,
      action: campaign.action,
    });
    const n = rows.length;
    const rounds: Round[] = [];
    // A warm-up round, then five: each a bare loop, an alert, then the campaign notice.
    for (let round = 0; round <= ROUNDS; round += 1) {
      let start = sockets.arm(n);
      for (const conn of connections) conn.send(`bare:${round}`, notice);
      const bare = sockets.lastAt() - start;

      start = sockets.arm(n);
      const alerted = await alertTopic.deliver(alertAt(round));
      const alertReturned = performance.now() - start;
      if (alerted !== n || sockets.count() !== n)
        throw new Error(`alert reached ${alerted} members, ${sockets.count()} sockets`);
      const alert = sockets.lastAt() - start;

      start = sockets.arm(n);
      const told = await campaignTopic.deliver(campaignId);
      if (told !== n || sockets.count() !== n)
        throw new Error(`notice reached ${told} members, ${sockets.count()} sockets`);
      const campaignOn = sockets.lastAt() - start;
      if (round > 0) rounds.push({ bare, alert, alertReturned, campaignOn });
    }
    await alertTopic.stop();
    const campaignMs = median(rounds.map((r) => r.campaignOn));
    const alertMs = median(rounds.map((r) => r.alert));
    // Per round, as the fan-out benchmark takes its ratios.
    const sameRun = median(rounds.map((r) => r.campaignOn / r.alert));
    const f = (v: number) => `${v.toFixed(2)} ms`;
    return {
      name: 'pledges',
      title: `Strike pledges: ${(WORKPLACES * PER).toLocaleString('en-US')} pledgers across ${WORKPLACES.toLocaleString('en-US')} workplaces`,
      rows: [
        {
          label: 'one pledge, campaign empty (median / p99)',
          value: `${f(median(early))} / ${f(quantile(early, 0.99))}`,
        },
        {
          label: `one pledge with ${(WORKPLACES * (PER - 1)).toLocaleString('en-US')} in, each triggering its workplace (median / p99)`,
          value: `${f(median(late))} / ${f(quantile(late, 0.99))}`,
        },
        {
          label: 'per-pledge cost, full / empty (O(1): about 1)',
          value: ratio(median(late) / median(early)),
          target: '≤ 1.5',
          met: median(late) / median(early) <= 1.5,
        },
        {
          label: `"campaign on": event → last of the ${n.toLocaleString('en-US')} pledgers' sockets handed the notice (tags read and matched; median of ${ROUNDS})`,
          value: f(campaignMs),
        },
        {
          label: `confirmed alert, same process, same ${n.toLocaleString('en-US')} sockets: event → last socket handed it (targeting; median of ${ROUNDS})`,
          value: f(alertMs),
        },
        {
          label: '… the alert until its delivery log is written',
          value: f(median(rounds.map((r) => r.alertReturned))),
        },
        {
          label: '"campaign on" / alert, same run (per round, median)',
          value: ratio(sameRun),
          target: `≤ ${SAME_RUN_TARGET.toFixed(1)}`,
          met: sameRun <= SAME_RUN_TARGET,
        },
        {
          label: 'a bare loop handing the same notice to the same sockets',
          value: f(median(rounds.map((r) => r.bare))),
        },
        {
          label: 'notice per pledger (tag match + send)',
          value: `${((campaignMs * 1000) / n).toFixed(1)} µs`,
        },
      ],
      note: [
        `In one process, one database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in memory'}): each pledger holds one \`Connection\` joined to the campaign and alert topics as the stream gateway joins them, over a stand-in socket that counts what it is handed, so both paths are measured up to the socket's send and no socket I/O is in either figure (the alert fan-out benchmark above measures that part over real sockets).`,
        `Each round hands a bare loop, then a confirmed alert (a new incident in the city, which every socket follows: the alert topic's \`deliver\`, as its \`alert.issued\` event calls it: targeting through the subscription index, the incident's delivery log read, one encoded message, the sends, then the log written), then the "campaign on" notice (the campaign topic's \`deliver\`, as \`campaign.triggered\` calls it: the campaign and its ${n.toLocaleString('en-US')} tags read, one HMAC-SHA256 per connected member matched against them, the sends); ratios are per round, after a warm-up round.`,
        `Target ≤ ${SAME_RUN_TARGET}×: the notice should reach every pledger about as soon as an alert reaches the same sockets. It cannot be targeted by an index as an alert is (no stored list of pledgers, ADR 0014): it reads every tag of the campaign and computes one keyed hash per connected member, where the alert walks the subscription index.`,
      ].join(' '),
    };
  } finally {
    await closeContext(ctx, 1_000);
    await rm(dataDir, { recursive: true, force: true });
  }
}
