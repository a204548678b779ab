import type { Principal } from '@tocsin/core';
import { ValidationError, transact, type AppContext, type PushTransport } from '../../platform';
import {
  deleteSubscription,
  trimSubscriptions,
  upsertSubscription,
  type PushSubscriptionRow,
} from './push.repository';

/** Browsers a member can be pushed on at once; a new one beyond that replaces the oldest. */
export const MAX_SUBSCRIPTIONS_PER_MEMBER = 10;

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(`${path}: ${message}`, [{ path, message }]);
}

/** Whether base64url text decodes to `bytes` bytes (and, for a P-256 point, is uncompressed). */
function decodesTo(value: string, bytes: number): boolean {
  const raw = Buffer.from(value, 'base64url');
  return raw.length === bytes && (bytes !== 65 || raw[0] === 4);
}

/** Saves the caller's browser subscription; only endpoints at the browsers' push services. */
export async function subscribe(
  ctx: AppContext,
  transport: PushTransport,
  principal: Principal,
  input: { endpoint: string; keys: { p256dh: string; auth: string } },
): Promise<PushSubscriptionRow> {
  if (!transport.allows(new URL(input.endpoint))) {
    throw invalid('endpoint', 'not a push service this server sends to');
  }
  if (!decodesTo(input.keys.p256dh, 65)) throw invalid('keys.p256dh', 'not a P-256 public key');
  if (!decodesTo(input.keys.auth, 16)) throw invalid('keys.auth', 'not a 16-byte secret');
  return transact(ctx, async (tx) => {
    const row = await upsertSubscription(
      tx,
      principal.memberId,
      { endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth },
      ctx.clock.now(),
    );
    await trimSubscriptions(tx, principal.memberId, MAX_SUBSCRIPTIONS_PER_MEMBER);
    return row;
  });
}

/** Forgets one of the caller's subscriptions; someone else's endpoint is left alone. */
export async function unsubscribe(
  ctx: AppContext,
  principal: Principal,
  endpoint: string,
): Promise<void> {
  await deleteSubscription(ctx.db, principal.memberId, endpoint);
}
