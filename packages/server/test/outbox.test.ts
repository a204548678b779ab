import { afterEach, beforeEach, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EventName, NewDomainEvent } from '@tocsin/core';
import type {
  Bus,
  DomainEvent,
  EventFilter,
  SubscribeOptions,
  Subscription,
} from '../src/platform/bus/bus';
import { MemoryBus } from '../src/platform/bus/memory-bus';
import { transact } from '../src/platform/context';
import { createLogger } from '../src/platform/logger';
import { countUnpublished, enqueueEvents } from '../src/platform/outbox/outbox.repository';
import { samplePayloads } from './helpers/events';
import {
  createTestContext,
  describeEachDatabase,
  eventually,
  type TestContext,
} from './helpers/harness';

/** A valid event of the catalog, for tests about carrying events. */
function probe<N extends EventName>(name: N): NewDomainEvent<N> {
  return { name, payload: samplePayloads[name]() };
}

function suspendedMember(event: DomainEvent): string {
  if (event.name !== 'member.suspended') throw new Error(`unexpected ${event.name}`);
  return event.payload.memberId;
}

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
  subscribe<F extends EventFilter>(options: SubscribeOptions<F>): Promise<Subscription> {
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
    // Told apart by member id: the i-th event suspends members[i].
    const members: string[] = Array.from({ length: 5 }, () => randomUUID());
    for (let i = 0; i < 5; i++) {
      await transact(t.ctx, (tx) =>
        enqueueEvents(
          t.ctx,
          tx,
          [{ name: 'member.suspended', payload: { memberId: members[i]! } }],
          t.ctx.clock.now(),
        ),
      );
    }
    await eventually(() => expect(received).toHaveLength(5));
    expect(received.map((e) => members.indexOf(suspendedMember(e)))).toEqual([0, 1, 2, 3, 4]);
    await eventually(async () => expect(await countUnpublished(t.ctx.db)).toBe(0));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(received).toHaveLength(5);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    await expect(
      transact(t.ctx, async (tx) => {
        await enqueueEvents(t.ctx, tx, [probe('member.suspended')], t.ctx.clock.now());
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await transact(t.ctx, (tx) =>
      enqueueEvents(t.ctx, tx, [probe('member.joined')], t.ctx.clock.now()),
    );
    await eventually(() => expect(received.map((e) => e.name)).toEqual(['member.joined']));
  });

  it('retries with backoff while the bus is down, then delivers once', async () => {
    flaky.down = true;
    const [id] = await transact(t.ctx, (tx) =>
      enqueueEvents(t.ctx, tx, [probe('member.activated')], t.ctx.clock.now()),
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
      enqueueEvents(t.ctx, tx, [probe('member.updated')], t.ctx.clock.now()),
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    // The relay gave up on the hung publish and released its transaction: queries run.
    expect(await countUnpublished(t.ctx.db)).toBe(1);
    hangs = false;
    release();
    await eventually(() => expect(received.map((e) => e.name)).toEqual(['member.updated']));
  });

  it('takes only catalog events: another name does not compile', async () => {
    await expect(
      transact(t.ctx, (tx) =>
        enqueueEvents(
          t.ctx,
          tx,
          // @ts-expect-error -- not an event of the catalog
          [{ name: 'test.happened', payload: {} }],
          t.ctx.clock.now(),
        ),
      ),
    ).rejects.toThrow('event test.happened refused: unknown_name');
    expect(await countUnpublished(t.ctx.db)).toBe(0);
  });

  it('refuses an event whose payload fails its schema, logging its name only', async () => {
    const memberId = randomUUID();
    const payload = { memberId, change: 'roles', areaId: 'home', lat: 51.123456 };
    await expect(
      transact(t.ctx, async (tx) => {
        // Written first in the same unit of work: the refusal rolls it back with the rest.
        await enqueueEvents(t.ctx, tx, [probe('member.suspended')], t.ctx.clock.now());
        await enqueueEvents(
          t.ctx,
          tx,
          // @ts-expect-error -- an area id that is no uuid, and a field the event does not have
          [{ name: 'member.updated', payload }],
          t.ctx.clock.now(),
        );
      }),
    ).rejects.toThrow('event member.updated refused: invalid_payload');
    expect(await countUnpublished(t.ctx.db)).toBe(0);
    const refused = t.logs.lines.filter((line) => line.includes('event refused'));
    expect(refused).toHaveLength(1);
    expect(JSON.parse(refused[0]!)).toMatchObject({
      event: 'member.updated',
      reason: 'invalid_payload',
    });
    for (const secret of [memberId, 'home', '51.123456']) expect(t.logs.text).not.toContain(secret);
  });

  it('flush sends what is pending before shutdown', async () => {
    await t.ctx.relay.stop();
    await transact(t.ctx, (tx) =>
      enqueueEvents(
        t.ctx,
        tx,
        Array.from({ length: 450 }, () => probe('member.suspended')),
        t.ctx.clock.now(),
      ),
    );
    expect(await countUnpublished(t.ctx.db)).toBe(450);
    expect(await t.ctx.relay.flush(10_000)).toBe(true);
    await eventually(() => expect(received).toHaveLength(450));
    expect(new Set(received.map((e) => e.id)).size).toBe(450);
  });
});
