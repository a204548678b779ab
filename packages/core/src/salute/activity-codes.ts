// No zod here: the web app's start-up chunk words codes with this module (budget test).

/**
 * Codes of the report form's quick choices. A report stores the code, never the words on the
 * button, so every reader sees the choice in their own language; what a reporter types stays
 * their own words beside it.
 */
export const ACTIVITY_CODES = ['detaining', 'checkpoint', 'vehicles', 'doors'] as const;
export type ActivityCode = (typeof ACTIVITY_CODES)[number];

export function isActivityCode(value: unknown): value is ActivityCode {
  return typeof value === 'string' && (ACTIVITY_CODES as readonly string[]).includes(value);
}

/**
 * How an activity reads, whatever was stored: a known code worded by `word` (the reader's
 * language), with the reporter's own words after it if any; else the words as written (typed,
 * or stored before codes existed); else null. An unknown code (from a newer server) is never
 * shown raw: the words stand alone.
 */
export function activityLabel(
  view: { activity?: string | null | undefined; activityCode?: string | null | undefined },
  word: (code: ActivityCode) => string,
): string | null {
  const text = view.activity?.trim() || null;
  if (!isActivityCode(view.activityCode)) return text;
  const label = word(view.activityCode);
  return text ? `${label}: ${text}` : label;
}
