// Several Tocsin nodes of one deployment on PostgreSQL and NATS JetStream, as benchmarks 2 (geo)
// and 3 (nodes) run them.
import { randomUUID } from 'node:crypto';
import { deleteStream, freshDatabase, NATS_URL, newSecret, stopAll, TocsinNode } from './cluster';

/** A fresh database, a server key and a JetStream stream for one run, and the nodes on them. */
export class NatsDeployment {
  readonly nodes: TocsinNode[] = [];

  private constructor(
    readonly database: { url: string; drop: () => Promise<void> },
    readonly secret: Buffer,
    readonly stream: string,
  ) {}

  /** `name` goes in the stream's name: BENCH_GEO_…. */
  static async create(name: string): Promise<NatsDeployment> {
    const database = await freshDatabase();
    const stream = `BENCH_${name}_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
    return new NatsDeployment(database, newSecret(), stream);
  }

  /** Starts `count` nodes with ids `${nodeId}-0`, `${nodeId}-1`…; returns all of them. */
  async start(count: number, nodeId: string, env?: Record<string, string>): Promise<TocsinNode[]> {
    for (let i = 0; i < count; i++)
      this.nodes.push(
        await TocsinNode.start({
          databaseUrl: this.database.url,
          secret: this.secret,
          nodeId: `${nodeId}-${i}`,
          nats: { url: NATS_URL, stream: this.stream },
          ...(env ? { env } : {}),
        }),
      );
    return this.nodes;
  }

  /** Stops the nodes, drops the database and deletes the stream, ignoring errors. */
  async close(): Promise<void> {
    await stopAll(this.nodes);
    await this.database.drop();
    await deleteStream(this.stream).catch(() => undefined);
  }
}
