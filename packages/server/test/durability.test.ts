import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createApp } from '../src/app';
import { countUnpublished } from '../src/platform/outbox/outbox.repository';
import { runUntilFirstLineThenKill } from './helpers/child';
import { POWDERHORN } from './helpers/city';
import { recordFigure } from './helpers/figures';
import {
  createTestContext,
  createTestSchema,
  describeEachDatabase,
  eventually,
} from './helpers/harness';
import { StreamClient } from './helpers/stream';

describeEachDatabase('alert durability', (kind) => {
  // A child process loads the whole demo city pack first: slow on a loaded 2-core machine.
  it(
    'a corroborated alert committed by a process killed before publishing reaches the member once',
    { timeout: 120_000 },
    async () => {
      const key = randomBytes(32);
      let target: string;
      let cleanup: () => Promise<void>;
      if (kind === 'pglite') {
        target = await mkdtemp(path.join(tmpdir(), 'tocsin-durable-'));
        cleanup = () => rm(target, { recursive: true, force: true });
      } else {
        const schema = await createTestSchema();
        target = schema.schema;
        cleanup = schema.drop;
      }
      try {
        const line = await runUntilFirstLineThenKill('report-then-die.ts', [kind, target], {
          TOCSIN_TEST_KEY: key.toString('base64url'),
        });
        const { token, incidentId } = JSON.parse(line) as { token: string; incidentId: string };
        const t = await createTestContext({
          kind,
          serverKey: key,
          ...(kind === 'pglite' ? { pgliteDataDir: target } : { postgresSchema: target }),
        });
        const app = await createApp(t.ctx);
        try {
          await app.ready();
          expect(await countUnpublished(t.ctx.db)).toBeGreaterThan(0);
          const stream = await StreamClient.open(app, { token, location: POWDERHORN });
          t.ctx.relay.start();
          try {
            await eventually(() => expect(stream.kinds()).toEqual(['unconfirmed']), 10_000);
          } finally {
            // Acknowledged before the kill: two reports and the alert they committed.
            const reports = await t.ctx.db
              .selectFrom('reports')
              .select('id')
              .where('incident_id', '=', incidentId)
              .execute();
            const arrived = stream.alerts.some((a) => a.incident?.id === incidentId);
            recordFigure('faults', 'durability.test.ts', kind, {
              injected: 1,
              acknowledged: 3,
              lost: Math.max(0, 2 - reports.length) + (arrived ? 0 : 1),
            });
          }
          expect(stream.alerts[0]?.incident?.id).toBe(incidentId);
          await eventually(async () => expect(await countUnpublished(t.ctx.db)).toBe(0));
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(stream.alerts).toHaveLength(1);
          stream.close();
        } finally {
          await app.close();
          await t.close();
        }
      } finally {
        await cleanup();
      }
    },
  );
});
