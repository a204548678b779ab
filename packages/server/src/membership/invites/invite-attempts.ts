import type { FastifyRequest } from 'fastify';
import { RateLimitedError, addressKey, sharedLimiter, type AppContext } from '../../platform';
import { countAuthFailure } from '../auth';
import { InviteGoneError, InviteInvalidError } from './invites.service';

/** Refused invite codes per client address: 20 a minute, then 429. */
export const INVITE_FAILURE_QUOTA = { limit: 20, windowMs: 60_000 } as const;

/**
 * Runs an attempt to use an invite. Only refusals are limited: a valid invite is never refused
 * for its client address (a whole meeting joins through one hall's network), while an address
 * that sent 20 refused codes in a minute gets 429 for the next until the minute has passed.
 * Each refusal is counted (a number per day).
 */
export async function limitInviteFailures<T>(
  ctx: AppContext,
  request: FastifyRequest,
  attempt: () => Promise<T>,
): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof InviteInvalidError || error instanceof InviteGoneError)) throw error;
    const limiter = sharedLimiter(ctx, 'invite-failures', INVITE_FAILURE_QUOTA);
    const key = addressKey(request);
    const wait = limiter.waitSeconds(key);
    if (wait !== null) {
      throw new RateLimitedError(
        'invite_attempts',
        `Too many unusable invite codes; retry in ${wait} s`,
        wait,
      );
    }
    limiter.fail(key);
    await countAuthFailure(ctx.db, 'invite_refused', ctx.clock.now());
    throw error;
  }
}
