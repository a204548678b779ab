import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/** The CBOR values a WebAuthn authenticator writes: ints, byte and text strings, arrays, maps. */
export type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** A minimal CBOR encoder (RFC 8949), enough for COSE keys and attestation objects. */
export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || Math.abs(value) > 0xffffffff) {
      throw new Error(`cbor: unsupported number ${value}`);
    }
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  const parts = [head(5, value.size)];
  for (const [k, v] of value) parts.push(cbor(k), cbor(v));
  return Buffer.concat(parts);
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64u = (data: Uint8Array) => Buffer.from(data).toString('base64url');

export const FLAG_UP = 0x01;
export const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/** Tweaks a test applies to one ceremony, to play a broken or hostile client. */
export interface Tweaks {
  /** Origin the "browser" reports in clientDataJSON. */
  origin?: string;
  /** RP ID the authenticator hashes into the authenticator data. */
  rpId?: string;
  /** Authenticator flags without AT; default UP|UV. */
  flags?: number;
  /** Challenge to sign instead of the one in the options. */
  challenge?: string;
  /** Signature counter to report instead of the next one. */
  counter?: number;
  /** Sign with this key instead of the credential's own. */
  signWith?: KeyObject;
}

interface Credential {
  id: Buffer;
  privateKey: KeyObject;
  cose: Buffer;
  rpId: string;
  userHandle: string;
  counter: number;
}

export interface RegistrationJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  authenticatorAttachment: 'platform';
  clientExtensionResults: Record<string, unknown>;
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
}

export interface AuthenticationJSON {
  id: string;
  rawId: string;
  type: 'public-key';
  authenticatorAttachment: 'platform';
  clientExtensionResults: Record<string, unknown>;
  response: {
    clientDataJSON: string;
    authenticatorData: string;
    signature: string;
    userHandle: string;
  };
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}

interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

/**
 * A software platform authenticator with ES256 (P-256) keys and 'none' attestation, playing
 * both the browser (clientDataJSON) and the authenticator (authenticatorData, signature).
 * It keeps its credentials discoverable, so login needs no user name.
 */
export class SoftAuthenticator {
  readonly credentials: Credential[] = [];

  /** What navigator.credentials.create() would return for these options. */
  create(options: CreationOptions, origin: string, tweaks: Tweaks = {}): RegistrationJSON {
    const rpId = options.rp.id ?? new URL(origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = cbor(
      new Map<Cbor, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]),
    );
    const credential: Credential = {
      id: randomBytes(32),
      privateKey,
      cose,
      rpId,
      userHandle: options.user.id,
      counter: 0,
    };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const authData = Buffer.concat([
      this.authDataHead(tweaks.rpId ?? rpId, (tweaks.flags ?? FLAG_UP | FLAG_UV) | FLAG_AT, 0),
      Buffer.alloc(16), // AAGUID: all zero, as a 'none' attestation may report
      idLength,
      credential.id,
      cose,
    ]);
    const clientDataJSON = this.clientData(
      'webauthn.create',
      tweaks.challenge ?? options.challenge,
      tweaks.origin ?? origin,
    );
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    this.credentials.push(credential);
    return {
      id: b64u(credential.id),
      rawId: b64u(credential.id),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: { credProps: { rk: true } },
      response: {
        clientDataJSON: b64u(clientDataJSON),
        attestationObject: b64u(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /**
   * What navigator.credentials.get() would return: the credential for the RP (the last one made
   * unless `credentialId` picks another), its counter advanced by one.
   */
  get(
    options: RequestOptions,
    origin: string,
    tweaks: Tweaks & { credentialId?: string } = {},
  ): AuthenticationJSON {
    const rpId = options.rpId ?? new URL(origin).hostname;
    const credential = [...this.credentials]
      .reverse()
      .find((c) => (tweaks.credentialId ? b64u(c.id) === tweaks.credentialId : c.rpId === rpId));
    if (!credential) throw new Error(`soft authenticator: no credential for ${rpId}`);
    credential.counter += 1;
    const authData = this.authDataHead(
      tweaks.rpId ?? credential.rpId,
      tweaks.flags ?? FLAG_UP | FLAG_UV,
      tweaks.counter ?? credential.counter,
    );
    const clientDataJSON = this.clientData(
      'webauthn.get',
      tweaks.challenge ?? options.challenge,
      tweaks.origin ?? origin,
    );
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      tweaks.signWith ?? credential.privateKey,
    );
    return {
      id: b64u(credential.id),
      rawId: b64u(credential.id),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64u(clientDataJSON),
        authenticatorData: b64u(authData),
        signature: b64u(signature),
        userHandle: credential.userHandle,
      },
    };
  }

  private authDataHead(rpId: string, flags: number, counter: number): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count]);
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }
}

/** A fresh P-256 private key, for signing as someone who does not hold the credential. */
export function strangerKey(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}
