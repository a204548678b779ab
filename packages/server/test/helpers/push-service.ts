import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Agent, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PushTransport } from '../../src/platform/push/push.transport';

export interface ReceivedPush {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A self-signed certificate for 127.0.0.1, made with the openssl command line. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tocsin-push-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
        ...['-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
        ...['-addext', 'subjectAltName=IP:127.0.0.1'],
        ...['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A push service on https://127.0.0.1 (RFC 8030 as far as a sender sees it): records every
 * request and answers 201, or the status set for a path (410 for an unsubscribed browser).
 */
export class LocalPushService {
  readonly received: ReceivedPush[] = [];
  readonly statusFor = new Map<string, number>();
  readonly transport: PushTransport;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    cert: string,
  ) {
    this.transport = {
      allows: (url) => url.origin === origin,
      agent: new Agent({ ca: cert, keepAlive: true }),
    };
  }

  static async start(): Promise<LocalPushService> {
    const { key, cert } = selfSignedCertificate();
    let service: LocalPushService | null = null;
    const server = createServer({ key, cert }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = request.url ?? '/';
        service?.received.push({
          method: request.method ?? '',
          path: url,
          headers: request.headers,
          body: Buffer.concat(chunks),
        });
        response.writeHead(service?.statusFor.get(url) ?? 201).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    service = new LocalPushService(server, `https://127.0.0.1:${port}`, cert);
    return service;
  }

  /** The endpoint a browser named `name` would have been given. */
  endpoint(name: string): string {
    return `${this.origin}/push/${name}`;
  }

  to(name: string): ReceivedPush[] {
    return this.received.filter((r) => r.path === `/push/${name}`);
  }

  async close(): Promise<void> {
    this.transport.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<key>` as a push service does (RFC 8292): the key is
 * the one given, the JWT is ES256 and its signature verifies with it. Returns the claims.
 */
export function verifyVapid(authorization: string | undefined, publicKey: string): VapidClaims {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`not a VAPID Authorization header: ${authorization}`);
  const [, jwt = '', k = ''] = match;
  if (k !== publicKey) throw new Error('k is not the server public key');
  const [header = '', claims = '', signature = ''] = jwt.split('.');
  const decoded = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg?: string };
  if (decoded.alg !== 'ES256') throw new Error(`alg ${decoded.alg}`);
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('VAPID signature does not verify');
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as VapidClaims;
}
