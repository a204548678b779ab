import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Bus, DomainEvent, SubscribeOptions, Subscription } from '../src/platform/bus/bus';
import { MemoryBus } from '../src/platform/bus/memory-bus';
import { transact } from '../src/platform/context';
import { createLogger } from '../src/platform/logger';
import { countUnpublished, enqueueEvents } from '../src/platform/outbox/outbox.repository';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  type TestContext,
} from './helpers/harness';

/** A bus that refuses to publish until told to recover. */
class FlakyBus implements Bus {
  readonly kind = 'memory' as const;
  down = true;
  attempts = 0;
  constructor(private readonly inner: Bus) {}
  publish(event: DomainEvent): Promise<void> {
    this.attempts += 1;
    return this.down ? Promise.reject(new Error('bus down')) : this.inner.publish(event);
  }
  subscribe(options: SubscribeOptions): Promise<Subscription> {
    return this.inner.subscribe(options);
  }
  ping(): Promise<void> {
    return this.down ? Promise.reject(new Error('bus down')) : Promise.resolve();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

describeEachDatabase('outbox relay', (kind) => {
  let t: TestContext;
  let received: DomainEvent[];
  let flaky: FlakyBus;

  beforeEach(async () => {
    flaky = new FlakyBus(new MemoryBus(createLogger('silent')));
    flaky.down = false;
    t = await createTestContext({ kind, bus: flaky });
    received = [];
    await t.ctx.bus.subscribe({
      consumer: 'test',
      handler: (event) => {
        received.push(event);
        return Promise.resolve();
      },
    });
    t.ctx.relay.start();
  });
  afterEach(() => t.close());

  it('publishes committed events once, in commit order, and marks them sent', async () => {
    for (let i = 0; i < 5; i++) {
      await transact(t.ctx, (tx) =>
        enqueueEvents(tx, [{ type: 'test.happened', payload: { i } }], t.ctx.clock.now()),
      );
    }
    await eventually(() => expect(received).toHaveLength(5));
    expect(received.map((e) => (e.payload as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
    await eventually(async () => expect(await countUnpublished(t.ctx.db)).toBe(0));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(received).toHaveLength(5);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    await expect(
      transact(t.ctx, async (tx) => {
        await enqueueEvents(tx, [{ type: 'test.never', payload: {} }], t.ctx.clock.now());
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await transact(t.ctx, (tx) =>
      enqueueEvents(tx, [{ type: 'test.after', payload: {} }], t.ctx.clock.now()),
    );
    await eventually(() => expect(received.map((e) => e.type)).toEqual(['test.after']));
  });

  it('retries with backoff while the bus is down, then delivers once', async () => {
    flaky.down = true;
    const [id] = await transact(t.ctx, (tx) =>
      enqueueEvents(tx, [{ type: 'test.retry', payload: { ok: true } }], t.ctx.clock.now()),
    );
    await eventually(() => expect(flaky.attempts).toBeGreaterThanOrEqual(3));
    expect(received).toHaveLength(0);
    expect(await countUnpublished(t.ctx.db)).toBe(1);
    const row = await t.ctx.db
      .selectFrom('outbox')
      .select('attempts')
      .where('id', '=', id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    flaky.down = false;
    await eventually(() => expect(received).toHaveLength(1));
    expect(received[0]?.id).toBe(id);
    await eventually(async () => expect(await countUnpublished(t.ctx.db)).toBe(0));
  });

  it('a publish that hangs times out, so the database is not held and the event goes out later', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hanging = flaky.publish.bind(flaky);
    let hangs = true;
    flaky.publish = (event) =>
      hangs ? released.then(() => Promise.reject(new Error('late'))) : hanging(event);
    await transact(t.ctx, (tx) =>
      enqueueEvents(tx, [{ type: 'test.hang', payload: {} }], t.ctx.clock.now()),
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    // The relay gave up on the hung publish and released its transaction: queries run.
    expect(await countUnpublished(t.ctx.db)).toBe(1);
    hangs = false;
    release();
    await eventually(() => expect(received.map((e) => e.type)).toEqual(['test.hang']));
  });

  it('flush sends what is pending before shutdown', async () => {
    await t.ctx.relay.stop();
    await transact(t.ctx, (tx) =>
      enqueueEvents(
        tx,
        Array.from({ length: 450 }, (_, i) => ({ type: 'test.bulk', payload: { i } })),
        t.ctx.clock.now(),
      ),
    );
    expect(await countUnpublished(t.ctx.db)).toBe(450);
    expect(await t.ctx.relay.flush(10_000)).toBe(true);
    await eventually(() => expect(received).toHaveLength(450));
    expect(new Set(received.map((e) => e.id)).size).toBe(450);
  });
});
