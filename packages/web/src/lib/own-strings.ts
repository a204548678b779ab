import i18next, { type ResourceKey } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n';

type Modules = Record<string, () => Promise<Record<string, ResourceKey>>>;

/**
 * Strings a lazily loaded feature brings in itself (photos, account tools), rather than a route:
 * `modules` is the feature's `import.meta.glob` of `locales/<lang>/<part>.ts`, so the map of
 * chunks lives in the feature's code and the start-up chunk carries nothing of it. Only import
 * this from code that loads lazily.
 */
export function ownStrings(modules: Modules, part: string) {
  const loaded = new Map<string, Promise<void>>();
  const load = (language: string): Promise<void> => {
    let done = loaded.get(language);
    if (!done) {
      const found = Object.entries(modules).find(([path]) =>
        path.endsWith(`/${language}/${part}.ts`),
      );
      done = found
        ? found[1]().then((m) => {
            const strings = m[part];
            if (strings) i18next.addResourceBundle(language, 'translation', strings, true, false);
          })
        : Promise.resolve();
      // Offline before the service worker had the chunk: a later try may work.
      done.catch(() => loaded.delete(language));
      loaded.set(language, done);
    }
    return done;
  };

  /** Loads the part in the current language and English (the fallback). */
  const loadStrings = async (): Promise<void> => {
    await Promise.all([...new Set(['en', currentLanguage()])].map(load));
  };

  /** Whether the part is in for the current language; loads it again on a language change. */
  const useStrings = (): boolean => {
    const { i18n } = useTranslation();
    const language = i18n.language;
    const [ready, setReady] = useState<string | null>(null);
    useEffect(() => {
      let live = true;
      const done = () => {
        if (live) setReady(language);
      };
      loadStrings().then(done, done);
      return () => {
        live = false;
      };
    }, [language]);
    return ready === language;
  };

  return { loadStrings, useStrings };
}
