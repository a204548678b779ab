import { describe, expect, it, vi } from 'vitest';
import { StormBatcher } from './storm-batcher';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('StormBatcher', () => {
  it('runs a lone request at once and answers each request of a batch with its own result', async () => {
    const batches: number[][] = [];
    const batcher = new StormBatcher<number, string>(async (items) => {
      batches.push(items);
      return items.map((n) => `#${n}`);
    });
    expect(await batcher.add(1)).toBe('#1');
    // Requests made in one turn share the next batch.
    expect(await Promise.all([batcher.add(2), batcher.add(3), batcher.add(4)])).toEqual([
      '#2',
      '#3',
      '#4',
    ]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('runs one batch at a time; requests made meanwhile go together, at most maxBatch each', async () => {
    let release = () => {};
    let running = 0;
    let most = 0;
    const batches: number[][] = [];
    const batcher = new StormBatcher<number, number>(async (items) => {
      running++;
      most = Math.max(most, running);
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      running--;
      return items;
    }, 3);
    const first = batcher.add(0);
    await tick();
    const rest = [1, 2, 3, 4, 5].map((n) => batcher.add(n));
    await tick();
    expect(batches).toHaveLength(1);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(1);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('fails every request of a batch whose run throws, and goes on with the next', async () => {
    let fail = true;
    const batcher = new StormBatcher<number, number>(async (items) => {
      if (fail) throw new Error('database unavailable');
      return items;
    });
    const failed = await Promise.allSettled([batcher.add(1), batcher.add(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.add(3)).toBe(3);
  });

  it('while requests keep coming, gathers them for a few milliseconds; alone, goes at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
    try {
      const batches: number[][] = [];
      const batcher = new StormBatcher<number, number>(async (items) => {
        batches.push(items);
        return items;
      });
      const answered: Promise<number>[] = [batcher.add(0)];
      await vi.advanceTimersByTimeAsync(0);
      expect(batches).toEqual([[0]]);
      // Right after a batch: the next waits for more to join it.
      answered.push(batcher.add(1));
      await vi.advanceTimersByTimeAsync(1);
      answered.push(batcher.add(2));
      await vi.advanceTimersByTimeAsync(1);
      expect(batches).toEqual([[0]]);
      await vi.advanceTimersByTimeAsync(5);
      expect(batches).toEqual([[0], [1, 2]]);
      // Long after the last batch, a request goes at once again.
      await vi.advanceTimersByTimeAsync(1_000);
      answered.push(batcher.add(3));
      await vi.advanceTimersByTimeAsync(0);
      expect(batches).toEqual([[0], [1, 2], [3]]);
      expect(await Promise.all(answered)).toEqual([0, 1, 2, 3]);
    } finally {
      vi.useRealTimers();
    }
  });
});
