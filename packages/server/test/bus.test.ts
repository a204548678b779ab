import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bus } from '../src/platform/bus/bus';
import { dedupeHandler, typeMatches } from '../src/platform/bus/bus';
import { MemoryBus } from '../src/platform/bus/memory-bus';
import { NatsBus } from '../src/platform/bus/nats-bus';
import { createLogger, type Logger } from '../src/platform/logger';
import { envelope } from './helpers/events';
import { eventually, LogCapture, TEST_NATS_URL } from './helpers/harness';

const logger = createLogger('silent');

const event = envelope;

interface BusKind {
  name: string;
  available: boolean;
  /** Several handles on the same bus (nodes); memory shares one instance. */
  open: (count: number, log?: Logger) => Promise<Bus[]>;
  cleanup: () => Promise<void>;
}

const natsStreams: string[] = [];

const kinds: BusKind[] = [
  {
    name: 'memory',
    available: true,
    open: (count, log = logger) => {
      const bus = new MemoryBus(log, 5);
      return Promise.resolve(Array.from({ length: count }, () => bus));
    },
    cleanup: () => Promise.resolve(),
  },
  {
    name: 'nats',
    available: Boolean(TEST_NATS_URL),
    open: async (count, log = logger) => {
      const stream = `TEST_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      natsStreams.push(stream);
      const buses: Bus[] = [];
      for (let i = 0; i < count; i++) {
        buses.push(await NatsBus.connect({ url: TEST_NATS_URL ?? '', stream, logger: log }));
      }
      return buses;
    },
    cleanup: async () => {
      const nc = await connect({ servers: TEST_NATS_URL ?? '' });
      const jsm = await jetstreamManager(nc);
      for (const stream of natsStreams.splice(0))
        await jsm.streams.delete(stream).catch(() => false);
      await nc.close();
    },
  },
];

for (const kind of kinds) {
  const suite = kind.available ? describe : describe.skip;
  const title = kind.available
    ? `bus contract [${kind.name}]`
    : `bus contract [${kind.name}] (skipped: TEST_NATS_URL is not set)`;

  suite(title, () => {
    let open: Bus[] = [];
    const openBuses = async (count: number, log?: Logger) => {
      open = await kind.open(count, log);
      return open;
    };
    afterEach(async () => {
      for (const bus of new Set(open)) await bus.close();
      await kind.cleanup();
    });

    it('delivers every event to each durable consumer exactly once', async () => {
      const [a, b] = await openBuses(2);
      const gotA: string[] = [];
      const gotB: string[] = [];
      await a!.subscribe({ consumer: 'node-a', handler: async (e) => void gotA.push(e.id) });
      await b!.subscribe({ consumer: 'node-b', handler: async (e) => void gotB.push(e.id) });
      const events = [event('member.suspended'), event('member.suspended'), event('member.joined')];
      for (const e of events) await a!.publish(e);
      await a!.publish(events[0]!); // a relay retry: same id
      await eventually(() => {
        expect(gotA).toEqual(events.map((e) => e.id));
        expect(gotB).toEqual(events.map((e) => e.id));
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(gotA).toHaveLength(3);
      expect(gotB).toHaveLength(3);
    });

    it('shares the work between subscribers with the same consumer name', async () => {
      const [a, b] = await openBuses(2);
      const got: string[] = [];
      await a!.subscribe({ consumer: 'workers', handler: async (e) => void got.push(e.id) });
      await b!.subscribe({ consumer: 'workers', handler: async (e) => void got.push(e.id) });
      const events = Array.from({ length: 20 }, () => event('member.updated'));
      for (const e of events) await a!.publish(e);
      await eventually(() => expect(new Set(got)).toEqual(new Set(events.map((e) => e.id))));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(got).toHaveLength(20);
    });

    it('keeps events for a durable consumer while it is away', async () => {
      const [bus] = await openBuses(1);
      const got: string[] = [];
      const sub = await bus!.subscribe({
        consumer: 'away',
        handler: async (e) => void got.push(e.id),
      });
      const first = event('member.suspended');
      await bus!.publish(first);
      await eventually(() => expect(got).toEqual([first.id]));
      await sub.close();
      const missed = event('member.suspended');
      await bus!.publish(missed);
      await bus!.subscribe({ consumer: 'away', handler: async (e) => void got.push(e.id) });
      await eventually(() => expect(got).toEqual([first.id, missed.id]));
    });

    it('redelivers an event whose handler failed', async () => {
      const [bus] = await openBuses(1);
      let calls = 0;
      const done: string[] = [];
      await bus!.subscribe({
        consumer: 'flaky',
        handler: async (e) => {
          calls += 1;
          if (calls < 3) throw new Error('not yet');
          done.push(e.id);
        },
      });
      const e = event('member.suspended');
      await bus!.publish(e);
      await eventually(() => expect(done).toEqual([e.id]), 10_000);
      expect(calls).toBe(3);
    });

    it('starts the next event while an earlier one settles, and acknowledges it once settled', async () => {
      const [bus] = await openBuses(1);
      const started: string[] = [];
      const settle = new Map<string, () => void>();
      const settled: string[] = [];
      await bus!.subscribe({
        consumer: 'settling',
        handler: async (e) => {
          started.push(e.id);
          const done = new Promise<void>((resolve) => settle.set(e.id, resolve));
          return { settled: done.then(() => void settled.push(e.id)) };
        },
      });
      const first = event('member.suspended');
      const second = event('member.suspended');
      await bus!.publish(first);
      await bus!.publish(second);
      // The second starts although the first has not settled.
      await eventually(() => expect(started).toEqual([first.id, second.id]));
      expect(settled).toEqual([]);
      settle.get(second.id)!();
      settle.get(first.id)!();
      await eventually(() => expect(new Set(settled)).toEqual(new Set([first.id, second.id])));
      // Settled means acknowledged: neither comes again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(started).toEqual([first.id, second.id]);
    });

    it('an event that fails to settle is redelivered (JetStream) or logged as dropped (memory)', async () => {
      const logs = new LogCapture();
      const [bus] = await openBuses(1, createLogger('debug', logs.stream));
      const calls: string[] = [];
      await bus!.subscribe({
        consumer: 'settles-badly',
        handler: async (e) => {
          calls.push(e.id);
          if (calls.length === 1) return { settled: Promise.reject(new Error('log not written')) };
          return { settled: Promise.resolve() };
        },
      });
      const e = event('member.suspended');
      await bus!.publish(e);
      if (kind.name === 'nats') {
        // The dedupe window forgets it, so the redelivery runs the handler again.
        await eventually(() => expect(calls).toEqual([e.id, e.id]), 10_000);
      } else {
        await eventually(() => expect(logs.text).toContain('event dropped'));
        expect(calls).toEqual([e.id]);
      }
    });

    it('filters by event type', async () => {
      const [bus] = await openBuses(1);
      const got: string[] = [];
      await bus!.subscribe({
        consumer: 'alerts-only',
        types: ['alert.>'],
        handler: async (e) => void got.push(e.name),
      });
      await bus!.publish(event('dispatch.offered'));
      await bus!.publish(event('member.suspended'));
      // A fresh event each try: on NATS the closed subscriber's last pull may still take one.
      await eventually(async () => {
        await bus!.publish(event('alert.issued'));
        expect(got).toContain('alert.issued');
      }, 10_000);
      expect(new Set(got)).toEqual(new Set(['alert.issued']));
    });

    it('types a handler by the names it subscribes to', async () => {
      const [bus] = await openBuses(1);
      const got: string[] = [];
      await bus!.subscribe({
        consumer: 'typed',
        types: ['member.suspended', 'alert.issued'],
        handler: async (e) => {
          if (e.name === 'alert.issued') got.push(e.payload.alertId);
          else got.push(e.payload.memberId);
          // @ts-expect-error -- a member.suspended payload has no alert id, and the handler knows
          void e.payload.alertId;
        },
      });
      const suspended = event('member.suspended');
      const alert = event('alert.issued');
      await bus!.publish(suspended);
      await bus!.publish(alert);
      await eventually(() =>
        expect(got).toEqual([suspended.payload.memberId, alert.payload.alertId]),
      );
    });

    it('refuses an event that fails its schema, logging its name and never its payload', async () => {
      const logs = new LogCapture();
      const [bus] = await openBuses(1, createLogger('debug', logs.stream));
      const got: string[] = [];
      await bus!.subscribe({ consumer: 'strict', handler: async (e) => void got.push(e.id) });
      const bad = event('alert.issued');
      bad.payload.incident.location = { lat: 51.123456, lng: -0.987654 };
      // What a faulty or foreign producer could put on the wire: a sequence that is no number.
      Object.assign(bad.payload, { seq: 'first' });
      const good = event('alert.issued');
      await bus!.publish(bad);
      await bus!.publish(good);
      await eventually(() => expect(got).toEqual([good.id]));
      await eventually(() => expect(logs.text).toContain('event refused'));
      const refused = logs.lines.filter((line) => line.includes('event refused'));
      expect(refused).toHaveLength(1);
      expect(JSON.parse(refused[0]!)).toMatchObject({
        event: 'alert.issued',
        reason: 'invalid_payload',
      });
      for (const secret of ['51.123456', '0.987654', bad.payload.alertId, bad.payload.incident.id])
        expect(logs.text).not.toContain(secret);
    });

    it('a durable consumer follows the names its latest subscriber asks for', async () => {
      const [bus] = await openBuses(1);
      const got: string[] = [];
      const first = await bus!.subscribe({
        consumer: 'moving',
        types: ['member.suspended'],
        handler: async (e) => void got.push(e.name),
      });
      await first.close();
      await bus!.subscribe({
        consumer: 'moving',
        types: ['alert.issued'],
        handler: async (e) => void got.push(e.name),
      });
      await bus!.publish(event('member.suspended'));
      // A fresh event each try: on NATS the closed subscriber's last pull may still take one.
      await eventually(async () => {
        await bus!.publish(event('alert.issued'));
        expect(got).toContain('alert.issued');
      }, 10_000);
      expect(new Set(got)).toEqual(new Set(['alert.issued']));
    });

    it('answers ping while up and fails it once closed', async () => {
      const [bus] = await openBuses(1);
      await expect(bus!.ping()).resolves.toBeUndefined();
      await bus!.close();
      await expect(bus!.ping()).rejects.toThrow();
    });
  });
}

describe('typeMatches', () => {
  it('matches exact types, one-level and deep wildcards', () => {
    expect(typeMatches('a.b', undefined)).toBe(true);
    expect(typeMatches('a.b', ['a.b'])).toBe(true);
    expect(typeMatches('a.b', ['a.*'])).toBe(true);
    expect(typeMatches('a.b.c', ['a.*'])).toBe(false);
    expect(typeMatches('a.b.c', ['a.>'])).toBe(true);
    expect(typeMatches('ab.c', ['a.>'])).toBe(false);
  });
});

describe('dedupeHandler', () => {
  it('a copy that comes while the first still settles waits for it, and the handler runs once', async () => {
    let calls = 0;
    let finish = () => {};
    const handle = dedupeHandler<{ id: string }>(async () => {
      calls += 1;
      return { settled: new Promise<void>((resolve) => (finish = resolve)) };
    });
    const first = await handle({ id: 'e1' });
    const copy = await handle({ id: 'e1' });
    expect(calls).toBe(1);
    let copySettled = false;
    void copy?.settled.then(() => (copySettled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Not acknowledged before the first settles.
    expect(copySettled).toBe(false);
    finish();
    await first?.settled;
    await copy?.settled;
    expect(copySettled).toBe(true);
    // Settled: a later copy is skipped outright.
    expect(await handle({ id: 'e1' })).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('an event that failed to settle runs again when it comes again', async () => {
    let calls = 0;
    const handle = dedupeHandler<{ id: string }>(async () => {
      calls += 1;
      return {
        settled: calls === 1 ? Promise.reject(new Error('log not written')) : Promise.resolve(),
      };
    });
    await expect((await handle({ id: 'e2' }))?.settled).rejects.toThrow('log not written');
    await (
      await handle({ id: 'e2' })
    )?.settled;
    expect(calls).toBe(2);
  });
});
