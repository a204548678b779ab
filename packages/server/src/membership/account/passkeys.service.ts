import type * as WebAuthn from '@simplewebauthn/server';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
  WebAuthnCredential,
} from '@simplewebauthn/server';
import type { AssertionInput, AttestationInput, Principal } from '@tocsin/core';
import {
  AppError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
  transact,
  type AppContext,
  type Executor,
} from '../../platform';
import { InviteInvalidError, inviteCodeHash, requireUsableInvite } from '../invites';
import { findMember } from '../members';
import { CHALLENGE_TTL_MS, LoginFailedError } from './device-auth.service';
import {
  credentialConflict,
  enrollWithInvite,
  uniqueHandle,
  type Enrolled,
} from './enrollment.service';
import { closeCeremony, openCeremony, type Ceremony, type RelyingParty } from './passkeys.ceremony';
import {
  deletePasskey,
  findPasskey,
  insertPasskey,
  listPasskeys,
  passkeyExists,
  recordPasskeyUse,
} from './passkeys.repository';
import { openSession } from '../auth';

/** The WebAuthn library, loaded on first use: importing it costs ~0.4 s of every start. */
let library: Promise<typeof WebAuthn> | null = null;
const webauthn = () => (library ??= import('@simplewebauthn/server'));

// EdDSA, ES256, RS256: what platform authenticators and security keys make today.
const ALGORITHMS = [-8, -7, -257];
// Shown by some authenticators next to the handle; it names the app, never the person.
const RP_NAME = 'Tocsin';

/** One answer for every registration that cannot be verified, whatever the reason. */
export class PasskeyRejectedError extends AppError {
  constructor() {
    super(400, 'passkey_rejected', 'The passkey could not be verified');
  }
}

/**
 * Options for navigator.credentials.create(). With an invite it is someone joining (the invite
 * is checked, not taken); without one it is a member adding a passkey to their account. The
 * WebAuthn user name and display name are the member's random handle and nothing else.
 */
export async function startPasskeyRegistration(
  ctx: AppContext,
  party: RelyingParty,
  input: { invite?: string | undefined; principal: Principal | null },
): Promise<{ ceremonyId: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  let handle: string;
  let memberId: string | null = null;
  let join: { inviteHash: string; handle: string } | undefined;
  let existing: { id: string; transports: string[] }[] = [];
  if (input.invite !== undefined) {
    await requireUsableInvite(ctx, input.invite);
    handle = await uniqueHandle(ctx.db);
    join = { inviteHash: inviteCodeHash(ctx, input.invite), handle };
  } else {
    if (!input.principal) throw new UnauthorizedError();
    const member = await findMember(ctx.db, input.principal.memberId);
    if (!member) throw new UnauthorizedError();
    handle = member.handle;
    memberId = member.id;
    existing = await listPasskeys(ctx.db, member.id);
  }
  const { ceremonyId, challenge } = await openCeremony(
    ctx,
    'passkey_register',
    { ...party, ...(join ? { join } : {}) },
    memberId,
  );
  const options = await (
    await webauthn()
  ).generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: party.rpID,
    userName: handle,
    userDisplayName: handle,
    challenge,
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    // The authenticator keeps its own copy, so login needs no user name.
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    supportedAlgorithmIDs: ALGORITHMS,
  });
  return { ceremonyId, options };
}

function registrationJSON(response: AttestationInput): RegistrationResponseJSON {
  const { authenticatorAttachment, ...rest } = response;
  return {
    ...rest,
    ...(authenticatorAttachment ? { authenticatorAttachment } : {}),
  };
}

