export type { SlidingWindow } from './sliding-window';
export { quotaWaitMs } from './sliding-window';
export { lockoutWaitMs, RECOVERY_LOCKOUT } from './lockout';
