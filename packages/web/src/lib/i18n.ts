import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from '../locales/en';

export const LANGUAGES = ['en', 'es', 'so', 'hmn'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, shown the same whatever the current language. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  so: 'Soomaali',
  hmn: 'Hmoob',
};

const STORAGE_KEY = 'tocsin.lang';

// English ships with the app (it is the fallback); the others load when chosen.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<Messages>> = {
  es: () => import('../locales/es').then((m) => m.es),
  so: () => import('../locales/so').then((m) => m.so),
  hmn: () => import('../locales/hmn').then((m) => m.hmn),
};

const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = (loaders as Partial<Record<string, () => Promise<Messages>>>)[language];
    if (!load) {
      callback(null, language === 'en' ? en : {});
      return;
    }
    load().then(
      (messages) => callback(null, messages as ResourceKey),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language among the candidates (a tag like `es-MX` counts as `es`). */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const lower = candidate.toLowerCase();
    if (isLanguage(lower)) return lower;
    const base = lower.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The language chosen on this phone, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = 'ltr';
}

/** Starts i18next in the given language; resolves once its strings are loaded. */
export async function initI18n(language: Language): Promise<void> {
  await i18next
    .use(backend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      returnNull: false,
    });
  applyToDocument(language);
}

/** Switches the language now, without a reload, and remembers it on this phone. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage full: the choice lasts until the page closes.
  }
  await i18next.changeLanguage(language);
  applyToDocument(language);
}

/** The current language as one of ours. */
export function currentLanguage(): Language {
  return pickLanguage([i18next.resolvedLanguage, i18next.language]);
}
