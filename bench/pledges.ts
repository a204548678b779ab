// Strike pledges at scale, in one process on one database: 50,000 pledgers across 1,000
// workplaces (50 confirmed members each, headcount 100, condition 50 %; the campaign is on when
// all 1,000 have triggered, i.e. at the 50,000th pledge). Measures the cost of one pledge through
// the service (tag, counter, thresholds, publication check, in one transaction) with an empty
// campaign and again with 49,000 pledges in (O(1): the two should match), and the "campaign on"
// notice to all 50,000 pledgers' sockets (tags matched per connected member, no stored list)
// against a bare broadcast of the same bytes to the same 50,000 sockets in the same run.
// Run: npm run bench -- pledges   (BENCH_PLEDGE_WORKPLACES, BENCH_PLEDGE_PER_WORKPLACE)
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Principal } from '@tocsin/core';
import type { BenchResult } from './report';
import { median, quantile } from './lib/stats';
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
import type { Connection } from '../packages/server/src/platform';

const WORKPLACES = Number(process.env.BENCH_PLEDGE_WORKPLACES ?? 1_000);
const PER = Number(process.env.BENCH_PLEDGE_PER_WORKPLACE ?? 50);

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
    await sql`insert into bodies (id, kind, created_at) values (${randomUUID()}, 'council', ${now})`.execute(
      ctx.db,
    );
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

    // The notice: every pledger connected on this node (a socket each), plus the bare broadcast.
    const stream = new CampaignStream(ctx);
    let received = 0;
    const connections = rows.map(
      (r) => ({ memberId: r.id, send: () => (received += 1) }) as unknown as Connection,
    );
    for (const conn of connections) stream.open(conn).attach();
    const notice = JSON.stringify({
      type: 'campaign',
      id: campaignId,
      state: 'on',
      title: campaign.title,
      action: campaign.action,
    });
    const rounds: { tocsin: number; bare: number }[] = [];
    for (let round = 0; round < 5; round += 1) {
      received = 0;
      let start = performance.now();
      for (const conn of connections) conn.send(`bare:${round}`, notice);
      const bare = performance.now() - start;
      if (received !== rows.length) throw new Error('bare broadcast missed sockets');
      received = 0;
      start = performance.now();
      const told = await stream.deliver(campaignId);
      const tocsin = performance.now() - start;
      if (told !== rows.length || received !== rows.length) throw new Error(`told ${told}`);
      rounds.push({ tocsin, bare });
    }
    const tocsinMs = median(rounds.map((r) => r.tocsin));
    const bareMs = median(rounds.map((r) => r.bare));
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
          value: (median(late) / median(early)).toFixed(2),
          target: '≤ 1.5',
          met: median(late) / median(early) <= 1.5,
        },
        {
          label: `"campaign on" to all ${rows.length.toLocaleString('en-US')} pledgers' sockets (tags matched, median of 5)`,
          value: f(tocsinMs),
        },
        {
          label: 'bare broadcast of the same notice to the same sockets (median of 5)',
          value: f(bareMs),
        },
        {
          label: 'notice per pledger (tag match + send)',
          value: `${((tocsinMs * 1000) / rows.length).toFixed(1)} µs`,
        },
        { label: '"campaign on" / bare broadcast', value: (tocsinMs / bareMs).toFixed(1) },
      ],
      note: 'In one process: the sockets are in-memory stand-ins (their send counts), so the bare broadcast is the cost of the loop alone and the ratio is the matching cost (one HMAC-SHA256 per connected member and a set look-up), not socket I/O. The alert fan-out benchmark above measures real sockets against a bare `ws` broadcast; a same-run comparison with the alert path over real sockets is not made here.',
    };
  } finally {
    await closeContext(ctx, 1_000);
    await rm(dataDir, { recursive: true, force: true });
  }
}
