import { useTranslation } from 'react-i18next';

/** Shown while a screen's code or data loads. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
