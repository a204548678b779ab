import type { EventGroup } from './define';

/**
 * Events written by organizing. None yet: a new one is added here as
 * `'<noun>.<past participle>': defineEvent(1, z.strictObject({ ... }))`, e.g. `campaign.started`,
 * and reaches the outbox, the bus and typed subscribers with no other change.
 */
export const organizingEvents = {} as const satisfies EventGroup;
