import type { TFunction } from 'i18next';
import { dateTimeFormat } from './intl';

const MINUTE = 60_000;

/** A date and time in the city's time zone, e.g. "Nov 27, 4:06 PM CST". */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  // Intl lacks Somali and Hmong in Chromium: then numbers only, never English words (./intl).
  return dateTimeFormat(language, {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A time of day in the city's time zone, e.g. "4:06 PM". */
export function formatTime(iso: string | number, language: string, timeZone: string): string {
  return dateTimeFormat(language, {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "just now", "5 minutes ago", "2 hours ago", "1 day ago". */
export function timeAgo(iso: string | number, now: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / MINUTE));
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutesAgo', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('time.hoursAgo', { count: hours });
  return t('time.daysAgo', { count: Math.floor(hours / 24) });
}
