import type { Principal } from '@tocsin/core';
import type { AnyStreamHandler, StreamAuthenticator } from './stream-handler';

/** At most this many hellos share one set of statements (one `in (…)` list each). */
const MAX_BATCH = 500;
/**
 * Batches in flight at once: the hellos that arrive meanwhile wait and go together. One: with
 * four, a storm of 10,000 hellos arriving 200 at a time made about 9,500 transactions (batches
 * of a few hellos each); with one, about 2,600 to 3,600, and PostgreSQL's CPU over the storm
 * halved (1.5 s against 3.0 to 3.4 s), with the time to connect them all unchanged within the
 * noise (the fan-out bench's connect phase alone, 2026-12-06, docs/BENCHMARKS.md). A lone hello
 * still goes at once.
 */
const MAX_IN_FLIGHT = 1;

/** What a hello with a valid token starts from: the member, and each topic's start by name. */
export interface HelloStart {
  principal: Principal;
  starts: Record<string, unknown>;
}

interface Waiting {
  token: string;
  resolve: (start: HelloStart | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent hellos: after a network blip every client reconnects at once, and each
 * hello on its own costs a few statements (session, roles, each topic's start, and a touch of the
 * session). Hellos that arrive while earlier ones are with the database wait and go together, so
 * a storm of N hellos costs a few statements per batch instead of 3N round trips queued on the
 * pool; a lone hello still goes at once.
 */
export class HelloBatcher {
  #waiting: Waiting[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(
    private readonly authenticator: StreamAuthenticator,
    private readonly handlers: readonly AnyStreamHandler[],
  ) {}

  /** The member a token belongs to and their stream start, or null for a token that fails. */
  start(token: string): Promise<HelloStart | null> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ token, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= MAX_IN_FLIGHT || this.#waiting.length === 0) return;
    this.#scheduled = true;
    // The hellos read from the sockets in the same turn of the event loop join this batch.
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#waiting.length > 0 && this.#inFlight < MAX_IN_FLIGHT) {
        const batch = this.#waiting.splice(0, MAX_BATCH);
        this.#inFlight++;
        void this.#run(batch).finally(() => {
          this.#inFlight--;
          this.#schedule();
        });
      }
    });
  }

  async #run(batch: Waiting[]): Promise<void> {
    try {
      const principals = await this.authenticator.authenticate(batch.map((w) => w.token));
      const members = principals.flatMap((principal) => (principal ? [principal.memberId] : []));
      const prepared: [string, ReadonlyMap<string, unknown>][] = [];
      for (const handler of this.handlers) {
        if (!handler.prepare) continue;
        prepared.push([
          handler.name,
          members.length > 0 ? await handler.prepare(members) : new Map<string, unknown>(),
        ]);
      }
      batch.forEach((waiting, i) => {
        const principal = principals[i];
        if (!principal) return waiting.resolve(null);
        const starts: Record<string, unknown> = {};
        for (const [name, byMember] of prepared) {
          if (!byMember.has(principal.memberId)) return waiting.resolve(null);
          starts[name] = byMember.get(principal.memberId);
        }
        waiting.resolve({ principal, starts });
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
