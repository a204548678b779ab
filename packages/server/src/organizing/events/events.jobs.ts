import { dueReminder, type ReminderKind } from '@tocsin/core';
import type { AppContext } from '../../platform';
import type { Notifier } from '../bulletin';
import {
  claimReminder,
  eventsNeedingReminders,
  goingMembers,
  purgeRsvps,
} from './events.repository';

/** RSVPs are kept a month after their event ends, then only the counts' absence remains. */
const RSVP_KEEP_MS = 30 * 86_400_000;

/**
 * The events' minute: reminders by push a day and an hour before (to those going or maybe, once
 * each; a claim on the event row makes one node send it), and RSVPs of long-past events expire.
 */
export function eventsTicker(ctx: AppContext, notifier: Notifier) {
  return async (now: Date): Promise<void> => {
    for (const event of await eventsNeedingReminders(ctx.db, now)) {
      const due = dueReminder(
        event.starts_at.getTime(),
        now.getTime(),
        event.reminders_sent as ReminderKind[],
      );
      if (!due) continue;
      if (!(await claimReminder(ctx.db, event.id, due))) continue;
      await notifier.push(await goingMembers(ctx.db, event.id), 'reminder', now);
    }
    await purgeRsvps(ctx.db, new Date(now.getTime() - RSVP_KEEP_MS));
  };
}
