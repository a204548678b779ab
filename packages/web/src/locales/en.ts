import { common } from './en/common';
import { alerts } from './en/alerts';
import { reports } from './en/reports';
import { respond } from './en/respond';
import { settings } from './en/settings';
import type { assemblies } from './en/assemblies';
import type { bulletin } from './en/bulletin';
import type { charts } from './en/charts';
import type { community } from './en/community';
import type { council } from './en/council';
import type { dispatch } from './en/dispatch';
import type { elections } from './en/elections';
import type { incidents } from './en/incidents';
import type { onboarding } from './en/onboarding';
import type { organize } from './en/organize';
import type { pledges } from './en/pledges';
import type { photos } from './en/photos';
import type { trust } from './en/trust';
import type { account } from './en/account';

/**
 * English strings of the shell: the home screen and the rapid-response half. They ship in the
 * startup chunk, as the fallback of every language. The organizing half's strings, and those of
 * screens off the home screen's path (joining, devices, vouching, an incident's page, the
 * dispatcher console and plate checks), are parts, loaded with the
 * screens that use them (`STRING_PARTS`, `lib/i18n.ts`).
 */
export const en = {
  ...common,
  ...alerts,
  ...reports,
  ...respond,
  ...settings,
};

/** Each part's English strings, by the part's name: the module `./<lang>/<part>.ts` exports it. */
export interface EnglishParts {
  assemblies: typeof assemblies;
  bulletin: typeof bulletin;
  community: typeof community;
  council: typeof council;
  dispatch: typeof dispatch;
  elections: typeof elections;
  incidents: typeof incidents;
  onboarding: typeof onboarding;
  organize: typeof organize;
  pledges: typeof pledges;
  trust: typeof trust;
  /** Loaded by the photo code itself, not by a route (features/report/photo-strings.ts). */
  photos: typeof photos;
  /** Loaded by the account tools of settings (features/settings/account-tools.tsx). */
  account: typeof account;
}

export type StringPart = keyof EnglishParts;

type Union<T> = (T extends unknown ? (x: T) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Every English string: the shell and all parts, as i18next's types see them. */
export type English = typeof en & Union<EnglishParts[StringPart]>;

/** What i18next may look up: the strings above and those the organizers' charts bring along. */
export type Translatable = English & typeof charts;

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every locale must have: the English keys, each a string. */
export type Messages = Strings<English>;

/** The shape of a locale's shell: the keys of `en`. */
export type ShellMessages = Strings<typeof en>;
