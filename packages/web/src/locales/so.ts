import type { Messages } from './en';
import { common } from './so/common';
import { onboarding } from './so/onboarding';
import { alerts } from './so/alerts';
import { reports } from './so/reports';
import { respond } from './so/respond';
import { organize } from './so/organize';
import { settings } from './so/settings';
import { trust } from './so/trust';
import { assemblies } from './so/assemblies';
import { pledges } from './so/pledges';
import { elections } from './so/elections';
import { community } from './so/community';

/**
 * Somali. A DRAFT for every string of the member flows, not yet reviewed by a native speaker:
 * see docs/I18N.md before relying on it.
 */
export const so: Messages = {
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
