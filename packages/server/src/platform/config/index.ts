// Public surface of platform/config: other modules import from here, never from its files.
export { ConfigError } from './config';
export type { DatabaseConfig, TocsinConfig } from './config';
export type { TocsinEnv } from './env';
export type { TocsinSecrets, VapidKeys } from './secrets';
