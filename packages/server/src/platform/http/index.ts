// Public surface of platform/http for the rest of platform's index: the limits on anonymous
// clients that routes elsewhere use.
export { AttemptLimiter, BAD_TOKEN_QUOTA, badTokenLimiter, sharedLimiter } from './attempt-limiter';
export { addressKey } from './client-key';
