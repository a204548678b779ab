import type { TFunction } from 'i18next';
import { activityLabel } from '@tocsin/core/salute/activity-codes';

/**
 * An incident's or report's activity in the reader's language: a quick choice's code is worded
 * by the reader's strings (report.quick.*), the reporter's own words after it; words alone
 * (typed, or stored before codes) read as written; nothing reads as "Activity not given".
 */
export function activityText(
  t: TFunction,
  view: { activity?: string | null | undefined; activityCode?: string | null | undefined },
): string {
  return activityLabel(view, (code) => t(`report.quick.${code}`)) ?? t('home.noActivity');
}
