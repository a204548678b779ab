// Public surface of platform/bus: other modules import from here, never from its files.
export type { Bus, DomainEvent, Subscription } from './bus';
export { MemoryBus } from './memory-bus';
export { NatsBus } from './nats-bus';
