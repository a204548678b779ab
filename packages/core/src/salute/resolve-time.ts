import { foldForMatch } from './text';
import { addDays, isValidTimeZone, zonedParts, zonedTimeToUtc } from './time-zone';

/** The clock and the city's IANA time zone that report times are resolved against. */
export interface TimeContext {
  now: Date;
  timeZone: string;
}

/** A time phrase found in text, at `index` (UTF-16 units) for `length` units. */
export type TimeExpression =
  | { kind: 'ago'; index: number; length: number; minutes: number }
  | {
      kind: 'clock';
      index: number;
      length: number;
      hour: number;
      minute: number;
      meridiem?: 'am' | 'pm';
      yesterday: boolean;
    };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MAX_DATE_MS = 8.64e15;
// A clock time up to this far ahead of `now` is today (rounding up, skewed phones); later than
// that it must be yesterday's.
const FUTURE_TOLERANCE_MS = 10 * MINUTE_MS;
const MAX_AGO_MINUTES = 48 * 60;
// "a few minutes ago" is vague; five minutes is close enough to order reports.
const FEW_MINUTES = 5;

const WB = String.raw`(?<![\p{L}\p{N}])`;
const WE = String.raw`(?![\p{L}\p{N}])`;
const NUM = String.raw`(\d{1,3}\s*|(?:an?|one|uno?|una)\s+)`;
const UNIT = String.raw`(minutos?|minutes?|mins?|mn|m|horas?|hours?|hrs?|h|segundos?|seconds?|secs?|s)`;
const AGO_RE = new RegExp(
  `${WB}(?:hace\\s+(?:(?:unos|unas|como|casi|aprox(?:\\.|imadamente)?)\\s+)?${NUM}${UNIT}` +
    `|(?:(?:about|around|like|approx\\.?|~)\\s*)?${NUM}${UNIT}\\.?\\s+ago` +
    `|(half\\s+an\\s+hour\\s+ago|hace\\s+media\\s+hora)` +
    `|((?:a\\s+)?few\\s+min(?:ute)?s?\\s+ago|hace\\s+(?:unos|pocos)\\s+minutos))${WE}`,
  'gu',
);
const NOW_RE = new RegExp(
  `${WB}(?:just\\s+now|right\\s+now|happening\\s+now|now|ahora\\s+mismo|justo\\s+ahora|ahorita` +
    `|ahora|en\\s+este\\s+momento|hace\\s+un\\s+momento|a\\s+moment\\s+ago)${WE}`,
  'gu',
);
const CLOCK_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}:/.$])(?:(at|@|a\s+las?|como\s+a\s+las?|around)\s*)?(\d{1,2})` +
    String.raw`(?:\s*([:.h])\s*(\d{2}))?` +
    String.raw`(?:\s*(a\.?\s?m|p\.?\s?m)\.?(?!\p{L})|([ap])${WE}|\s+(?:de\s+la\s+)?(manana|tarde|noche|madrugada)${WE})?` +
    String.raw`(?!\p{N})`,
  'gu',
);
const YESTERDAY_BEFORE = /(?:yesterday|ayer|anoche|last\s+night)[\s,]*$/u;
const YESTERDAY_AFTER = /^[\s,]*(?:yesterday|ayer|anoche|last\s+night)(?![\p{L}\p{N}])/u;

function unitMinutes(unit: string): number {
  if (unit.startsWith('s')) return 0;
  return unit.startsWith('h') ? 60 : 1;
}

function count(num: string): number {
  const n = num.trim();
  return /^\d+$/.test(n) ? Number(n) : 1;
}

function agoMatches(folded: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const m of folded.matchAll(AGO_RE)) {
    let minutes: number;
    if (m[5] !== undefined) minutes = 30;
    else if (m[6] !== undefined) minutes = FEW_MINUTES;
    else {
      const num = m[1] ?? m[3] ?? '1';
      const unit = m[2] ?? m[4] ?? 'm';
      minutes = count(num) * unitMinutes(unit);
    }
    if (minutes <= MAX_AGO_MINUTES) {
      out.push({ kind: 'ago', index: m.index, length: m[0].length, minutes });
    }
  }
  for (const m of folded.matchAll(NOW_RE)) {
    out.push({ kind: 'ago', index: m.index, length: m[0].length, minutes: 0 });
  }
  return out;
}

function meridiemOf(m: RegExpMatchArray): 'am' | 'pm' | undefined {
  const marker = m[5] ?? m[6];
  if (marker !== undefined) return marker.startsWith('a') ? 'am' : 'pm';
  const part = m[7];
  if (part === undefined) return undefined;
  return part === 'tarde' || part === 'noche' ? 'pm' : 'am';
}

function clockMatches(folded: string, strict: boolean): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const m of folded.matchAll(CLOCK_RE)) {
    const prefix = m[1];
    const hour = Number(m[2]);
    const sep = m[3];
    const minute = m[4] === undefined ? 0 : Number(m[4]);
    const meridiem = meridiemOf(m);
    if (hour > 23 || minute > 59) continue;
    if (meridiem !== undefined && (hour < 1 || hour > 12)) continue;
    // In prose only unmistakable clock times count: "2:40", "2pm", "a las 3"; never "3 agents"
    // or "$2.40".
    const clear =
      meridiem !== undefined ||
      ((sep === ':' || sep === 'h') && m[4] !== undefined) ||
      (prefix !== undefined && /^(?:como\s+)?a\s+las?$/.test(prefix));
    let index = m.index;
    let end = m.index + m[0].length;
    // A labeled time may be a bare hour ("T: 3"), but not a count ("hace 3 meses").
    if (!clear && (strict || /^\s*\p{L}/u.test(folded.slice(end)))) continue;
    const before = YESTERDAY_BEFORE.exec(folded.slice(Math.max(0, index - 24), index));
    const after = YESTERDAY_AFTER.exec(folded.slice(end, end + 24));
    if (before !== null) index -= before[0].length;
    if (after !== null) end += after[0].length;
    out.push({
      kind: 'clock',
      index,
      length: end - index,
      hour,
      minute,
      yesterday: before !== null || after !== null,
      ...(meridiem === undefined ? {} : { meridiem }),
    });
  }
  return out;
}

function first(text: string, strict: boolean): TimeExpression | undefined {
  const folded = foldForMatch(text);
  const all = [...agoMatches(folded), ...clockMatches(folded, strict)];
  // Earliest phrase wins; at the same place "10 min ago" beats the bare "10".
  all.sort(
    (a, b) => a.index - b.index || (a.kind === 'ago' ? -1 : 0) - (b.kind === 'ago' ? -1 : 0),
  );
  return all[0];
}

/** Finds the first unmistakable time phrase in prose ("2:40pm", "hace 10 min", "just now"). */
export function findTimeExpression(
  text: string,
): { text: string; expression: TimeExpression } | undefined {
  const expression = first(text, true);
  if (expression === undefined) return undefined;
  return { text: text.slice(expression.index, expression.index + expression.length), expression };
}

function clockHours(hour: number, meridiem: 'am' | 'pm' | undefined): number[] {
  if (meridiem === 'am') return [hour % 12];
  if (meridiem === 'pm') return [(hour % 12) + 12];
  // "2:40" without am/pm: whichever of 2:40 and 14:40 happened most recently.
  if (hour >= 1 && hour <= 12) return [hour % 12, (hour % 12) + 12];
  return [hour];
}

function resolveExpression(e: TimeExpression, ctx: TimeContext): number | undefined {
  const nowMs = ctx.now.getTime();
  if (e.kind === 'ago') return nowMs - e.minutes * MINUTE_MS;
  const today = zonedParts(nowMs, ctx.timeZone);
  let best: number | undefined;
  for (const offset of e.yesterday ? [-1] : [0, -1]) {
    const date = addDays(today, offset);
    for (const hour of clockHours(e.hour, e.meridiem)) {
      const t = zonedTimeToUtc(date.year, date.month, date.day, hour, e.minute, ctx.timeZone);
      const ms = t.getTime();
      if (ms <= nowMs + FUTURE_TOLERANCE_MS && (best === undefined || ms > best)) best = ms;
    }
  }
  return best;
}

/**
 * Resolves a time as reporters write it ("2:40pm", "14:40", "10 min ago", "hace 5 min", "ahora")
 * to an ISO instant, reading clock times in the city's time zone; a clock time more than a few
 * minutes ahead of `now` is yesterday's. Undefined when no time can be read.
 */
export function resolveTime(text: string, ctx: TimeContext): string | undefined {
  const nowMs = ctx.now.getTime();
  // Far from the Date range limits, so the day either side of `now` still exists.
  if (!(Math.abs(nowMs) <= MAX_DATE_MS - 7 * DAY_MS) || !isValidTimeZone(ctx.timeZone)) {
    return undefined;
  }
  const expression = first(text, false);
  if (expression === undefined) return undefined;
  const ms = resolveExpression(expression, ctx);
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
