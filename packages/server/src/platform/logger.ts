import pino, { type DestinationStream, type Logger } from 'pino';
import { loggedDatabaseError } from './db/database-errors';

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
