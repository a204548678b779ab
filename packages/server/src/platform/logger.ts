import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Paths that must never reach a log line even if someone logs a whole object by mistake.
 * The main defence is that request logging only records method, route pattern and status.
 */
const REDACT = [
  'req.headers',
  'req.body',
  'req.query',
  'req.ip',
  'req.ips',
  'req.remoteAddress',
  'headers',
  'body',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'ip',
  '*.ip',
  'location',
  '*.location',
  'lat',
  'lng',
  '*.lat',
  '*.lng',
  'text',
  '*.text',
  'plate',
  '*.plate',
  'plates',
  'handle',
  '*.handle',
  'invite',
  '*.invite',
];

/** What a log may say about a database error: never its message, detail, query or parameters. */
interface LoggedDatabaseError {
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
function loggedDatabaseError(error: unknown): LoggedDatabaseError | null {
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

/**
 * Errors as logged: a database error (or one caused by it) only as its SQLSTATE, constraint and
 * table, since its message, detail and PGlite's query parameters carry the data that failed.
 */
export function serializeError(error: unknown): unknown {
  const database = loggedDatabaseError(error);
  if (database) return database;
  const cause = (error as { cause?: unknown } | null)?.cause;
  const causeDatabase = loggedDatabaseError(cause);
  if (error instanceof Error && causeDatabase) {
    return { type: error.name, message: error.message, cause: causeDatabase };
  }
  return error instanceof Error ? pino.stdSerializers.err(error) : error;
}

/** The root logger; subsystems take a child with `{ sub: 'relay' }` and the like. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}
