export type {
  DomainEvent,
  EventCheck,
  EventEnvelope,
  EventName,
  EventPayload,
  EventRefusal,
  EventVersion,
  NewDomainEvent,
} from './catalog';
export { checkEvent, checkNewEvent, eventCatalog, isEventName } from './catalog';
export type { EventDefinition, EventGroup } from './define';
export { defineEvent } from './define';
export { communityEvents } from './community';
export { membershipEvents } from './membership';
export { organizingEvents } from './organizing';
export type { AlertIssued } from './rapid-response';
export { alertIssuedSchema, rapidResponseEvents } from './rapid-response';
