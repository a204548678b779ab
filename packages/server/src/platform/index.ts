// Public surface of platform: other modules import from here, never from its files.
export { audit } from './audit';
export type { Subscription } from './bus';
export { transact } from './context';
export type { AppContext, PlatformContext } from './context';
export type {
  AreaKind,
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
export { AttemptLimiter, addressKey, sharedLimiter } from './http';
export type { Logger } from './logger';
export { enqueueEvents } from './outbox';
export { defaultPushTransport, sendAll } from './push';
export type { PushSettings, PushTransport } from './push';