async function verifiedCredential(
  ceremony: Ceremony,
  response: AttestationInput,
): Promise<WebAuthnCredential> {
  try {
    const result = await (
      await webauthn()
    ).verifyRegistrationResponse({
      response: registrationJSON(response),
      expectedChallenge: (challenge) => ceremony.issued(challenge),
      expectedOrigin: ceremony.payload.origin,
      expectedRPID: ceremony.payload.rpID,
      requireUserPresence: true,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
    // The id the browser reports must be the one inside the signed authenticator data.
    if (result.verified && result.registrationInfo.credential.id === response.id) {
      return result.registrationInfo.credential;
    }
  } catch {
    // Whatever the library found wrong, the answer is the same.
  }
  throw new PasskeyRejectedError();
}

async function storeCredential(
  ctx: AppContext,
  tx: Executor,
  memberId: string,
  credential: WebAuthnCredential,
): Promise<string> {
  if (await passkeyExists(tx, credential.id)) throw credentialConflict();
  await insertPasskey(tx, {
    id: credential.id,
    memberId,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? [],
    now: ctx.clock.now(),
  });
  return credential.id;
}

export type PasskeyRegistered =
  { kind: 'joined'; enrolled: Enrolled } | { kind: 'added'; credentialId: string };

/**
 * Verifies navigator.credentials.create()'s answer for a ceremony. A joining ceremony needs the
 * same invite again and makes the member (the invite is taken in the same transaction as the
 * passkey is stored); an adding ceremony needs the same member's session.
 */
export async function finishPasskeyRegistration(
  ctx: AppContext,
  input: {
    ceremonyId: string;
    invite?: string | undefined;
    response: AttestationInput;
    principal: Principal | null;
  },
): Promise<PasskeyRegistered> {
  const ceremony = await closeCeremony(ctx, 'passkey_register', input.ceremonyId);
  if (!ceremony) throw new PasskeyRejectedError();
  const join = ceremony.payload.join;
  if (join) {
    if (input.invite === undefined) {
      throw new ValidationError('invite: required to join', [
        { path: 'invite', message: 'required to join' },
      ]);
    }
    if (inviteCodeHash(ctx, input.invite) !== join.inviteHash) throw new InviteInvalidError();
    const credential = await verifiedCredential(ceremony, input.response);
    const enrolled = await enrollWithInvite(
      ctx,
      input.invite,
      'passkey',
      (tx, memberId) => storeCredential(ctx, tx, memberId, credential),
      { handle: join.handle },
    );
    return { kind: 'joined', enrolled };
  }
  if (input.invite !== undefined) {
    throw new ValidationError('invite: not used when adding a passkey', [
      { path: 'invite', message: 'not used when adding a passkey' },
    ]);
  }
  if (!input.principal) throw new UnauthorizedError();
  if (input.principal.memberId !== ceremony.memberId) throw new PasskeyRejectedError();
  const memberId = input.principal.memberId;
  const credential = await verifiedCredential(ceremony, input.response);
  await transact(ctx, (tx) => storeCredential(ctx, tx, memberId, credential));
  return { kind: 'added', credentialId: credential.id };
}

/** Options for navigator.credentials.get(): no user name and no credential list. */
export async function startPasskeyLogin(
  ctx: AppContext,
  party: RelyingParty,
): Promise<{ ceremonyId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const { ceremonyId, challenge } = await openCeremony(ctx, 'passkey_login', party);
  const options = await (
    await webauthn()
  ).generateAuthenticationOptions({
    rpID: party.rpID,
    challenge,
    timeout: CHALLENGE_TTL_MS,
    userVerification: 'required',
  });
  return { ceremonyId, options };
}

function authenticationJSON(response: AssertionInput): AuthenticationResponseJSON {
  const { authenticatorAttachment, response: inner, ...rest } = response;
  const { userHandle, ...assertion } = inner;
  return {
    ...rest,
    response: { ...assertion, ...(userHandle ? { userHandle } : {}) },
    ...(authenticatorAttachment ? { authenticatorAttachment } : {}),
  };
}

/**
 * Verifies navigator.credentials.get()'s answer and opens a session. Unknown credential, bad
 * signature, missing user verification, wrong origin or RP ID, a replayed or expired ceremony,
 * a counter that went backwards and a suspended member all get the same 401.
 */
export async function loginWithPasskey(
  ctx: AppContext,
  input: { ceremonyId: string; response: AssertionInput },
): Promise<{ token: string; sessionId: string }> {
  const ceremony = await closeCeremony(ctx, 'passkey_login', input.ceremonyId);
  const passkey = ceremony ? await findPasskey(ctx.db, input.response.id) : undefined;
  if (!ceremony || !passkey || passkey.status === 'suspended') throw new LoginFailedError();
  let newCounter: number;
  try {
    const result = await (
      await webauthn()
    ).verifyAuthenticationResponse({
      response: authenticationJSON(input.response),
      expectedChallenge: (challenge) => ceremony.issued(challenge),
      expectedOrigin: ceremony.payload.origin,
      expectedRPID: ceremony.payload.rpID,
      credential: {
        id: passkey.id,
        publicKey: Buffer.from(passkey.public_key, 'base64url'),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
    if (!result.verified) throw new LoginFailedError();
    newCounter = result.authenticationInfo.newCounter;
  } catch {
    throw new LoginFailedError();
  }
  return transact(ctx, async (tx) => {
    const now = ctx.clock.now();
    const recorded = await recordPasskeyUse(tx, {
      id: passkey.id,
      seenCounter: passkey.counter,
      newCounter,
      now,
    });
    if (!recorded) throw new LoginFailedError();
    return openSession(ctx, tx, passkey.member_id, 'passkey', passkey.id);
  });
}

/** The caller's passkeys, oldest first. */
export async function listOwnPasskeys(ctx: AppContext, principal: Principal) {
  return listPasskeys(ctx.db, principal.memberId);
}

/** Removes one of the caller's passkeys; another member's id answers 404 like an unknown one. */
export async function deleteOwnPasskey(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<void> {
  if (!(await deletePasskey(ctx.db, principal.memberId, id))) {
    throw new NotFoundError('No such passkey');
  }
}
