// Public surface of platform/realtime: other modules import from here, never from its files.
export { Connection } from './connection';
export { RealtimeGateway } from './gateway';
export type { GatewayOptions } from './gateway';
export type {
  AnyStreamHandler,
  StreamAuthenticator,
  StreamDirectory,
  StreamHandler,
  StreamSetup,
  TopicSubscription,
} from './stream-handler';
export { StormBatcher } from './storm-batcher';
export { streamRoutes } from './stream.routes';
export { STREAM_PATH, streamUpgrades } from './stream-upgrade';
export type { UpgradeHandler } from './stream-upgrade';
export { StreamWorkers } from './stream-workers';
export type { FromStreamWorker, ToStreamWorker } from './stream-workers';
