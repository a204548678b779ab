import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../app/use-page-title';
import { useNow } from '../../app/use-now';
import { ApiError, describeError } from '../../lib/api';
import { formatDateTime, timeAgo } from '../../lib/time';
import { useAlerts } from '../alerts/alerts-provider';
import { useMe, useSession } from '../session/session-provider';
import { LazyMap } from '../map/lazy-map';
import { PlateApprovals } from '../plates/plate-approvals';
import { KnowYourRights } from './know-your-rights';
import { StateBadge } from '../../ui/state-badge';
import { Timeline } from './timeline';
import { useIncident } from './use-incident';
import { VerifyActions } from './verify-actions';
import './incidents.css';
import { activityText } from '../../lib/activity-text';

// Only the area's staff are sent photos: the code and strings that show them load for them alone.
const IncidentPhotos = lazy(() =>
  import('./incident-photos').then((m) => ({ default: m.IncidentPhotos })),
);

/** One incident: state, what and where, timeline, what to do; verifiers can act on it. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const me = useMe();
  const now = useNow();
  const { incident, error, loading, reload } = useIncident(id);
  usePageTitle(t('incident.title'));
  const timeZone = city?.timeZone ?? 'UTC';
  const when = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  const { dispatches } = useAlerts();
  // Verifiers and dispatchers, and a responder who accepted this incident (the server decides).
  const going = dispatches.some(
    (d) => d.incident?.id === id && (d.state === 'accepted' || d.state === 'on_scene'),
  );
  const staff =
    me.status === 'active' &&
    (going || me.roles.some((r) => r.role === 'verifier' || r.role === 'dispatcher'));
  // Plates of a confirmed incident wait for two verifiers' approvals before they are listed.
  const approvesPlates =
    me.status === 'active' && me.roles.some((r) => r.role === 'verifier' || r.role === 'admin');

  return (
    <section className="page" aria-labelledby="incident-title">
      <Link to="/" className="back">
        {t('incident.back')}
      </Link>
      <h1 id="incident-title" tabIndex={-1}>
        {incident && (incident.activity || incident.activityCode)
          ? activityText(t, incident)
          : t('incident.title')}
      </h1>
      {loading && !incident ? <Loading /> : null}
      {error && !incident ? (
        <p className="notice notice--error">
          {error instanceof ApiError && error.status === 404
            ? t('incident.notFound')
            : describeError(error, t)}
        </p>
      ) : null}
      {incident ? (
        <>
          <div
            className={`state-panel state-panel--${incident.state}`}
            data-testid="incident-state"
          >
            <StateBadge state={incident.state} />
            <p>{t(`stateHint.${incident.state}`)}</p>
          </div>
          <p className="hint">{t('incident.live')}</p>
          {incident.mergedInto ? (
            <p className="notice notice--info">
              {t('incident.merged')}{' '}
              <Link to={`/incidents/${incident.mergedInto}`}>{t('incident.openMerged')}</Link>
            </p>
          ) : null}
          <dl className="facts">
            <div>
              <dt>{t('incident.area')}</dt>
              <dd>{incident.area?.name ?? t('home.noPlace')}</dd>
            </div>
            <div>
              <dt>{t('incident.firstReport')}</dt>
              <dd>
                {when(incident.firstReportAt)} ({timeAgo(incident.firstReportAt, now, t)})
              </dd>
            </div>
            <div>
              <dt>{t('incident.lastReport')}</dt>
              <dd>
                {when(incident.lastReportAt)} · {t('home.reporters', { count: incident.reporters })}
              </dd>
            </div>
            {incident.confirmedAt ? (
              <div>
                <dt>{t('incident.confirmedAt')}</dt>
                <dd>{when(incident.confirmedAt)}</dd>
              </div>
            ) : null}
            {incident.closedAt ? (
              <div>
                <dt>{t('incident.closedAt')}</dt>
                <dd>{when(incident.closedAt)}</dd>
              </div>
            ) : null}
          </dl>
          <LazyMap
            label={t('map.incident')}
            center={incident.location}
            incidents={[
              {
                id: incident.id,
                state: incident.state,
                location: incident.location,
                label: t(`state.${incident.state}`),
              },
            ]}
          />
          {staff ? <VerifyActions incident={incident} onDone={reload} /> : null}
          {incident.photos?.length ? (
            <Suspense fallback={null}>
              <IncidentPhotos photos={incident.photos} />
            </Suspense>
          ) : null}
          {approvesPlates &&
          incident.confirmedAt &&
          incident.state !== 'false_alarm' &&
          incident.state !== 'merged' ? (
            <PlateApprovals incident={incident} />
          ) : null}
          <KnowYourRights />
          <Timeline entries={incident.timeline} timeZone={timeZone} />
        </>
      ) : null}
    </section>
  );
}
