import type { Messages } from './en';
import { common } from './hmn/common';
import { onboarding } from './hmn/onboarding';
import { alerts } from './hmn/alerts';
import { reports } from './hmn/reports';
import { respond } from './hmn/respond';
import { organize } from './hmn/organize';
import { settings } from './hmn/settings';
import { trust } from './hmn/trust';
import { assemblies } from './hmn/assemblies';
import { pledges } from './hmn/pledges';
import { elections } from './hmn/elections';
import { community } from './hmn/community';

/**
 * Hmong (White Hmong, RPA spelling). A DRAFT for every string of the member flows, not yet
 * reviewed by a native speaker: see docs/I18N.md before relying on it.
 */
export const hmn: Messages = {
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
