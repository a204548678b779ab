/** At most this many requests share one batch (one `in (…)` list or array parameter each). */
const DEFAULT_MAX_BATCH = 500;
/**
 * While requests keep coming (a batch ended less than twice this long ago), the next batch waits
 * this long for more to join it: a storm's requests then share fewer, larger sets of statements. A
 * request that comes alone, with no batch before it for this long, goes at once.
 */
const GATHER_MS = 4;

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces requests that each cost a few database statements when they come in a storm (after
 * a network blip every phone reconnects at once: hellos, then replays). One batch runs at a time;
 * the requests that come meanwhile wait and form the next one, so a storm of N requests costs a
 * few statements per batch instead of a few per request queued on the pool. While a storm lasts,
 * a batch also waits a few milliseconds for more to join it (GATHER_MS): with one batch in flight
 * and requests trickling in behind it, batches otherwise stay small (about a dozen hellos each
 * in the storm bench), and each costs the same few round trips whatever its size.
 *
 * `run` answers a batch in order, one result per item; if it throws, every request of the batch
 * fails with its error.
 */
export class StormBatcher<T, R> {
  #waiting: Waiting<T, R>[] = [];
  #running = false;
  #scheduled = false;
  /** When the last batch ended (performance.now(); null: none yet). */
  #lastEnded: number | null = null;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = DEFAULT_MAX_BATCH,
  ) {}

  /** Queues one request; resolves with its result once its batch has run. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#running || this.#waiting.length === 0) return;
    this.#scheduled = true;
    const go = () => {
      this.#scheduled = false;
      if (this.#running || this.#waiting.length === 0) return;
      const batch = this.#waiting.splice(0, this.maxBatch);
      this.#running = true;
      void this.#runBatch(batch).finally(() => {
        this.#running = false;
        this.#lastEnded = performance.now();
        this.#schedule();
      });
    };
    const storming =
      this.#lastEnded !== null && performance.now() - this.#lastEnded < GATHER_MS * 2;
    // Alone: the requests read from the sockets in this turn of the event loop join it.
    if (!storming || this.#waiting.length >= this.maxBatch) setImmediate(go);
    else setTimeout(go, GATHER_MS);
  }

  async #runBatch(batch: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((w) => w.item));
      batch.forEach((waiting, i) => waiting.resolve(results[i]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
