import type { Principal } from '@tocsin/core';
import type { AppContext } from '../context';
import { authenticateTokens } from '../../membership/auth/sessions.service';
import { type StreamStart, streamStarts } from './stream.repository';

/** At most this many hellos share one set of statements (one `in (…)` list each). */
const MAX_BATCH = 500;
/** Batches in flight at once: the rest wait and grow, a few pool connections stay free. */
const MAX_IN_FLIGHT = 4;

/** What a hello with a valid token starts from. */
export interface HelloStart extends StreamStart {
  principal: Principal;
}

interface Waiting {
  token: string;
  resolve: (start: HelloStart | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent hellos: after a network blip every client reconnects at once, and each
 * hello on its own costs three or four statements (session, roles, preferences and shift, and a
 * touch of the session). Hellos that arrive while earlier ones are with the database wait and go
 * together, so a storm of N hellos costs a few statements per batch instead of 3N round trips
 * queued on the pool; a lone hello still goes at once.
 */
export class HelloBatcher {
  #waiting: Waiting[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(private readonly ctx: AppContext) {}

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
      const auths = await authenticateTokens(
        this.ctx,
        batch.map((w) => w.token),
      );
      const members = auths.flatMap((auth) => (auth ? [auth.principal.memberId] : []));
      const starts =
        members.length > 0
          ? await streamStarts(this.ctx.db, members)
          : new Map<string, StreamStart>();
      batch.forEach((waiting, i) => {
        const principal = auths[i]?.principal;
        const start = principal && starts.get(principal.memberId);
        waiting.resolve(principal && start ? { ...start, principal } : null);
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
