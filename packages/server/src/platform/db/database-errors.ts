// Telling a database that is away for now from a request or a server that is wrong.

/** Socket errors of a database connection that could not be made or was cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs for a server that is away for now: connection failures (08, but not
 * 08P01, a protocol violation, which is our bug), too many connections (53300), and shutting
 * down, crashed or starting up (57P01–57P03). Lasting conditions — a wrong password, a database
 * that does not exist, a full disk, out of memory — are not here: they stay 500s that somebody
 * must look at.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  '53300',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * node-postgres reports a connection that ended under a query, or could not be made in time,
 * with an Error that has no code, so these are its exact words (pg 8 and pg-pool 3).
 */
const DRIVER_CONNECTION_MESSAGES = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
]);

/**
 * Whether an error means the database is away (unreachable, restarting, failing over, out of
 * connections, refusing new ones) rather than that the request or the server is wrong: the same
 * request may succeed in a few seconds.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, severity } = error as Error & { code?: unknown; severity?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    // "database … is not currently accepting connections", said while refusing to connect.
    if (code === '55000' && severity === 'FATAL') return true;
    return false;
  }
  return DRIVER_CONNECTION_MESSAGES.has(error.message);
}

/** What a log may say about a database error: never its message, detail, query or parameters. */
export interface LoggedDatabaseError {
  type: 'DatabaseError';
  sqlState: string;
  constraint?: string;
  table?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The loggable part of an error from PostgreSQL (node-postgres) or PGlite, or null for any other
 * error. Their messages and details quote the values that failed ("Key (plate)=(…)", "invalid
 * input syntax for type uuid: …"), PGlite attaches the whole query with its parameters, and the
 * stack repeats the message: only the SQLSTATE, the constraint and the table are kept.
 */
export function loggedDatabaseError(error: unknown): LoggedDatabaseError | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; severity?: unknown; constraint?: unknown; table?: unknown };
  const fromDatabase =
    typeof e.code === 'string' &&
    SQLSTATE.test(e.code) &&
    ('severity' in error || 'routine' in error || 'query' in error || 'params' in error);
  if (!fromDatabase) return null;
  return {
    type: 'DatabaseError',
    sqlState: e.code as string,
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    ...(typeof e.table === 'string' ? { table: e.table } : {}),
  };
}
