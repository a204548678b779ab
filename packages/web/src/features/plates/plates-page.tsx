import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/use-page-title';
import { useMe } from '../session/session-provider';
import { PlateCheck } from './plate-check';

/** Plate check: is a vehicle on the list of plates seen at confirmed incidents? */
export function PlatesPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('plates.title'));
  return (
    <section className="page" aria-labelledby="plates-title">
      <h1 id="plates-title" tabIndex={-1}>
        {t('plates.title')}
      </h1>
      <p>{t('plates.intro')}</p>
      {me.status === 'active' ? (
        <PlateCheck />
      ) : (
        // The server refuses members on probation: explain rather than offer a form that fails.
        <div className="notice notice--info" data-testid="plates-closed">
          <h2>{t('plates.closedTitle')}</h2>
          <p>{me.status === 'probation' ? t('plates.probation') : t('plates.suspended')}</p>
        </div>
      )}
    </section>
  );
}
