import { generateKeyPairSync, sign } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export interface DeviceKey {
  publicKey: string;
  sign(message: string): string;
}

/** A fresh Ed25519 device key, as a phone would make one. */
export function deviceKey(): DeviceKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    publicKey: jwk.x ?? '',
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64url'),
  };
}

export interface Registered {
  member: { id: string; handle: string };
  token: string;
  recoveryCodes: string[];
  key: DeviceKey;
  auth: { authorization: string };
}

/** Joins through the public API with an invite code and a new device key. */
export async function registerWithInvite(
  app: FastifyInstance,
  invite: string,
): Promise<Registered> {
  const key = deviceKey();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/device/register',
    payload: { invite, publicKey: key.publicKey },
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<Omit<Registered, 'key' | 'auth'>>();
  return { ...body, key, auth: { authorization: `Bearer ${body.token}` } };
}

/** Logs in with a device key through challenge and signature; returns the response. */
export async function loginWithKey(app: FastifyInstance, key: DeviceKey) {
  const challenge = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/device/challenge',
    payload: { publicKey: key.publicKey },
  });
  expect(challenge.statusCode).toBe(200);
  const { challenge: text } = challenge.json<{ challenge: string }>();
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/device/login',
    payload: { publicKey: key.publicKey, challenge: text, signature: key.sign(text) },
  });
}

/** Creates an invite as `auth` and returns its code. */
export async function inviteCode(
  app: FastifyInstance,
  auth: { authorization: string },
  body: { areaId?: string; role?: string } = {},
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/invites',
    headers: auth,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ code: string }>().code;
}
