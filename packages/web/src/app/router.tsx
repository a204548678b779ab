import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { Loading } from '../ui/loading';
import { MemberOnly } from './member-only';
import { RouteError } from './route-error';

// Every screen is its own chunk: the first load carries only the shell and the current screen.
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    HydrateFallback: Loading,
    children: [
      {
        Component: MemberOnly,
        children: [
          {
            index: true,
            lazy: () =>
              import('../features/home/home-page').then((m) => ({ Component: m.HomePage })),
          },
          {
            path: 'report',
            lazy: () =>
              import('../features/report/report-page').then((m) => ({ Component: m.ReportPage })),
          },
          {
            path: 'incidents/:id',
            lazy: () =>
              import('../features/incidents/incident-page').then((m) => ({
                Component: m.IncidentPage,
              })),
          },
          {
            path: 'respond',
            lazy: () =>
              import('../features/respond/respond-page').then((m) => ({
                Component: m.RespondPage,
              })),
          },
          {
            path: 'dispatch',
            lazy: () =>
              import('../features/dispatch/dispatch-page').then((m) => ({
                Component: m.DispatchPage,
              })),
          },
          {
            path: 'plates',
            lazy: () =>
              import('../features/plates/plates-page').then((m) => ({ Component: m.PlatesPage })),
          },
          {
            // Laptop-first pages for organizers: their own chunk, never in a member's first load.
            path: 'organize/:section?',
            lazy: () =>
              import('../features/organizer/organizer-page').then((m) => ({
                Component: m.OrganizerPage,
              })),
          },
          {
            path: 'settings',
            lazy: () =>
              import('../features/settings/settings-page').then((m) => ({
                Component: m.SettingsPage,
              })),
          },
          {
            path: 'settings/devices',
            lazy: () =>
              import('../features/settings/devices-page').then((m) => ({
                Component: m.DevicesPage,
              })),
          },
          {
            path: 'vouch',
            lazy: () =>
              import('../features/vouch/vouch-page').then((m) => ({ Component: m.VouchPage })),
          },
        ],
      },
      {
        path: 'join',
        lazy: () => import('../features/join/join-page').then((m) => ({ Component: m.JoinPage })),
      },
      {
        path: 'login',
        lazy: () =>
          import('../features/session/welcome-page').then((m) => ({ Component: m.WelcomePage })),
      },
      { path: '*', lazy: () => import('./not-found').then((m) => ({ Component: m.NotFound })) },
    ],
  },
]);
