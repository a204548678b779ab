import type { ShellMessages } from './en';
import { common } from './es/common';
import { alerts } from './es/alerts';
import { reports } from './es/reports';
import { respond } from './es/respond';
import { settings } from './es/settings';

/** Spanish (complete). Written for Mexican and Central American readers: plain, usted. */
export const es: ShellMessages = {
  ...common,
  ...alerts,
  ...reports,
  ...respond,
  ...settings,
};
