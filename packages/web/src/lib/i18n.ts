import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type ShellMessages, type StringPart } from '../locales/en';

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

// The shell's English ships with the app (it is the fallback); the others load when chosen.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<ShellMessages>> = {
  es: () => import('../locales/es').then((m) => m.es),
  so: () => import('../locales/so').then((m) => m.so),
  hmn: () => import('../locales/hmn').then((m) => m.hmn),
};

const backend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = (loaders as Partial<Record<string, () => Promise<ShellMessages>>>)[language];
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

/**
 * The strings screens load with them, one chunk per language and part (see `locales/en.ts`): the
 * organizing half's, and those of the screens off the home screen's path.
 */
export const STRING_PARTS = [
  'assemblies',
  'bulletin',
  'community',
  'council',
  'dispatch',
  'elections',
  'incidents',
  'onboarding',
  'organize',
  'pledges',
  'trust',
] as const satisfies readonly StringPart[];

const partModules = import.meta.glob<Record<string, ResourceKey>>(
  '../locales/*/{assemblies,bulletin,community,council,dispatch,elections,incidents,onboarding,organize,pledges,trust}.ts',
);

/** The parts some screen has asked for: a language switch loads them before it switches. */
const wanted = new Set<StringPart>();

// The router starts loading the first screen as its module loads, before `initI18n` has run:
// the language to load parts in is known only once i18next has started.
let started: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  started = resolve;
});
const loaded = new Map<string, Promise<void>>();

function loadPart(language: Language, part: StringPart): Promise<void> {
  const key = `${language}/${part}`;
  let done = loaded.get(key);
  if (!done) {
    const load = partModules[`../locales/${key}.ts`];
    if (!load) return Promise.reject(new Error(`no strings ${key}`));
    done = load().then((module) => {
      const strings = module[part];
      if (!strings) throw new Error(`locales/${key}.ts exports no ${part}`);
      i18next.addResourceBundle(language, 'translation', strings, true, false);
    });
    // A failed load (offline before the service worker had the chunk) may be tried again.
    done.catch(() => loaded.delete(key));
    loaded.set(key, done);
  }
  return done;
}

/**
 * Loads the strings of the given parts in the current language; a screen's route waits for them
 * with its code, so the screen never shows a key. English, the fallback, comes too.
 */
export async function loadStrings(...parts: StringPart[]): Promise<void> {
  for (const part of parts) wanted.add(part);
  await ready;
  const languages = new Set<Language>([currentLanguage(), 'en']);
  await Promise.all([...languages].flatMap((language) => parts.map((p) => loadPart(language, p))));
}

/** A screen's module, once it and the strings it needs are both loaded (fetched side by side). */
export async function withStrings<T>(screen: Promise<T>, ...parts: StringPart[]): Promise<T> {
  const [module] = await Promise.all([screen, loadStrings(...parts)]);
  return module;
}

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
  started();
}

/** Switches the language now, without a reload, and remembers it on this phone. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage full: the choice lasts until the page closes.
  }
  // The shell first: i18next asks the backend for a language only while it holds none of its
  // strings, so a part added before would keep the shell from ever loading (the screen would
  // switch to the language's parts and English for the rest).
  if (!i18next.hasResourceBundle(language, 'translation')) {
    await i18next.reloadResources(language);
    if (!i18next.hasResourceBundle(language, 'translation')) {
      throw new Error(`the ${language} strings did not load`);
    }
  }
  // The parts the open screens use, in the new language, before it shows.
  await Promise.all([...wanted].map((part) => loadPart(language, part)));
  await i18next.changeLanguage(language);
  applyToDocument(language);
}

/** The current language as one of ours. */
export function currentLanguage(): Language {
  return pickLanguage([i18next.resolvedLanguage, i18next.language]);
}
