import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../src/platform/bus/bus';
import { transact } from '../src/platform/context';
import { enqueueEvents } from '../src/platform/outbox/outbox.repository';
import {
  createTestContext,
  createTestSchema,
  eventually,
  TEST_DATABASE_URL,
  TEST_NATS_URL,
  type TestContext,
} from './helpers/harness';

const available = Boolean(TEST_DATABASE_URL && TEST_NATS_URL);
const suite = available ? describe : describe.skip;
const title = available
  ? 'two app instances on PostgreSQL + NATS JetStream'
  : 'two app instances on PostgreSQL + NATS JetStream (skipped: TEST_DATABASE_URL and TEST_NATS_URL are not both set)';

suite(title, () => {
  const stream = `TEST_NODES_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let nodes: TestContext[] = [];
  const received: Record<string, DomainEvent[]> = { a: [], b: [] };

  beforeAll(async () => {
    schema = await createTestSchema();
    nodes = [];
    for (const name of ['a', 'b']) {
      const t = await createTestContext({
        kind: 'postgres',
        postgresSchema: schema.schema,
        nats: { url: TEST_NATS_URL ?? '', stream },
      });
      await t.ctx.bus.subscribe({
        consumer: `node-${name}`,
        handler: async (event) => void received[name]?.push(event),
      });
      t.ctx.relay.start();
      nodes.push(t);
    }
  });

  afterAll(async () => {
    for (const t of nodes) await t.close();
    await schema.drop();
    const nc = await connect({ servers: TEST_NATS_URL ?? '' });
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
    await nc.close();
  });

  it('an event committed on one node reaches the subscribers of both nodes exactly once', async () => {
    const [a, b] = nodes;
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const writer = i % 2 === 0 ? a! : b!;
      ids.push(
        ...(await transact(writer.ctx, (tx) =>
          enqueueEvents(
            writer.ctx,
            tx,
            [{ name: 'member.suspended', payload: { memberId: randomUUID() } }],
            writer.ctx.clock.now(),
          ),
        )),
      );
    }
    await eventually(() => {
      expect(received.a!.map((e) => e.id).sort()).toEqual([...ids].sort());
      expect(received.b!.map((e) => e.id).sort()).toEqual([...ids].sort());
    }, 10_000);
    // Both relays poll the same outbox; give a duplicate time to show up if there were one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.a).toHaveLength(10);
    expect(received.b).toHaveLength(10);
  });
});
