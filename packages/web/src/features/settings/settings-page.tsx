import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import { withStrings } from '../../lib/i18n';
import { LanguageSelect } from '../language/language-select';
import { NotificationPrompt } from '../home/notification-prompt';
import { useMe } from '../session/session-provider';
import { AlertSettings } from './alert-settings';
import { AlertSoundToggle } from './alert-sound-toggle';
import { PanicWipe } from './panic-wipe';
import { PushToggle } from './push-toggle';
import { SessionsSection } from './sessions-section';

// The account tools (display name, new recovery codes, passkeys, neighborhoods) and their
// strings load after the page. The new recovery codes are shown as joining shows them, in the
// join screen's words (the `onboarding` part).
const AccountName = lazy(() => import('./account-tools').then((m) => ({ default: m.AccountName })));
const AccountCodes = lazy(() =>
  withStrings(import('./account-tools'), 'onboarding').then((m) => ({ default: m.AccountCodes })),
);
const AccountPasskeys = lazy(() =>
  import('./account-tools').then((m) => ({ default: m.AccountPasskeys })),
);
const AccountNeighborhoods = lazy(() =>
  import('./account-tools').then((m) => ({ default: m.AccountNeighborhoods })),
);

/** Settings: language, alerts, devices, and the panic wipe. */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('settings.title'));
  const status =
    me.status === 'active'
      ? t('settings.statusActive')
      : me.status === 'probation'
        ? t('settings.statusProbation')
        : t('settings.statusSuspended');
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <section className="card" aria-labelledby="account-title">
        <h2 id="account-title">{t('settings.account')}</h2>
        <p>{t('settings.handle', { handle: me.handle })}</p>
        <p className="hint">{status}</p>
        <Suspense fallback={null}>
          <AccountName />
        </Suspense>
        <p>
          <Link to="/vouch">{t('vouch.link')}</Link>
        </p>
        <p>
          <Link to="/settings/devices">{t('devices.link')}</Link>
        </p>
        <LanguageSelect saveToAccount />
      </section>
      <Suspense fallback={null}>
        <AccountNeighborhoods />
      </Suspense>
      <AlertSettings />
      <section className="card" aria-labelledby="notifications-title">
        <h2 id="notifications-title">{t('settings.notifications')}</h2>
        <NotificationPrompt showWhenOn />
        <AlertSoundToggle />
        <PushToggle />
        <p>
          <Link to="/digest#settings">{t('settings.digestLink')}</Link>
        </p>
      </section>
      <SessionsSection />
      <Suspense fallback={null}>
        <AccountPasskeys />
      </Suspense>
      <Suspense fallback={null}>
        <AccountCodes />
      </Suspense>
      <PanicWipe />
    </section>
  );
}
