import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import { useAction } from '../organizer/use-action';
import './pledges.css';
import { pledgesApi } from '../../lib/api/organizing/pledges';

/** The page a workplace link opens: the member says they work there; an organizer confirms. */
export function JoinWorkplacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('pledges.join.title'));
  const [done, setDone] = useState(false);
  const action = useAction();
  return (
    <div className="pledges">
      <h1 tabIndex={-1}>{t('pledges.join.title')}</h1>
      <p>{t('pledges.join.body')}</p>
      {done ? (
        <p className="notice notice--info" role="status">
          {t('pledges.join.done')}
        </p>
      ) : (
        <button
          type="button"
          className="button button--primary button--large"
          disabled={action.busy}
          onClick={() =>
            void action.run(async () => {
              await pledgesApi.declareWorkplace(id);
              setDone(true);
            })
          }
        >
          {t('pledges.join.action')}
        </button>
      )}
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
    </div>
  );
}
