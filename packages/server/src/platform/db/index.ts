// Public surface of platform/db: other modules import from here, never from its files.
export { inTransaction, openDatabase } from './database';
export type { DatabaseHandle, Db, Executor, Tx } from './database';
export { isDatabaseUnavailable } from './database-errors';
export { memberTimesSince } from './member-times.repository';
export { vacuumFull } from './vacuum.repository';
export { migrateToLatest } from './migrate';
export type { AuthFailureKind, SessionMethod } from './schema/auth';
export type { AreaKind, AreasTable } from './schema/city';
export type { DispatchState, IncidentsTable } from './schema/incidents';
export type { MemberStatus, Role } from './schema/members';
export type { OutboxRow } from './schema/outbox';
