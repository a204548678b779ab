import 'i18next';
import type { Translatable } from '../locales/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translatable };
  }
}
