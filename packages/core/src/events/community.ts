import { z } from 'zod';
import { AID_CATEGORIES, AID_OUTCOMES, AID_URGENCIES } from '../mutual-aid/requests';
import { defineEvent, type EventGroup } from './define';

/**
 * Events of canvassing and mutual aid (organizing). No event is written per door (a door is a
 * count in a cell, nothing more), and no aid event names who asked, who took it, or what was
 * asked beyond the category.
 */
export const communityEvents = {
  /** The canvassing group assigned a turf to a pair for a day. */
  'turf.assigned': defineEvent(
    1,
    z.strictObject({
      turfId: z.uuid(),
      areaId: z.uuid(),
      date: z.iso.date(),
      cells: z.number().int(),
    }),
  ),
  /** A mutual-aid request was opened: it is on the area's board. */
  'aid_request.opened': defineEvent(
    1,
    z.strictObject({
      requestId: z.uuid(),
      areaId: z.uuid(),
      category: z.enum(AID_CATEGORIES),
      urgency: z.enum(AID_URGENCIES),
    }),
  ),
  /** A request was paired with a volunteer (by a coordinator or automatically). */
  'aid_request.matched': defineEvent(
    1,
    z.strictObject({ requestId: z.uuid(), areaId: z.uuid(), automatic: z.boolean() }),
  ),
  /** A request closed; it leaves the board. */
  'aid_request.closed': defineEvent(
    1,
    z.strictObject({ requestId: z.uuid(), areaId: z.uuid(), outcome: z.enum(AID_OUTCOMES) }),
  ),
} as const satisfies EventGroup;
