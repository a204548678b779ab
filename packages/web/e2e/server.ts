import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { envToConfig } from '../../server/src/platform/config/config';
import { createLogger } from '../../server/src/platform/logger';
import type { Clock } from '../../server/src/platform/clock';
import type { VapidKeys } from '../../server/src/platform/push/vapid-keys';
import { startServer, type RunningServer } from '../../server/src/server';

/**
 * A real Tocsin server on an ephemeral port, in memory, serving the built web app, with the
 * Minneapolis demo pack (loaded on first start). Web push is on when given VAPID keys; a test
 * that must move time gives its own clock.
 */
export async function startTestServer(
  options: { vapid?: VapidKeys; rateLimitPerMinute?: number; clock?: Clock } = {},
): Promise<RunningServer> {
  const base = envToConfig({
    PORT: '0',
    TOCSIN_DATA_DIR: '/nonexistent-tocsin-e2e',
    ...(options.rateLimitPerMinute
      ? { TOCSIN_RATE_LIMIT: String(options.rateLimitPerMinute) }
      : {}),
  });
  if (!existsSync(path.join(base.webDir, 'index.html'))) {
    throw new Error(`the web app is not built in ${base.webDir}: run \`npm run build\` first`);
  }
  return startServer({
    config: { ...base, database: { kind: 'pglite', dataDir: null } },
    secrets: { serverKey: randomBytes(32), ...(options.vapid ? { vapid: options.vapid } : {}) },
    logger: createLogger('warn'),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
