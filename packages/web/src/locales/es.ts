import type { ShellMessages } from './en';
import { common } from './es/common';
import { onboarding } from './es/onboarding';
import { alerts } from './es/alerts';
import { reports } from './es/reports';
import { respond } from './es/respond';
import { settings } from './es/settings';
import { trust } from './es/trust';

/** Spanish (complete). Written for Mexican and Central American readers: plain, usted. */
export const es: ShellMessages = {
  ...common,
  ...onboarding,
  ...alerts,
  ...reports,
  ...respond,
  ...settings,
  ...trust,
};
