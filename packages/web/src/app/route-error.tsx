import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A screen that crashed, or whose code could not load (offline before the app was saved). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : '';
  return (
    <main id="main" className="page">
      <h1>{t('app.crashed')}</h1>
      {detail ? <p className="muted">{detail}</p> : null}
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </main>
  );
}
