import { z } from 'zod';
import { defineEvent, type EventGroup } from './define';

/** Events written by membership: areas, members and their roles. */
export const membershipEvents = {
  /** The city's areas changed; every node drops its cached area directory. */
  'areas.changed': defineEvent(
    1,
    z.strictObject({
      reason: z.enum(['city_pack', 'workplace_created']),
      areaId: z.uuid().optional(),
    }),
  ),
  /** Someone enrolled with an invite. */
  'member.joined': defineEvent(
    1,
    z.strictObject({ memberId: z.uuid(), sponsorId: z.uuid().nullable() }),
  ),
  /** A member on probation became active, vouched for or approved. */
  'member.activated': defineEvent(
    1,
    z.strictObject({ memberId: z.uuid(), by: z.enum(['vouch', 'approval']) }),
  ),
  /** A member was suspended: their sockets close at once. */
  'member.suspended': defineEvent(1, z.strictObject({ memberId: z.uuid() })),
  /**
   * What decides which alerts reach a member changed (roles in an area, alert preferences or
   * shift): the sockets reload them.
   */
  'member.updated': defineEvent(
    1,
    z.discriminatedUnion('change', [
      z.strictObject({ memberId: z.uuid(), change: z.literal('roles'), areaId: z.uuid() }),
      z.strictObject({ memberId: z.uuid(), change: z.literal('alert_preferences') }),
      z.strictObject({ memberId: z.uuid(), change: z.literal('shift') }),
    ]),
  ),
} as const satisfies EventGroup;
