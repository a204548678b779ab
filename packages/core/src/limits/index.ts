export type { SlidingWindow } from './sliding-window';
export { quotaWaitMs } from './sliding-window';
