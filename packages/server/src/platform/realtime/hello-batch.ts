import type { Principal } from '@tocsin/core';
import type { AnyStreamHandler, StreamAuthenticator } from './stream-handler';
import { StormBatcher } from './storm-batcher';

/** What a hello with a valid token starts from: the member, and each topic's start by name. */
export interface HelloStart {
  principal: Principal;
  starts: Record<string, unknown>;
}

/**
 * Coalesces concurrent hellos: after a network blip every client reconnects at once, and each
 * hello on its own costs a few statements (session, roles, each topic's start, and a touch of the
 * session). Hellos that arrive while earlier ones are with the database wait and go together, so
 * a storm of N hellos costs a few statements per batch instead of 3N round trips queued on the
 * pool; a lone hello still goes at once. One batch is in flight at a time (StormBatcher): with
 * four, a storm of 10,000 hellos arriving 200 at a time made about 9,500 transactions; with one,
 * 2,600 to 3,600, and PostgreSQL's CPU over the storm halved (the fan-out bench's connect phase,
 * 2026-12-06, docs/BENCHMARKS.md).
 */
export class HelloBatcher {
  readonly #batcher = new StormBatcher<string, HelloStart | null>((tokens) => this.#run(tokens));

  constructor(
    private readonly authenticator: StreamAuthenticator,
    private readonly handlers: readonly AnyStreamHandler[],
  ) {}

  /** The member a token belongs to and their stream start, or null for a token that fails. */
  start(token: string): Promise<HelloStart | null> {
    return this.#batcher.add(token);
  }

  async #run(tokens: string[]): Promise<(HelloStart | null)[]> {
    const principals = await this.authenticator.authenticate(tokens);
    const members = principals.flatMap((principal) => (principal ? [principal.memberId] : []));
    const prepared: [string, ReadonlyMap<string, unknown>][] = [];
    for (const handler of this.handlers) {
      if (!handler.prepare) continue;
      prepared.push([
        handler.name,
        members.length > 0 ? await handler.prepare(members) : new Map<string, unknown>(),
      ]);
    }
    return principals.map((principal) => {
      if (!principal) return null;
      const starts: Record<string, unknown> = {};
      for (const [name, byMember] of prepared) {
        if (!byMember.has(principal.memberId)) return null;
        starts[name] = byMember.get(principal.memberId);
      }
      return { principal, starts };
    });
  }
}
