import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { ForbiddenError, ValidationError } from '../errors';
import type { TocsinConfig } from '../config';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers on every response and a same-origin rule for state-changing requests.
 * The CSP allows no inline script and no third-party origin at all.
 */
export async function installSecurity(app: FastifyInstance, config: TocsinConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.behindTls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.behindTls
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });

  // No API answer may stay in a cache of a shared or seized device (a browser's, a proxy's):
  // whatever a route set, it leaves as no-store (a route may only add to it, like `private`).
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const current = reply.getHeader('cache-control');
    const directives = String(current ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase());
    if (!directives.includes('no-store')) void reply.header('cache-control', 'no-store');
  });

  // A query string that is not UTF-8 once percent-decoded is refused whole, before any field is
  // read: the parser would otherwise hand the raw, undecoded text to the route as if it were valid.
  app.addHook('onRequest', async (request) => {
    const at = request.url.indexOf('?');
    if (at < 0 || !request.url.startsWith('/api/')) return;
    for (const part of request.url.slice(at + 1).split('&')) {
      for (const side of part.split('=')) {
        try {
          decodeURIComponent(side.replaceAll('+', ' '));
        } catch {
          throw new ValidationError('querystring: not valid UTF-8', [
            { path: 'querystring', message: 'not valid UTF-8 once percent-decoded' },
          ]);
        }
      }
    }
  });

  const publicOrigin = config.publicUrl ? new URL(config.publicUrl).origin : null;
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new ForbiddenError('cross-site requests are not accepted');
    }
    const origin = request.headers.origin;
    if (!origin) return; // Non-browser clients (bots, bridges, curl) send no Origin.
    const expected = publicOrigin ?? `${request.protocol}://${request.host}`;
    if (origin !== expected) throw new ForbiddenError('origin: not this server');
  });
}
