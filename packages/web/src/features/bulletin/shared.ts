import { useTranslation } from 'react-i18next';

/** A headcount as the server shows it: exact to organizers; else "fewer than 5" or "5 or more". */
export interface ShownHeadcount {
  kind: 'exact' | 'at_least' | 'fewer_than';
  n: number;
}

export function useHeadcount(): (count: ShownHeadcount) => string {
  const { t, i18n } = useTranslation();
  return (count) => {
    if (count.kind === 'fewer_than') return t('events.fewerThan', { count: count.n });
    const n = count.n.toLocaleString(i18n.language);
    return count.kind === 'at_least' ? t('events.atLeast', { n }) : n;
  };
}

const READ_KEY = 'tocsin.bulletin.read';
const KEEP = 500;

/** The posts read on this phone (read state stays on the device; a wipe clears it). */
export function readPosts(): Set<string> {
  try {
    const raw = localStorage.getItem(READ_KEY);
    const ids: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

export function markRead(ids: readonly string[]): Set<string> {
  const read = readPosts();
  for (const id of ids) {
    read.delete(id);
    read.add(id);
  }
  const kept = [...read].slice(-KEEP);
  try {
    localStorage.setItem(READ_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or disabled: read state lasts until the page closes.
  }
  return new Set(kept);
}

/** A city day (YYYY-MM-DD) in the city's time zone. */
export function cityDayOf(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** The day before or after a YYYY-MM-DD day. */
export function shiftDay(day: string, by: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

/** An address the server gave (absolute, or a path when it knows no public origin) in full. */
export function absolute(url: string): string {
  return new URL(url, window.location.origin).href;
}
