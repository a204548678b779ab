import { lazy, Suspense } from 'react';
import { Outlet } from 'react-router';
import { useSession } from '../features/session/session-provider';
import { Loading } from '../ui/loading';

const WelcomePage = lazy(() =>
  import('../features/session/welcome-page').then((m) => ({ default: m.WelcomePage })),
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
