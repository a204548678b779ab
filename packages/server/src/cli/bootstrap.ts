import { envToConfig, type TocsinConfig } from '../platform/config/config';
import { readEnv, type TocsinEnv } from '../platform/config/env';
import { envToSecrets, type TocsinSecrets } from '../platform/config/secrets';
import { createLogger, type Logger } from '../platform/logger';
import { loadVapidKeys } from '../platform/push/vapid-keys';

export interface Bootstrap {
  config: TocsinConfig;
  secrets: TocsinSecrets;
  logger: Logger;
}

/** Reads env → config → secrets and makes the root logger; overrides come from CLI flags. */
export async function bootstrap(overrides: Partial<TocsinEnv> = {}): Promise<Bootstrap> {
  const env = { ...readEnv(), ...stripUndefined(overrides) };
  const config = envToConfig(env);
  const secrets = {
    ...(await envToSecrets(env, config.dataDir, config.plateKeyFile)),
    vapid: await loadVapidKeys(env, config.dataDir),
  };
  return { config, secrets, logger: createLogger(config.logLevel) };
}

function stripUndefined(values: Partial<TocsinEnv>): Partial<TocsinEnv> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
