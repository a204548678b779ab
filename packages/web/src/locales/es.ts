import type { Messages } from './en';
import { common } from './es/common';
import { onboarding } from './es/onboarding';
import { alerts } from './es/alerts';
import { reports } from './es/reports';
import { respond } from './es/respond';
import { organize } from './es/organize';
import { settings } from './es/settings';
import { trust } from './es/trust';
import { assemblies } from './es/assemblies';
import { pledges } from './es/pledges';
import { elections } from './es/elections';
import { community } from './es/community';

/** Spanish (complete). Written for Mexican and Central American readers: plain, usted. */
export const es: Messages = {
  ...common,
  ...onboarding,
  ...alerts,
  ...reports,
  ...respond,
  ...organize,
  ...settings,
  ...trust,
  ...assemblies,
  ...pledges,
  ...elections,
  ...community,
};
