import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import {
  currentLanguage,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  setLanguage,
} from '../../lib/i18n';
import { AreaPicker } from '../areas/area-picker';
import { useAreas } from '../areas/use-areas';
import { useSession } from '../session/session-provider';

/** Step 3: language and the neighborhoods to get alerts for; then `onDone` (the offer, or home). */
export function PreferencesStep({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { signedIn, city: cityInfo } = useSession();
  const { city, places, error: areasError } = useAreas();
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : currentLanguage();

  const finish = async (save: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await endpoints.updateMe({ language });
      if (save) {
        await endpoints.saveAlertPreferences({
          areaIds,
          places: [],
          radiusMeters: cityInfo?.defaultAlertRadiusMeters ?? 1000,
          minLevel: 'unconfirmed',
        });
      }
      await signedIn();
      onDone();
    } catch (caught) {
      setError(describeError(caught, t));
      setBusy(false);
    }
  };

  return (
    <>
      <h1 id="join-title" tabIndex={-1}>
        {t('join.prefsTitle')}
      </h1>
      <p>{t('join.prefsIntro')}</p>
      <fieldset className="choices">
        <legend>{t('language.label')}</legend>
        {LANGUAGES.map((option) => (
          <label key={option} className="check" lang={option}>
            <input
              type="radio"
              name="language"
              value={option}
              checked={language === option}
              onChange={() => void setLanguage(option)}
            />
            <span>{LANGUAGE_NAMES[option]}</span>
          </label>
        ))}
      </fieldset>
      {areasError ? <p className="notice notice--error">{describeError(areasError, t)}</p> : null}
      <AreaPicker city={city} places={places} selected={areaIds} onChange={setAreaIds} />
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions actions--sticky">
        <button
          type="button"
          className="button button--primary button--large"
          disabled={busy}
          onClick={() => void finish(true)}
        >
          {t('join.finish')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy}
          onClick={() => void finish(false)}
        >
          {t('join.skip')}
        </button>
      </div>
    </>
  );
}
