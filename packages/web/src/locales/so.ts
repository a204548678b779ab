import type { ShellMessages } from './en';
import { common } from './so/common';
import { onboarding } from './so/onboarding';
import { alerts } from './so/alerts';
import { reports } from './so/reports';
import { respond } from './so/respond';
import { settings } from './so/settings';
import { trust } from './so/trust';

/**
 * Somali. A DRAFT for every string of the member flows, not yet reviewed by a native speaker:
 * see docs/I18N.md before relying on it.
 */
export const so: ShellMessages = {
  ...common,
  ...onboarding,
  ...alerts,
  ...reports,
  ...respond,
  ...settings,
  ...trust,
};
