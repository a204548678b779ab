import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import { useSession } from '../session/session-provider';
import type { Enrolled } from '@tocsin/core/api/auth';
import { CreateAccountStep } from './create-account-step';
import { shouldOfferNotifications } from './notify-offer';
import { NotifyOfferStep } from './notify-offer-step';
import { PreferencesStep } from './preferences-step';
import { RecoveryCodesStep } from './recovery-codes-step';
import './join.css';

const INVITE_KEY = 'tocsin.invite';

/**
 * Reads the invite code from the link's fragment (it never reaches a server log) and takes it
 * out of the address bar and history; it is kept for this tab only until the account exists.
 */
function takeInviteCode(): string {
  const fromHash = window.location.hash.replace(/^#/, '').trim();
  if (fromHash) {
    sessionStorage.setItem(INVITE_KEY, fromHash);
    window.history.replaceState(window.history.state, '', window.location.pathname);
    return fromHash;
  }
  return sessionStorage.getItem(INVITE_KEY) ?? '';
}

type Step =
  | { name: 'create' }
  | { name: 'codes'; enrolled: Enrolled }
  | { name: 'prefs' }
  | { name: 'notify' };

/**
 * Join: create the account, save the recovery codes, choose language and alert areas; then,
 * once per phone, an offer of notifications (or not now).
 */
export function JoinPage() {
  const { t } = useTranslation();
  const [invite] = useState(takeInviteCode);
  const [step, setStep] = useState<Step>({ name: 'create' });
  const { session } = useSession();
  const navigate = useNavigate();
  usePageTitle(t('join.title'));

  useEffect(() => {
    if (step.name !== 'create') sessionStorage.removeItem(INVITE_KEY);
  }, [step.name]);

  // A second account on this phone would replace its key: a signed-in member goes home instead.
  if (session.status === 'member' && step.name === 'create') {
    return (
      <section className="page" aria-labelledby="join-title">
        <h1 id="join-title" tabIndex={-1}>
          {t('join.title')}
        </h1>
        <p className="notice notice--info">{t('join.signedIn')}</p>
        <Link className="button button--primary" to="/">
          {t('app.goHome')}
        </Link>
      </section>
    );
  }

  const home = () => void navigate('/');
  const afterPrefs = async () => {
    if (await shouldOfferNotifications()) setStep({ name: 'notify' });
    else home();
  };

  const number = step.name === 'create' ? 1 : step.name === 'codes' ? 2 : 3;
  return (
    <section className="page" aria-labelledby="join-title">
      {step.name === 'notify' ? null : (
        <p className="step" data-testid="join-step">
          {t('join.step', { step: number })}
        </p>
      )}
      {step.name === 'create' ? (
        <CreateAccountStep
          invite={invite}
          onCreated={(enrolled) => setStep({ name: 'codes', enrolled })}
        />
      ) : null}
      {step.name === 'codes' ? (
        <RecoveryCodesStep enrolled={step.enrolled} onDone={() => setStep({ name: 'prefs' })} />
      ) : null}
      {step.name === 'prefs' ? <PreferencesStep onDone={() => void afterPrefs()} /> : null}
      {step.name === 'notify' ? <NotifyOfferStep onDone={home} /> : null}
    </section>
  );
}
