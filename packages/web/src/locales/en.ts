import { common } from './en/common';
import { onboarding } from './en/onboarding';
import { alerts } from './en/alerts';
import { reports } from './en/reports';
import { respond } from './en/respond';
import { organize } from './en/organize';
import { settings } from './en/settings';
import { trust } from './en/trust';
import { assemblies } from './en/assemblies';
import { pledges } from './en/pledges';
import { elections } from './en/elections';
import { community } from './en/community';

/** English: the source language. Every other locale has exactly these keys (see Messages). */
export const en = {
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

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every locale must have: the English keys, each a string. */
export type Messages = Strings<typeof en>;
