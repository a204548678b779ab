// A bare JetStream consumer process for the NATS baseline: timestamps each message it receives.
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { nowMs, serve } from './ipc';

const received = new Map<string, number>();
const waiting = new Map<string, (at: number) => void>();
let nc: NatsConnection | null = null;

serve(
  {
    start: async (message) => {
      nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
      const stream = message.stream as string;
      const durable = message.durable as string;
      await (
        await jetstreamManager(nc)
      ).consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.New,
        filter_subject: `${stream}.>`,
      });
      const consumer = await jetstream(nc).consumers.get(stream, durable);
      const messages = await consumer.consume({ max_messages: 256 });
      void (async () => {
        for await (const m of messages) {
          const at = nowMs();
          const id = m.string();
          received.set(id, at);
          waiting.get(id)?.(at);
          m.ack();
        }
      })();
      return true;
    },
    wait: (message) => {
      const id = message.id as string;
      const at = received.get(id);
      if (at !== undefined) return at;
      return new Promise<number>((resolve) => waiting.set(id, resolve));
    },
  },
  async () => {
    await nc?.close();
  },
);
