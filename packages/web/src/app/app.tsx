import { RouterProvider } from 'react-router';
import { AlertsProvider } from '../features/alerts/alerts-provider';
import { SessionProvider } from '../features/session/session-provider';
import { router } from './router';
import { ServicesProvider, type Services } from './services';

/** The app: services, session, live alerts, and the routes. */
export function App({ services }: { services: Services }) {
  return (
    <ServicesProvider services={services}>
      <SessionProvider>
        <AlertsProvider>
          <RouterProvider router={router} />
        </AlertsProvider>
      </SessionProvider>
    </ServicesProvider>
  );
}
