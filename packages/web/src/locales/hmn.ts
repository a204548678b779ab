import type { ShellMessages } from './en';
import { common } from './hmn/common';
import { alerts } from './hmn/alerts';
import { reports } from './hmn/reports';
import { respond } from './hmn/respond';
import { settings } from './hmn/settings';

/**
 * Hmong (White Hmong, RPA spelling). A DRAFT for every string of the member flows, not yet
 * reviewed by a native speaker: see docs/I18N.md before relying on it.
 */
export const hmn: ShellMessages = {
  ...common,
  ...alerts,
  ...reports,
  ...respond,
  ...settings,
};
