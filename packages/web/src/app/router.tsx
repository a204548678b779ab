import { createBrowserRouter } from 'react-router';
import { Layout } from './layout';
import { Loading } from '../ui/loading';
import { MemberOnly } from './member-only';
import { RouteError } from './route-error';

// Every screen is its own chunk: the first load carries only the shell and the current screen.
export const router = createBrowserRouter([
  {
    // The projector: the whole screen, without the app's header and navigation.
    path: '/meetings/:id/screen',
    Component: MemberOnly,
    ErrorBoundary: RouteError,
    HydrateFallback: Loading,
    children: [
      {
        index: true,
        lazy: () =>
          import('../features/assemblies/screen-page').then((m) => ({ Component: m.ScreenPage })),
      },
    ],
  },
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
            path: 'together',
            lazy: () =>
              import('../features/together/together-page').then((m) => ({
                Component: m.TogetherPage,
              })),
          },
          {
            path: 'meetings',
            lazy: () =>
              import('../features/assemblies/bodies-page').then((m) => ({
                Component: m.BodiesPage,
              })),
          },
          {
            path: 'bodies/:bodyId/elections',
            lazy: () =>
              import('../features/elections/elections-page').then((m) => ({
                Component: m.ElectionsPage,
              })),
          },
          {
            path: 'elections/:id',
            lazy: () =>
              import('../features/elections/election-page').then((m) => ({
                Component: m.ElectionPage,
              })),
          },
          {
            path: 'meetings/:id',
            lazy: () =>
              import('../features/assemblies/meeting-page').then((m) => ({
                Component: m.MeetingPage,
              })),
          },
          {
            // Laptop-first, like the organizer pages: its own chunk.
            path: 'meetings/:id/console',
            lazy: () =>
              import('../features/assemblies/console-page').then((m) => ({
                Component: m.ConsolePage,
              })),
          },
          {
            path: 'meetings/:id/minutes',
            lazy: () =>
              import('../features/assemblies/minutes-page').then((m) => ({
                Component: m.MinutesPage,
              })),
          },
          {
            path: 'bodies/:bodyId/decisions',
            lazy: () =>
              import('../features/assemblies/decisions-page').then((m) => ({
                Component: m.DecisionsPage,
              })),
          },
          {
            path: 'campaigns',
            lazy: () =>
              import('../features/pledges/campaigns-page').then((m) => ({
                Component: m.CampaignsPage,
              })),
          },
          {
            path: 'campaigns/:id',
            lazy: () =>
              import('../features/pledges/campaign-page').then((m) => ({
                Component: m.CampaignPage,
              })),
          },
          {
            path: 'workplaces/:id',
            lazy: () =>
              import('../features/pledges/workplace-page').then((m) => ({
                Component: m.WorkplacePage,
              })),
          },
          {
            path: 'workplaces/:id/join',
            lazy: () =>
              import('../features/pledges/join-workplace-page').then((m) => ({
                Component: m.JoinWorkplacePage,
              })),
          },
          {
            path: 'canvass',
            lazy: () =>
              import('../features/canvassing/canvass-page').then((m) => ({
                Component: m.CanvassPage,
              })),
          },
          {
            path: 'canvass/map',
            lazy: () =>
              import('../features/canvassing/coverage-page').then((m) => ({
                Component: m.CoveragePage,
              })),
          },
          {
            path: 'canvass/turfs/:id',
            lazy: () =>
              import('../features/canvassing/turf-page').then((m) => ({
                Component: m.TurfPage,
              })),
          },
          {
            path: 'aid',
            lazy: () =>
              import('../features/mutual-aid/aid-page').then((m) => ({ Component: m.AidPage })),
          },
          {
            path: 'aid/matches/:id',
            lazy: () =>
              import('../features/mutual-aid/match-page').then((m) => ({
                Component: m.MatchPage,
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
