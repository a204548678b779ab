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

/** What a reader is shown for an activity: the quick choice in their words, or the reporter's. */
export type ActivityHeadline =
  | { kind: 'code'; code: ActivityCode; detail: string | null }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

/**
 * How an activity reads, whatever was stored: a known code (with the reporter's own words, if
 * any, as detail), else the text as written (reports from before codes existed, or typed), else
 * nothing. An unknown code (a newer server) falls back to the text, never to a raw code.
 */
export function activityHeadline(view: {
  activity?: string | null | undefined;
  activityCode?: string | null | undefined;
}): ActivityHeadline {
  const text = view.activity?.trim() ? view.activity.trim() : null;
  if (isActivityCode(view.activityCode)) {
    return { kind: 'code', code: view.activityCode, detail: text };
  }
  return text === null ? { kind: 'none' } : { kind: 'text', text };
}
