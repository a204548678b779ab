// Public surface of platform/outbox: other modules import from here, never from its files.
export { OutboxRelay } from './outbox.relay';
export { enqueueEvents, hasEnqueued } from './outbox.repository';
