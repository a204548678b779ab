import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './use-page-title';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('app.notFound'));
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('app.notFound')}</h1>
      <Link className="button" to="/">
        {t('app.goHome')}
      </Link>
    </section>
  );
}
