import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolled } from '@tocsin/core/api/auth';
import { RecoveryCodeList } from './recovery-code-list';
import './join.css';

/** Step 2: the ten recovery codes, shown once; going on needs an explicit "I saved these". */
export function RecoveryCodesStep({
  enrolled,
  onDone,
}: {
  enrolled: Enrolled;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [saved, setSaved] = useState(false);

  return (
    <>
      <p className="notice notice--ok" role="status">
        {t('join.created', { handle: enrolled.member.handle })}
      </p>
      <h1 id="join-title" tabIndex={-1}>
        {t('join.codesTitle')}
      </h1>
      <p>{t('join.codesIntro')}</p>
      <p>
        <strong>{t('join.codesAdvice')}</strong>
      </p>
      <p>{t('join.codesHandle', { handle: enrolled.member.handle })}</p>
      <h2 id={listId} className="visually-hidden">
        {t('join.codesLabel')}
      </h2>
      <RecoveryCodeList
        handle={enrolled.member.handle}
        codes={enrolled.recoveryCodes}
        labelId={listId}
      />
      <label className="check check--strong">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <span>{t('join.saved')}</span>
      </label>
      <button
        type="button"
        className="button button--primary button--large"
        disabled={!saved}
        onClick={onDone}
      >
        {t('join.continue')}
      </button>
    </>
  );
}
