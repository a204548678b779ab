import { z } from 'zod';
import { requestIdSchema } from './organizing';

// The secret ballot box (ADR 0011, 0013, 0025) as the wire sees it, shared by elections and secret
// votes on motions: a blinded token message signed once per voter, then a cast carrying the token
// (message and finalized signature) and nothing that names the voter, answered with a receipt.

export const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'expected base64url text' });

/** POST …/tokens: the voter's blinded token message; answered blind-signed, once. */
export const tokenBody = z.strictObject({
  requestId: requestIdSchema,
  blindedMessage: base64url(2048),
});
export const ballotTokenResponse = z.strictObject({ blindSignature: z.string() });

/** The token in a cast: the only credential the box takes. */
export const castTokenFields = {
  message: base64url(2048),
  signature: base64url(2048),
};

export const castResponse = z.strictObject({
  /** The ballot's hash; it appears in the published list. */
  receipt: z.string(),
  /** The only time kept with the ballot. */
  day: z.string(),
});
export type CastResponse = z.infer<typeof castResponse>;
