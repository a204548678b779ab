import { randomBytes, randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/app';
import type { TocsinEnv } from '../../src/platform/config/env';
import { loadMinneapolis } from './city';
import { createTestContext, createTestSchema, TEST_NATS_URL, type TestContext } from './harness';

/** One node of a deployment: its context and its app, ready, its outbox relay running. */
export interface AppNode {
  t: TestContext;
  app: FastifyInstance;
}

export interface AppNodes {
  nodes: AppNode[];
  /** Of the Minneapolis pack, loaded once for all nodes. */
  areaIds: { cityId: string; powderhornId: string };
  /** Closes every node, then drops the schema and deletes the stream. */
  close(): Promise<void>;
}

/**
 * Starts several app nodes of one deployment on PostgreSQL + NATS JetStream: a schema and a
 * stream (named from `streamPrefix`) of their own, and one server key.
 */
export async function startAppNodes(options: {
  streamPrefix: string;
  count?: number;
  env?: Partial<TocsinEnv>;
}): Promise<AppNodes> {
  const stream = `${options.streamPrefix}_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const schema = await createTestSchema();
  const serverKey = randomBytes(32);
  const nodes: AppNode[] = [];
  const close = async () => {
    for (const { t, app } of nodes) {
      await app.close();
      await t.close();
    }
    await schema.drop();
    const nc = await connect({ servers: TEST_NATS_URL ?? '' });
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
    await nc.close();
  };
  try {
    let areaIds: AppNodes['areaIds'] | undefined;
    for (let i = 0; i < (options.count ?? 2); i++) {
      const t = await createTestContext({
        kind: 'postgres',
        postgresSchema: schema.schema,
        nats: { url: TEST_NATS_URL ?? '', stream },
        serverKey,
        ...(options.env ? { env: options.env } : {}),
      });
      areaIds ??= await loadMinneapolis(t.ctx);
      const app = await createApp(t.ctx);
      await app.ready();
      t.ctx.relay.start();
      nodes.push({ t, app });
    }
    return { nodes, areaIds: areaIds!, close };
  } catch (error) {
    await close();
    throw error;
  }
}
