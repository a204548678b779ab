import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../src/platform/db/database-errors';

/** An error as node-postgres raises it for a server message: a code and a severity. */
function pgError(code: string, severity: string, message = 'from the server'): Error {
  return Object.assign(new Error(message), { code, severity });
}

describe('a database that is away, told apart from a bug or a lasting fault', () => {
  it.each([
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['server shutting down', pgError('57P01', 'FATAL')],
    ['server starting up', pgError('57P03', 'FATAL')],
    ['connection failure', pgError('08006', 'FATAL')],
    ['too many connections', pgError('53300', 'FATAL')],
    ['database not accepting connections', pgError('55000', 'FATAL')],
    ['connection ended under a query', new Error('Connection terminated unexpectedly')],
    ['no connection in time', new Error('Connection terminated due to connection timeout')],
  ])('%s: 503, try again', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['protocol violation (our bug)', pgError('08P01', 'ERROR')],
    ['wrong password', pgError('28P01', 'FATAL')],
    ['no such database', pgError('3D000', 'FATAL')],
    ['database dropped', pgError('57P04', 'FATAL')],
    ['disk full', pgError('53100', 'ERROR')],
    ['out of memory', pgError('53200', 'ERROR')],
    ['object in use (not a connection refusal)', pgError('55000', 'ERROR')],
    ['unique violation', pgError('23505', 'ERROR')],
    ['statement cancelled', pgError('57014', 'ERROR')],
    ['any other error', new Error('Connection terminated unexpectedly, or so the caller says')],
    ['not an Error', { code: 'ECONNREFUSED' }],
  ])('%s: not a 503', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
