// Public surface of platform/push: other modules import from here, never from its files.
export { sendAll } from './push.sender';
export type { PushSettings } from './push.sender';
export { defaultPushTransport } from './push.transport';
export type { PushTransport } from './push.transport';
export type { VapidKeys } from '../config';
