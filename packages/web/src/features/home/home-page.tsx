import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import { useNow } from '../../app/use-now';
import { cardFate } from '@tocsin/core/incidents/nearby';
import { ApiError, describeError } from '../../lib/api';
import { useAlerts } from '../alerts/alerts-provider';
import { OutboxList } from '../report/outbox-list';
import { LazyMap } from '../map/lazy-map';
import { useMe } from '../session/session-provider';
import { IncidentCard } from './incident-card';
import { NearYou } from './near-you';
import { NotificationPrompt } from './notification-prompt';
import { usePosition } from './use-position';
import './home.css';
import { activityText } from '../../lib/activity-text';

/** Home: what concerns me, newest first, live. */
export function HomePage() {
  const { t } = useTranslation();
  const { feed: all, preferences, loading, loadError, places, savedAt, fresh } = useAlerts();
  const now = useNow();
  const position = usePosition();
  // Ended and retracted incidents are struck through at once, and gone an hour later.
  const feed = all
    .map((item) => ({ item, fate: cardFate(item.state, Date.parse(item.updatedAt), now) }))
    .filter(({ fate }) => fate !== 'gone');
  // Offline, the phone's copy speaks (with its time): no error for a missing network.
  const offline = loadError instanceof ApiError && loadError.isNetwork;
  const navigate = useNavigate();
  const me = useMe();
  const [mapOpen, setMapOpen] = useState(false);
  usePageTitle(t('home.title'));
  const nothingChosen =
    preferences !== null && preferences.areaIds.length === 0 && preferences.places.length === 0;

  return (
    <section className="page" aria-labelledby="home-title">
      <h1 id="home-title" tabIndex={-1}>
        {t('home.title')}
      </h1>
      <Link to="/report" className="button button--primary button--large button--block">
        {t('home.report')}
      </Link>
      {me.status === 'probation' ? <p className="hint">{t('home.probation')}</p> : null}
      <NearYou
        feed={all}
        position={position}
        places={places}
        savedAt={savedAt}
        fresh={fresh}
        now={now}
      />
      <OutboxList pendingOnly />
      <NotificationPrompt />
      {nothingChosen ? (
        <div className="notice notice--warn">
          <p>{t('home.noAreas')}</p>
          <Link to="/settings#alerts" className="button button--small">
            {t('home.chooseAreas')}
          </Link>
        </div>
      ) : null}
      {loadError && !offline ? (
        <p className="notice notice--error">
          {t('home.loadFailed')} {describeError(loadError, t)}
        </p>
      ) : null}
      {feed.length > 0 ? (
        <button
          type="button"
          className="button button--small"
          aria-expanded={mapOpen}
          onClick={() => setMapOpen((open) => !open)}
        >
          {mapOpen ? t('map.hide') : t('map.show')}
        </button>
      ) : null}
      {mapOpen ? (
        <LazyMap
          label={t('map.feed')}
          incidents={feed.map(({ item }) => ({
            id: item.id,
            state: item.state,
            location: item.location,
            label: `${t(`state.${item.state}`)}: ${activityText(t, item)}`,
          }))}
          onOpen={(id) => void navigate(`/incidents/${id}`)}
        />
      ) : null}
      {feed.length === 0 && !loading && fresh ? (
        <div className="empty">
          <p>{t('home.empty')}</p>
          <p className="hint">{t('home.emptyHint')}</p>
        </div>
      ) : (
        <ul className="feed" aria-label={t('home.listLabel')} data-testid="feed">
          {feed.map(({ item, fate }) => (
            <IncidentCard key={item.id} item={item} now={now} struck={fate === 'struck'} />
          ))}
        </ul>
      )}
    </section>
  );
}
