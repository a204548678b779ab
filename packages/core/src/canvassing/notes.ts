/** The longest door note: a reminder for the group, not a record of a person. */
export const NOTE_MAX = 280;
/** How long a note is kept unless the city pack says otherwise. */
export const NOTE_KEEP_DAYS = 30;
const DAY_MS = 86_400_000;

/** Whether a note written at `writtenAt` is past its keep and must be gone. */
export function noteExpired(writtenAt: Date, now: Date, keepDays = NOTE_KEEP_DAYS): boolean {
  return now.getTime() - writtenAt.getTime() >= keepDays * DAY_MS;
}

// A street address (a number then a street word), a unit, a phone number or an email address.
const STREET =
  /\b\d{1,6}[a-z]?\s+(?:[nsew]\.?\s+)?(?:[a-z0-9.'-]+\s+){0,3}(?:st|street|ave|avenue|av|rd|road|blvd|boulevard|ln|lane|dr|drive|ct|court|way|pl|place|pkwy|parkway|ter|terrace|cir|circle|calle|avenida)\b/i;
const UNIT = /(?:\b(?:apt|apartment|unit|suite|ste|depto|departamento)\.?\s*#?\s*\w+|#\s*\d+)/i;
const PHONE = /(?:\+?\d[\s().-]*){7,}/;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const HOUSE_NUMBER = /\b(?:house|home|door|casa|número|numero|no\.)\s*#?\s*\d+/i;

/**
 * Why a text may not be kept in the canvassing tables, or null: it looks like an address, a unit,
 * a house number, a phone number or an email address. Notes and turf names hold no resident data.
 */
export function residentDataIn(text: string): 'address' | 'contact' | null {
  if (STREET.test(text) || UNIT.test(text) || HOUSE_NUMBER.test(text)) return 'address';
  if (PHONE.test(text) || EMAIL.test(text)) return 'contact';
  return null;
}
