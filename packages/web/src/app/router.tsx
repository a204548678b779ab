import { createBrowserRouter } from 'react-router';
import { withStrings } from '../lib/i18n';
import { Layout } from './layout';
import { Loading } from '../ui/loading';
import { MemberOnly } from './member-only';
import { RouteError } from './route-error';

// Every screen is its own chunk: the first load carries only the shell and the current screen.
// A screen of the organizing half names the string parts it uses; its route loads them with it.
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
          withStrings(import('../features/assemblies/screen-page'), 'assemblies').then((m) => ({
            Component: m.ScreenPage,
          })),
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
              withStrings(
                import('../features/incidents/incident-page'),
                'incidents',
                'dispatch',
              ).then((m) => ({
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
              withStrings(
                import('../features/dispatch/dispatch-page'),
                'dispatch',
                'incidents',
              ).then((m) => ({
                Component: m.DispatchPage,
              })),
          },
          {
            path: 'plates',
            lazy: () =>
              withStrings(import('../features/plates/plates-page'), 'dispatch').then((m) => ({
                Component: m.PlatesPage,
              })),
          },
          {
            // Laptop-first pages for organizers: their own chunk, never in a member's first load.
            path: 'organize/:section?',
            lazy: () =>
              withStrings(import('../features/organizer/organizer-page'), 'organize').then((m) => ({
                Component: m.OrganizerPage,
              })),
          },
          {
            path: 'together',
            lazy: () =>
              withStrings(
                import('../features/together/together-page'),
                'bulletin',
                'community',
                'council',
                'pledges',
              ).then((m) => ({
                Component: m.TogetherPage,
              })),
          },
          {
            path: 'bulletin',
            lazy: () =>
              withStrings(import('../features/bulletin/bulletin-page'), 'bulletin').then((m) => ({
                Component: m.BulletinPage,
              })),
          },
          {
            path: 'digest',
            lazy: () =>
              withStrings(import('../features/bulletin/digest-page'), 'bulletin').then((m) => ({
                Component: m.DigestPage,
              })),
          },
          {
            path: 'events',
            lazy: () =>
              withStrings(import('../features/bulletin/events-page'), 'bulletin').then((m) => ({
                Component: m.EventsPage,
              })),
          },
          {
            path: 'events/:id',
            lazy: () =>
              withStrings(import('../features/bulletin/event-page'), 'bulletin').then((m) => ({
                Component: m.EventPage,
              })),
          },
          {
            path: 'meetings',
            lazy: () =>
              withStrings(
                import('../features/assemblies/bodies-page'),
                'assemblies',
                'elections',
              ).then((m) => ({
                Component: m.BodiesPage,
              })),
          },
          {
            path: 'bodies/:bodyId/elections',
            lazy: () =>
              withStrings(import('../features/elections/elections-page'), 'elections').then(
                (m) => ({
                  Component: m.ElectionsPage,
                }),
              ),
          },
          {
            path: 'council',
            lazy: () =>
              withStrings(import('../features/council/council-page'), 'council').then((m) => ({
                Component: m.CouncilPage,
              })),
          },
          {
            path: 'bodies/:bodyId/mandates',
            lazy: () =>
              withStrings(import('../features/council/mandates-page'), 'council').then((m) => ({
                Component: m.MandatesPage,
              })),
          },
          {
            path: 'elections/:id',
            lazy: () =>
              withStrings(import('../features/elections/election-page'), 'elections').then((m) => ({
                Component: m.ElectionPage,
              })),
          },
          {
            path: 'meetings/:id',
            lazy: () =>
              withStrings(import('../features/assemblies/meeting-page'), 'assemblies').then(
                (m) => ({
                  Component: m.MeetingPage,
                }),
              ),
          },
          {
            // Laptop-first, like the organizer pages: its own chunk.
            path: 'meetings/:id/console',
            lazy: () =>
              withStrings(import('../features/assemblies/console-page'), 'assemblies').then(
                (m) => ({
                  Component: m.ConsolePage,
                }),
              ),
          },
          {
            path: 'meetings/:id/minutes',
            lazy: () =>
              withStrings(import('../features/assemblies/minutes-page'), 'assemblies').then(
                (m) => ({
                  Component: m.MinutesPage,
                }),
              ),
          },
          {
            path: 'bodies/:bodyId/decisions',
            lazy: () =>
              withStrings(import('../features/assemblies/decisions-page'), 'assemblies').then(
                (m) => ({
                  Component: m.DecisionsPage,
                }),
              ),
          },
          {
            path: 'campaigns',
            lazy: () =>
              withStrings(import('../features/pledges/campaigns-page'), 'pledges').then((m) => ({
                Component: m.CampaignsPage,
              })),
          },
          {
            path: 'campaigns/:id',
            lazy: () =>
              withStrings(import('../features/pledges/campaign-page'), 'pledges').then((m) => ({
                Component: m.CampaignPage,
              })),
          },
          {
            path: 'workplaces/:id',
            lazy: () =>
              withStrings(import('../features/pledges/workplace-page'), 'pledges').then((m) => ({
                Component: m.WorkplacePage,
              })),
          },
          {
            path: 'workplaces/:id/join',
            lazy: () =>
              withStrings(import('../features/pledges/join-workplace-page'), 'pledges').then(
                (m) => ({
                  Component: m.JoinWorkplacePage,
                }),
              ),
          },
          {
            path: 'canvass',
            lazy: () =>
              withStrings(import('../features/canvassing/canvass-page'), 'community').then((m) => ({
                Component: m.CanvassPage,
              })),
          },
          {
            path: 'canvass/map',
            lazy: () =>
              withStrings(import('../features/canvassing/coverage-page'), 'community').then(
                (m) => ({
                  Component: m.CoveragePage,
                }),
              ),
          },
          {
            path: 'canvass/turfs/:id',
            lazy: () =>
              withStrings(import('../features/canvassing/turf-page'), 'community').then((m) => ({
                Component: m.TurfPage,
              })),
          },
          {
            path: 'aid',
            lazy: () =>
              withStrings(import('../features/mutual-aid/aid-page'), 'community').then((m) => ({
                Component: m.AidPage,
              })),
          },
          {
            path: 'aid/matches/:id',
            lazy: () =>
              withStrings(import('../features/mutual-aid/match-page'), 'community').then((m) => ({
                Component: m.MatchPage,
              })),
          },
          {
            path: 'settings',
            lazy: () =>
              withStrings(import('../features/settings/settings-page'), 'trust').then((m) => ({
                Component: m.SettingsPage,
              })),
          },
          {
            path: 'settings/devices',
            lazy: () =>
              withStrings(import('../features/settings/devices-page'), 'trust').then((m) => ({
                Component: m.DevicesPage,
              })),
          },
          {
            path: 'vouch',
            lazy: () =>
              withStrings(import('../features/vouch/vouch-page'), 'trust').then((m) => ({
                Component: m.VouchPage,
              })),
          },
        ],
      },
      {
        path: 'join',
        lazy: () =>
          withStrings(import('../features/join/join-page'), 'onboarding').then((m) => ({
            Component: m.JoinPage,
          })),
      },
      {
        path: 'login',
        lazy: () =>
          withStrings(import('../features/session/welcome-page'), 'onboarding').then((m) => ({
            Component: m.WelcomePage,
          })),
      },
      { path: '*', lazy: () => import('./not-found').then((m) => ({ Component: m.NotFound })) },
    ],
  },
]);
