import { z } from 'zod';
import { registerResponse } from '../auth';

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

// Credential ids are at most 1023 bytes (WebAuthn L3 §5.1): 1364 base64url characters.
const credentialId = base64url(1364);
const ceremonyId = base64url(64);
const invite = base64url(64);

// The top level of a PublicKeyCredential's toJSON(); what is inside the buffers is checked by
// @simplewebauthn/server, which answers our own error for anything it cannot use.
const credentialFields = {
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).nullable().optional(),
  clientExtensionResults: z.record(z.string().max(64), z.unknown()).default({}),
};

export const attestationSchema = z.strictObject({
  ...credentialFields,
  response: z.strictObject({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(32_768),
    authenticatorData: base64url(32_768).optional(),
    transports: z
      .array(
        z
          .string()
          .max(32)
          .regex(/^[a-z-]+$/, 'a transport name like internal or hybrid'),
      )
      .max(8)
      .optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(4096).optional(),
  }),
});
export type AttestationInput = z.infer<typeof attestationSchema>;

export const assertionSchema = z.strictObject({
  ...credentialFields,
  response: z.strictObject({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(1024),
    userHandle: base64url(128).nullable().optional(),
    attestationObject: base64url(32_768).optional(),
  }),
});
export type AssertionInput = z.infer<typeof assertionSchema>;

// Both may come with no body at all (a signed-in member adding a passkey; any login).
export const registerOptionsBody = z.strictObject({ invite: invite.optional() }).nullish();
export const registerVerifyBody = z.strictObject({
  ceremonyId,
  invite: invite.optional(),
  response: attestationSchema,
});
export const loginOptionsBody = z.strictObject({}).nullish();
export const loginVerifyBody = z.strictObject({ ceremonyId, response: assertionSchema });

// What navigator.credentials.create()/get() take, as JSON (WebAuthn L3 *OptionsJSON). The
// response serializer keeps only these fields.
const descriptor = z.object({
  id: z.string(),
  type: z.string(),
  transports: z.array(z.string()).optional(),
});
const creationOptions = z.object({
  challenge: z.string(),
  rp: z.object({ id: z.string().optional(), name: z.string() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.string() })),
  timeout: z.number().optional(),
  attestation: z.string().optional(),
  excludeCredentials: z.array(descriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.string().optional(),
      residentKey: z.string().optional(),
      requireResidentKey: z.boolean().optional(),
      userVerification: z.string().optional(),
    })
    .optional(),
  hints: z.array(z.string()).optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
});
const requestOptions = z.object({
  challenge: z.string(),
  rpId: z.string().optional(),
  timeout: z.number().optional(),
  allowCredentials: z.array(descriptor).optional(),
  userVerification: z.string().optional(),
  hints: z.array(z.string()).optional(),
});

export const registerOptionsResponse = z.object({
  ceremonyId: z.string(),
  options: creationOptions,
});
export const loginOptionsResponse = z.object({ ceremonyId: z.string(), options: requestOptions });
export const registerVerifyResponse = z.union([
  registerResponse,
  z.object({ credentialId: z.string() }),
]);
export const passkeySchema = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const passkeyParams = z.strictObject({ id: credentialId });
