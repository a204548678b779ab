import type { ShellMessages } from './en';
import { common } from './so/common';
import { alerts } from './so/alerts';
import { reports } from './so/reports';
import { respond } from './so/respond';
import { settings } from './so/settings';

/**
 * Somali. A DRAFT for every string of the member flows, not yet reviewed by a native speaker:
 * see docs/I18N.md before relying on it.
 */
export const so: ShellMessages = {
  ...common,
  ...alerts,
  ...reports,
  ...respond,
  ...settings,
};
