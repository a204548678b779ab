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
export { listActiveSessions, revokeAllSessions, revokeSession } from './sessions.repository';
export { openSession } from './sessions.service';
export { sessionStream, streamAuthenticator } from './auth.stream';
