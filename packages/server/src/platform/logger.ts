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

/** The root logger; subsystems take a child with `{ sub: 'relay' }` and the like. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
