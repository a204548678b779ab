// The NATS baseline: bare JetStream with the client library Tocsin uses. One process publishes
// (awaiting the stream's ack), each of `consumers` other processes receives on its own durable
// pull consumer; per message, publish → the last consumer process receiving it.
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { forkChild, nowMs, type Child } from './ipc';
import { NATS_URL } from './cluster';

export async function bareJetStreamFanout(consumers = 3, messages = 40): Promise<number[]> {
  const nc = await connect({ servers: NATS_URL });
  const stream = `BENCH_BASE_${randomUUID().replaceAll('-', '').slice(0, 8)}`;
  const jsm = await jetstreamManager(nc);
  const children: Child[] = [];
  try {
    await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
    for (let i = 0; i < consumers; i++) {
      const child = forkChild('./nats-consumer.ts', { env: { NATS_URL } });
      children.push(child);
      await child.request({ op: 'start', stream, durable: `base-${i}` });
    }
    const js = jetstream(nc);
    const latencies: number[] = [];
    for (let i = 0; i < messages; i++) {
      const id = randomUUID();
      const start = nowMs();
      await js.publish(`${stream}.alert`, id, { msgID: id });
      const received = await Promise.all(
        children.map((c) => c.request<number>({ op: 'wait', id }, 10_000)),
      );
      latencies.push(Math.max(...received) - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return latencies;
  } finally {
    for (const child of children) await child.stop();
    await jsm.streams.delete(stream).catch(() => false);
    await nc.close();
  }
}
