import { bootstrap } from './bootstrap';
import { isPlateKeyCoLocated } from '../platform/config/secrets';
import { browserBaseUrl } from './browser-url';
import { createBootstrapInvite, hasAdmin } from '../membership/invites/invites.service';
import { startServer } from '../server';

/** `tocsin start`: serve until SIGINT/SIGTERM, then shut down gracefully. */
export async function startCommand(options: { port?: string; host?: string }): Promise<number> {
  const { config, secrets, logger } = await bootstrap({ PORT: options.port, HOST: options.host });
  if (secrets.plateKeyFile && isPlateKeyCoLocated(secrets.plateKeyFile, config.dataDir)) {
    // Not fatal, so `npm start` works; but a seizure of the data would take the key with it.
    logger.warn(
      { plateKeyFile: secrets.plateKeyFile, dataDir: config.dataDir },
      'the plate key sits in or beside the data dir: whoever seizes the data can test plate ' +
        'guesses offline; set TOCSIN_PLATE_KEY or TOCSIN_PLATE_KEY_FILE (another disk or a secret store)',
    );
  }
  const server = await startServer({ config, secrets, logger });
  process.stdout.write(`Tocsin is listening on ${server.url}\n`);
  if (!(await hasAdmin(server.ctx))) {
    const invite = await createBootstrapInvite(
      server.ctx,
      browserBaseUrl(config, Number(new URL(server.url).port)),
    );
    process.stdout.write(
      `\nNo admin yet. Open this single-use link to become the first admin ` +
        `(valid until ${invite.expiresAt.toISOString()}):\n\n  ${invite.url}\n\n`,
    );
  }

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info({ signal }, 'shutting down');
  // A second signal while draining means "now".
  const force = () => {
    logger.warn('second signal: stopping without draining');
    process.exitCode = 1;
    setImmediate(() => process.kill(process.pid, 'SIGKILL'));
  };
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  await server.close();
  logger.info('stopped');
  return 0;
}
