// Public surface of platform/bus: other modules import from here, never from its files.
export type { Bus, DomainEvent, Settling, Subscription } from './bus';
export { MemoryBus } from './memory-bus';
export { NatsBus } from './nats-bus';
