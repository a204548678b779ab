// One Tocsin node as a benchmark runs it: `startServer` with the configuration from the
// environment, exactly as `tocsin start` builds it, plus a bus wrapper that timestamps when an
// alert event is published and when this node's gateway starts and ends delivering it.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bootstrap } from '../../packages/server/src/cli/bootstrap';
import type {
  Bus,
  DomainEvent,
  EventFilter,
  SubscribeOptions,
  Subscription,
} from '../../packages/server/src/platform/bus/bus';
import { MemoryBus } from '../../packages/server/src/platform/bus/memory-bus';
import { NatsBus } from '../../packages/server/src/platform/bus/nats-bus';
import { startServer, type RunningServer } from '../../packages/server/src/server';
import { nowMs, serve } from './ipc';

export interface EventTiming {
  /** `incidentId:kind` of the alert. */
  key?: string;
  published?: number;
  handlerStart?: number;
  handlerEnd?: number;
  /** When its delivery log was written (the bus acknowledgement). */
  settled?: number;
}

class TimedBus implements Bus {
  readonly timings = new Map<string, EventTiming>();
  constructor(private readonly inner: Bus) {}
  get kind() {
    return this.inner.kind;
  }
  #timing(event: DomainEvent<'alert.issued'>): EventTiming {
    let t = this.timings.get(event.id);
    if (!t) {
      const { incident, kind } = event.payload;
      this.timings.set(event.id, (t = { key: `${incident.id}:${kind}` }));
    }
    return t;
  }
  publish(event: DomainEvent): Promise<void> {
    if (event.name === 'alert.issued') this.#timing(event).published = nowMs();
    return this.inner.publish(event);
  }
  subscribe<F extends EventFilter>(options: SubscribeOptions<F>): Promise<Subscription> {
    if (!options.consumer.startsWith('realtime-')) return this.inner.subscribe(options);
    return this.inner.subscribe({
      ...options,
      handler: async (event) => {
        if (event.name !== 'alert.issued') return options.handler(event);
        const t = this.#timing(event as DomainEvent<'alert.issued'>);
        t.handlerStart = nowMs();
        const result = await options.handler(event);
        t.handlerEnd = nowMs();
        void result?.settled.then(() => (t.settled = nowMs()));
        return result;
      },
    });
  }
  ping(): Promise<void> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

let server: RunningServer | null = null;
let bus: TimedBus | null = null;
let inspector: Session | null = null;
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

serve(
  {
    start: async () => {
      const { config, secrets, logger } = await bootstrap();
      const inner = config.nats
        ? await NatsBus.connect({ ...config.nats, logger: logger.child({ sub: 'bus' }) })
        : new MemoryBus(logger.child({ sub: 'bus' }));
      bus = new TimedBus(inner);
      server = await startServer({ config, secrets, logger, bus });
      return server.url;
    },
    /** Event-loop delay since the last call (ms): p50, p99, max. */
    loopDelay: () => {
      const out = {
        p50: loopDelay.percentile(50) / 1e6,
        p99: loopDelay.percentile(99) / 1e6,
        max: loopDelay.max / 1e6,
      };
      loopDelay.reset();
      return out;
    },
    cpu: () => process.cpuUsage(),
    /** Sockets held by this process and by its stream workers. */
    sockets: async () =>
      (server?.app.gateway.size ?? 0) + ((await server?.app.streamWorkers?.size()) ?? 0),
    /** This process and its stream workers (their CPU is the node's). */
    pids: () => [process.pid, ...(server?.app.streamWorkers?.pids ?? [])],
    /** Every alert event's timing, by `incidentId:kind`. */
    alertTimings: (): Record<string, EventTiming> => {
      const out: Record<string, EventTiming> = {};
      for (const t of bus?.timings.values() ?? []) if (t.key) out[t.key] = t;
      return out;
    },
    timings: (message) => {
      const ids = message.ids as string[];
      return ids.map((id) => bus?.timings.get(id) ?? {});
    },
    /** CPU profile of a window of the run (the same data as node --cpu-prof). */
    profileStart: async () => {
      inspector = new Session();
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
      await inspector.post('Profiler.start');
      return true;
    },
    profileStop: async (message) => {
      if (!inspector) return false;
      const { profile } = await inspector.post('Profiler.stop');
      await writeFile(message.file as string, JSON.stringify(profile));
      inspector.disconnect();
      inspector = null;
      return true;
    },
    memory: () => {
      globalThis.gc?.();
      return process.memoryUsage();
    },
  },
  async () => {
    await server?.close();
  },
);
