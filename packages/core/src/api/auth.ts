import { z } from 'zod';

// Device-key enrollment, login and recovery: request bodies and answers of /auth/device/* and
// /auth/recover (passkeys: ./passkeys).

const base64url = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

export const publicKeySchema = base64url(64);
export const memberRefSchema = z.object({ id: z.uuid(), handle: z.string() });

export const registerBody = z.strictObject({ invite: base64url(64), publicKey: publicKeySchema });
export const registerResponse = z.object({
  member: memberRefSchema,
  token: z.string(),
  recoveryCodes: z.array(z.string()).length(10),
});
export const challengeBody = z.strictObject({ publicKey: publicKeySchema });
export const challengeResponse = z.object({ challenge: z.string() });
export const loginBody = z.strictObject({
  publicKey: publicKeySchema,
  challenge: base64url(128),
  signature: base64url(128),
});
export const tokenResponse = z.object({ token: z.string() });
/** Recovery names the account: a code is tried against that handle's codes only. */
export const recoverBody = z.strictObject({
  handle: z.string().trim().min(1).max(64),
  code: z.string().trim().min(1).max(40),
  publicKey: publicKeySchema.optional(),
});
export const recoverResponse = z.object({
  token: z.string(),
  member: memberRefSchema,
  recoveryCodesLeft: z.number().int(),
});

/** Registration answers (device key, passkey): the recovery codes are shown this once. */
export type Enrolled = z.infer<typeof registerResponse>;
