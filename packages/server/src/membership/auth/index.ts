// Public surface of membership/auth: other modules import from here, never from its files.
export { baseUrlOf, clearSessionCookie, principalOf, setSessionCookie } from './auth.plugin';
export {
  keyedHash,
  normalizeRecoveryCode,
  parseEd25519PublicKey,
  randomToken,
  recoveryCode,
  verifyEd25519,
} from './crypto';
export { authFailureTotals, countAuthFailure } from './auth-failures.repository';
export {
  listActiveSessions,
  revokeAllSessions,
  revokeSession,
  revokeSessionsOfCredential,
  sessionCredential,
} from './sessions.repository';
export { openSession } from './sessions.service';
export { sessionStream, streamAuthenticator } from './auth.stream';
