import i18next, { type ResourceKey } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../lib/i18n';

// The photo strings of every language, each its own chunk: the map lives here, in the photo
// code, so the start-up chunk carries nothing of it.
const modules = import.meta.glob<{ photos: ResourceKey }>('../../locales/*/photos.ts');
const loaded = new Map<string, Promise<void>>();

function load(language: string): Promise<void> {
  let done = loaded.get(language);
  if (!done) {
    const importer = modules[`../../locales/${language}/photos.ts`];
    done = importer
      ? importer().then((m) => {
          i18next.addResourceBundle(language, 'translation', m.photos, true, false);
        })
      : Promise.resolve();
    // Offline before the service worker had the chunk: a later try may work.
    done.catch(() => loaded.delete(language));
    loaded.set(language, done);
  }
  return done;
}

/** Loads the photo strings in the current language and English (the fallback). */
export async function loadPhotoStrings(): Promise<void> {
  await Promise.all([...new Set(['en', currentLanguage()])].map(load));
}

/** Whether the photo strings of the current language are in; loads them on a language change. */
export function usePhotoStrings(): boolean {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadPhotoStrings().then(
      () => live && setReady(language),
      () => live && setReady(language),
    );
    return () => {
      live = false;
    };
  }, [language]);
  return ready === language;
}
