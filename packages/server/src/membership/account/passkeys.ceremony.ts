import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ValidationError, type AppContext } from '../../platform';
import { keyedHash, randomToken } from '../auth';
import { deleteExpiredChallenges, insertChallenge } from './device-auth.repository';
import { CHALLENGE_TTL_MS } from './device-auth.service';
import { consumeCeremony, type CeremonyPurpose } from './passkeys.repository';

/** Where a WebAuthn ceremony runs: the RP ID the credential is scoped to and the page origin. */
export interface RelyingParty {
  rpID: string;
  origin: string;
}

/**
 * The relying party for a base URL: the configured public URL when there is one, otherwise the
 * origin the request came to (see `baseUrlOf`). The RP ID is its host name without the port, so
 * `http://localhost:8080` gives RP ID `localhost` and origin `http://localhost:8080`.
 */
export function relyingParty(baseUrl: string): RelyingParty {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ValidationError('host: not a usable host name', [
      { path: 'host', message: 'not a usable host name' },
    ]);
  }
  return { rpID: url.hostname, origin: url.origin };
}

const ceremonyPayload = z.object({
  rpID: z.string(),
  origin: z.string(),
  /** A joining ceremony: the invite it was opened with (hashed) and the handle picked for it. */
  join: z.object({ inviteHash: z.string(), handle: z.string() }).optional(),
});
export type CeremonyPayload = z.infer<typeof ceremonyPayload>;

export interface OpenedCeremony {
  ceremonyId: string;
  /** The raw challenge; WebAuthn options carry it as base64url. */
  challenge: Uint8Array<ArrayBuffer>;
}

export interface Ceremony {
  memberId: string | null;
  payload: CeremonyPayload;
  /** Whether a challenge (base64url, from clientDataJSON) is the one this ceremony issued. */
  issued(challenge: string): boolean;
}

function challengeHash(ctx: AppContext, challenge: string): string {
  return keyedHash(ctx.secrets.serverKey, 'challenge', challenge);
}

/**
 * Starts a ceremony: a random id and challenge, stored only as a keyed hash of the challenge,
 * good for one attempt within two minutes.
 */
export async function openCeremony(
  ctx: AppContext,
  purpose: CeremonyPurpose,
  payload: CeremonyPayload,
  memberId: string | null = null,
): Promise<OpenedCeremony> {
  const now = ctx.clock.now();
  const challenge = new Uint8Array(randomBytes(32));
  const ceremonyId = randomToken(16);
  await deleteExpiredChallenges(ctx.db, now);
  await insertChallenge(ctx.db, {
    hash: challengeHash(ctx, Buffer.from(challenge).toString('base64url')),
    purpose,
    subject: ceremonyId,
    memberId,
    payload,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
  });
  return { ceremonyId, challenge };
}

/**
 * Ends a ceremony: it is used up at once, outside any later transaction, so a failed or
 * replayed attempt can never be tried again. Null when it is unknown, used or expired.
 */
export async function closeCeremony(
  ctx: AppContext,
  purpose: CeremonyPurpose,
  ceremonyId: string,
): Promise<Ceremony | null> {
  const row = await consumeCeremony(ctx.db, { ceremonyId, purpose, now: ctx.clock.now() });
  if (!row) return null;
  const payload = ceremonyPayload.safeParse(row.payload);
  if (!payload.success) return null;
  const expected = Buffer.from(row.challenge_hash);
  return {
    memberId: row.member_id,
    payload: payload.data,
    issued: (challenge) => {
      const actual = Buffer.from(challengeHash(ctx, challenge));
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
