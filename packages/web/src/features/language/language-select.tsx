import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../lib/api';
import {
  currentLanguage,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  setLanguage,
} from '../../lib/i18n';

/**
 * Switches the language at once (no reload). Signed in, the choice is also saved on the account
 * so it follows the member to another phone.
 */
export function LanguageSelect({ saveToAccount = false }: { saveToAccount?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value =
    i18n.resolvedLanguage && isLanguage(i18n.resolvedLanguage)
      ? i18n.resolvedLanguage
      : currentLanguage();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={value}
        data-testid="language-select"
        onChange={(event) => {
          const next = event.target.value;
          if (!isLanguage(next)) return;
          void setLanguage(next);
          if (saveToAccount) void endpoints.updateMe({ language: next }).catch(() => undefined);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
