import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { envelope } from './error-handler';

/**
 * Serves the built web app from the same origin as the API, with the SPA fallback: any GET that
 * is not an API route and not a file gets index.html so client-side routes survive a reload.
 */
export async function installWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes `.br` and `.gz` beside each text file (packages/web/build/precompress.ts);
      // a client that accepts neither gets the file as it is.
      preCompressed: true,
      // Otherwise `send` adds its own `public, max-age=0`, which wins over the one set below.
      cacheControl: false,
      // @fastify/static (10) adds `Vary: accept-encoding` itself to what it serves precompressed.
      setHeaders: (reply, filePath) => {
        // Hashed assets never change; the shell and service worker must always be revalidated.
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  } else {
    app.log.warn('web app not built; run `npm run build` to serve it');
  }
  // Rate-limited like any route, so probing for ids or paths costs the prober too.
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (!isApi && hasWeb && request.method === 'GET' && request.headers.accept?.includes('html')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(
        envelope(
          'not_found',
          `no route for ${request.method} ${path.posix.normalize(request.url.split('?')[0] ?? '/')}`,
        ),
      );
  });
}
