/** Reminders of an event to those going (or maybe): a day before and an hour before. */
export const REMINDERS = [
  { kind: '24h', beforeMs: 24 * 3_600_000 },
  { kind: '1h', beforeMs: 3_600_000 },
] as const;

export type ReminderKind = (typeof REMINDERS)[number]['kind'];

/**
 * The reminder due at `now` for an event starting at `startsAt`, or null. Only the latest window
 * counts: an event announced 30 minutes ahead gets the hour reminder, not a late "tomorrow" one,
 * and nothing is sent once it has started. `sent` are the kinds already sent.
 */
export function dueReminder(
  startsAt: number,
  now: number,
  sent: readonly ReminderKind[],
): ReminderKind | null {
  if (now >= startsAt) return null;
  // Latest window first: the hour reminder supersedes a day reminder that never went out.
  for (const reminder of [...REMINDERS].reverse()) {
    if (now >= startsAt - reminder.beforeMs) {
      return sent.includes(reminder.kind) ? null : reminder.kind;
    }
  }
  return null;
}
