import { z } from 'zod';
import { VOTE_CHOICES } from '../assemblies/votes';
import { castTokenFields } from './ballot-box';

// Secret votes on motions (issue 16, ADR 0025): the ballot box of elections serves a meeting's
// vote with `method: "secret"`. The token comes from POST /motions/:id/tokens (tokenBody, with the
// session: the roll records only that one was issued); the ballot goes to
// POST /motions/:id/secret-ballots with the token alone. The table in ./contract names the routes.

/** POST /motions/:id/secret-ballots: no session, cookie or device key; the token and the choice. */
export const secretBallotBody = z.strictObject({
  ...castTokenFields,
  choice: z.enum(VOTE_CHOICES),
});
export type SecretBallotBody = z.infer<typeof secretBallotBody>;

/**
 * GET /motions/:id/receipts: the vote's public key while it is open (tokens are blinded with it),
 * every receipt, sorted, and the choices once the vote has closed.
 */
export const motionReceiptsSchema = z.strictObject({
  closed: z.boolean(),
  /** RSA public key (SPKI, base64url); null once the vote closed. */
  publicKey: z.string().nullable(),
  ballots: z.array(
    z.strictObject({ receipt: z.string(), choice: z.enum(VOTE_CHOICES).nullable() }),
  ),
});
export type MotionReceipts = z.infer<typeof motionReceiptsSchema>;
