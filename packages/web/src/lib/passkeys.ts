/**
 * Passkeys (WebAuthn) with the browser's JSON helpers: the server sends options as JSON and
 * takes the credential back as JSON, so no base64 handling happens here.
 */
export async function passkeysAvailable(): Promise<boolean> {
  const pkc = globalThis.PublicKeyCredential as typeof PublicKeyCredential | undefined;
  if (!pkc || typeof pkc.parseCreationOptionsFromJSON !== 'function') return false;
  try {
    return await pkc.isUserVerifyingPlatformAuthenticatorAvailable();
  } catch {
    return false;
  }
}

/** Thrown when the person closed the passkey prompt or the authenticator refused. */
export class PasskeyCancelledError extends Error {
  constructor() {
    super('passkey cancelled');
    this.name = 'PasskeyCancelledError';
  }
}

async function run(ceremony: () => Promise<Credential | null>): Promise<unknown> {
  let credential: Credential | null;
  try {
    credential = await ceremony();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      throw new PasskeyCancelledError();
    }
    throw error;
  }
  if (!(credential instanceof PublicKeyCredential)) throw new PasskeyCancelledError();
  // The browser's JSON form of the credential, passed to the server untouched.
  return credential.toJSON();
}

/** Creates a passkey from the server's registration options. */
export function createPasskey(options: unknown): Promise<unknown> {
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(
    options as PublicKeyCredentialCreationOptionsJSON,
  );
  return run(() => navigator.credentials.create({ publicKey }));
}

/** Signs the server's login options with a passkey this device holds. */
export function assertPasskey(options: unknown): Promise<unknown> {
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(
    options as PublicKeyCredentialRequestOptionsJSON,
  );
  return run(() => navigator.credentials.get({ publicKey }));
}
