import { randomBytes } from 'node:crypto';
import { relyingParty } from '../../../src/membership/account/passkeys.ceremony';
import { insertPasskey } from '../../../src/membership/account/passkeys.repository';
import type { AttestationInput } from '@tocsin/core';
import {
  finishPasskeyRegistration,
  startPasskeyLogin,
  startPasskeyRegistration,
} from '../../../src/membership/account/passkeys.service';
import { SoftAuthenticator } from '../../helpers/soft-authenticator';
import { buildInvite, memberIdOf, newMember, principalOf } from '../targets';
import { everyMember, everyone, type MatrixEntry, type World } from '../types';

// app.inject() sends `Host: localhost:80`: with no public URL that is the relying party.
const PARTY = relyingParty('http://localhost:80');
const ORIGIN = PARTY.origin;

/** An add-a-passkey ceremony opened by a member, and the authenticator's answer to it. */
async function addCeremony(world: World, memberId: string) {
  const principal = { memberId, status: 'active' as const, sponsorId: null, roles: [] };
  const { ceremonyId, options } = await startPasskeyRegistration(world.ctx, PARTY, { principal });
  const authenticator = new SoftAuthenticator();
  const response = authenticator.create(options, ORIGIN) as AttestationInput;
  return { ceremonyId, response, authenticator, principal };
}

/** A passkey row for a member, enough to list or delete (never used to log in). */
async function storedPasskey(world: World, memberId: string): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await insertPasskey(world.ctx.db, {
    id,
    memberId,
    publicKey: randomBytes(77).toString('base64url'),
    counter: 0,
    transports: ['internal'],
    now: world.ctx.clock.now(),
  });
  return id;
}

/**
 * Passkey ceremonies are public routes, but adding a passkey to an account needs that account's
 * session; logging in needs only the assertion. The caller's own passkeys are theirs alone.
 */
export const entries: MatrixEntry[] = [
  {
    method: 'POST',
    url: '/api/v1/auth/passkey/register/options',
    case: 'adding a passkey: no invite',
    request: () => Promise.resolve({ url: '/api/v1/auth/passkey/register/options' }),
    expect: everyMember(200),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/passkey/register/options',
    case: 'joining with an invite',
    request: async (world) => ({
      url: '/api/v1/auth/passkey/register/options',
      payload: { invite: (await buildInvite(world)).code },
    }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/passkey/register/verify',
    case: "finishing an add ceremony: the caller's own, or anonymous another's",
    request: async (world, persona) => {
      const memberId =
        persona === 'anonymous' ? (await newMember(world)).id : world.members[persona].id;
      const { ceremonyId, response } = await addCeremony(world, memberId);
      return { url: '/api/v1/auth/passkey/register/verify', payload: { ceremonyId, response } };
    },
    expect: everyMember(201),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/passkey/login/options',
    request: () => Promise.resolve({ url: '/api/v1/auth/passkey/login/options' }),
    expect: everyone(200),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/passkey/login/verify',
    request: async (world) => {
      const owner = await newMember(world);
      const added = await addCeremony(world, owner.id);
      await finishPasskeyRegistration(world.ctx, {
        ceremonyId: added.ceremonyId,
        response: added.response,
        principal: await principalOf(world, owner),
      });
      const { ceremonyId, options } = await startPasskeyLogin(world.ctx, PARTY);
      const response = added.authenticator.get(options, ORIGIN);
      return { url: '/api/v1/auth/passkey/login/verify', payload: { ceremonyId, response } };
    },
    expect: everyone(200),
  },
  {
    method: 'GET',
    url: '/api/v1/me/passkeys',
    request: () => Promise.resolve({ url: '/api/v1/me/passkeys' }),
    expect: everyMember(200),
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/passkeys/:id',
    case: 'own passkey',
    request: async (world, persona) => ({
      url: `/api/v1/me/passkeys/${await storedPasskey(world, await memberIdOf(world, persona))}`,
    }),
    expect: everyMember(204),
  },
  {
    method: 'DELETE',
    url: '/api/v1/me/passkeys/:id',
    case: "another member's passkey",
    request: async (world) => ({
      url: `/api/v1/me/passkeys/${await storedPasskey(world, (await newMember(world)).id)}`,
    }),
    expect: everyMember(404),
  },
];
