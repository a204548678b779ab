import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createApp } from '../src/app';
import { countUnpublished } from '../src/outbox/outbox.repository';
import { POWDERHORN } from './helpers/city';
import {
  createTestContext,
  createTestSchema,
  describeEachDatabase,
  eventually,
} from './helpers/harness';
import { StreamClient } from './helpers/stream';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs the fixture until it has committed both reports, then kills it with SIGKILL. */
async function reportThenKill(kind: string, target: string, key: string) {
  const fixture = path.join(here, 'fixtures/report-then-die.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, kind, target], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TOCSIN_TEST_KEY: key },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`fixture exited early (${code}): ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return JSON.parse(line) as { token: string; incidentId: string };
}

describeEachDatabase('alert durability', (kind) => {
  it('a corroborated alert committed by a process killed before publishing reaches the member once', async () => {
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
      const { token, incidentId } = await reportThenKill(kind, target, key.toString('base64url'));
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
        await eventually(() => expect(stream.kinds()).toEqual(['unconfirmed']), 10_000);
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
  });
});
