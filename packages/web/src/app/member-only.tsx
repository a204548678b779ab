import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import { useSession } from '../features/session/session-provider';
import { withStrings } from '../lib/i18n';
import { Loading } from '../ui/loading';

// Its strings (the `onboarding` part) load with it, as on its own route (/login).
const WelcomePage = lazy(() =>
  withStrings(import('../features/session/welcome-page'), 'onboarding').then((m) => ({
    default: m.WelcomePage,
  })),
);

/** Screens for members: logged out, the welcome screen (log in or recover) takes their place. */
export function MemberOnly() {
  const { session } = useSession();
  if (session.status === 'loading') return <Loading />;
  if (session.status !== 'member') {
    return (
      <Suspense fallback={<Loading />}>
        <WelcomePage />
      </Suspense>
    );
  }
  return <Outlet />;
}
