import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { AlertBanner } from '../features/alerts/alert-banner';
import { TakeoverSlot } from '../features/alerts/takeover-slot';
import { DispatchBanner } from '../features/respond/dispatch-banner';
import { useSession } from '../features/session/session-provider';
import { BottomNav } from './bottom-nav';
import { ConnectionStatus } from './connection-status';
import { UpdatePrompt } from './update-prompt';
import { WipedScreen } from './wiped-screen';

/** The frame of every screen: header, live banner, the screen, the bottom navigation. */
export function Layout() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigation = useNavigation();
  const location = useLocation();
  const first = useRef(true);

  // After a client-side navigation, move focus to the new screen's heading, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(() => {
      document.querySelector<HTMLElement>('main h1')?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [location.pathname]);

  if (session.status === 'wiped') return <WipedScreen done={session.done} />;
  const member = session.status === 'member';
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__name">
          {t('app.name')}
        </Link>
        {member ? <ConnectionStatus /> : null}
      </header>
      <UpdatePrompt />
      {member ? <DispatchBanner /> : null}
      {member ? <AlertBanner /> : null}
      <main id="main" className="app-main" aria-busy={navigation.state === 'loading'}>
        {navigation.state === 'loading' ? <div className="progress" aria-hidden="true" /> : null}
        <Outlet />
      </main>
      {member ? <BottomNav /> : null}
      {member ? <TakeoverSlot /> : null}
    </div>
  );
}
