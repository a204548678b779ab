import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { DomainEvent } from '../src/platform/bus/bus';
import { MemoryBus } from '../src/platform/bus/memory-bus';
import { createLogger } from '../src/platform/logger';
import { countUnpublished } from '../src/platform/outbox/outbox.repository';
import { runUntilFirstLineThenKill } from './helpers/child';
import { recordFigure } from './helpers/figures';
import {
  createTestContext,
  createTestSchema,
  describeEachDatabase,
  eventually,
} from './helpers/harness';

describeEachDatabase('crash between commit and publish', (kind) => {
  it('an event committed by a process killed before publishing is published by the next start', async () => {
    const eventId = randomUUID();
    let target: string;
    let cleanup: () => Promise<void>;
    if (kind === 'pglite') {
      target = await mkdtemp(path.join(tmpdir(), 'tocsin-crash-'));
      cleanup = () => rm(target, { recursive: true, force: true });
    } else {
      const schema = await createTestSchema();
      target = schema.schema;
      cleanup = schema.drop;
    }
    try {
      await runUntilFirstLineThenKill('commit-then-die.ts', [kind, target, eventId]);

      const received: DomainEvent[] = [];
      const bus = new MemoryBus(createLogger('silent'));
      await bus.subscribe({ consumer: 'after-crash', handler: async (e) => void received.push(e) });
      const t = await createTestContext({
        kind,
        bus,
        ...(kind === 'pglite' ? { pgliteDataDir: target } : { postgresSchema: target }),
      });
      try {
        expect(await countUnpublished(t.ctx.db)).toBe(1);
        t.ctx.relay.start();
        try {
          await eventually(() => expect(received.map((e) => e.id)).toEqual([eventId]));
        } finally {
          // One kill -9 between commit and publish; the committed event is lost if never published.
          const lost = received.some((e) => e.id === eventId) ? 0 : 1;
          recordFigure('faults', 'crash.test.ts', kind, { injected: 1, acknowledged: 1, lost });
        }
        expect(received[0]?.payload).toEqual({ reason: 'city_pack' });
        await eventually(async () => expect(await countUnpublished(t.ctx.db)).toBe(0));
      } finally {
        await t.close();
      }
    } finally {
      await cleanup();
    }
  });
});
