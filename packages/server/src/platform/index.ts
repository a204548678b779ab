// Public surface of platform: other modules import from here, never from its files.
export { audit } from './audit';
export {
  checkToken,
  newBallotKey,
  refuseCredentials,
  sealBallotBoxes,
  signBlindedToken,
} from './ballot-box';
export type { DomainEvent, Settling, Subscription } from './bus';
export { transact } from './context';
export type { AppContext, PlatformContext } from './context';
export type { Clock } from './clock';
export type {
  AreaKind,
  AreasTable,
  AuthFailureKind,
  Db,
  DispatchState,
  Executor,
  IncidentsTable,
  MemberStatus,
  Role,
  SessionMethod,
  Tx,
} from './db';
export {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from './errors';
export {
  AttemptLimiter,
  addressKey,
  BAD_TOKEN_QUOTA,
  badTokenLimiter,
  sharedLimiter,
} from './http';
export type { Logger } from './logger';
export { startPeriodic } from './periodic';
export type { PeriodicJob } from './periodic';
export { memberTimesSince } from './db';
export { enqueueEvents } from './outbox';
export { defaultPushTransport, sendAll } from './push';
export type { PushSettings, PushTransport } from './push';
export { Connection, StormBatcher } from './realtime';
export type {
  AnyStreamHandler,
  StreamAuthenticator,
  StreamDirectory,
  StreamHandler,
  TopicSubscription,
} from './realtime';
