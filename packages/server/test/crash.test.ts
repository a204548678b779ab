import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { DomainEvent } from '../src/bus/bus';
import { MemoryBus } from '../src/bus/memory-bus';
import { createLogger } from '../src/logger';
import { countUnpublished } from '../src/outbox/outbox.repository';
import {
  createTestContext,
  createTestSchema,
  describeEachDatabase,
  eventually,
} from './helpers/harness';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs the fixture until it has committed, then kills it with SIGKILL. */
async function commitThenKill(kind: string, target: string, eventId: string): Promise<void> {
  // node itself with tsx as a loader: the tsx CLI would put a second process between us.
  const fixture = path.join(here, 'fixtures/commit-then-die.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, kind, target, eventId], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('committed')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`fixture exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

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
      await commitThenKill(kind, target, eventId);

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
        await eventually(() => expect(received.map((e) => e.id)).toEqual([eventId]));
        expect(received[0]?.payload).toEqual({ survived: true });
        expect(await countUnpublished(t.ctx.db)).toBe(0);
      } finally {
        await t.close();
      }
    } finally {
      await cleanup();
    }
  });
});
