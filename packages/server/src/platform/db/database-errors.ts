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
