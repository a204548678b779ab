import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nearestActive, type Reference } from '@tocsin/core/incidents/nearby';
import { formatTime, timeAgo } from '../../lib/time';
import { StateBadge } from '../../ui/state-badge';
import type { FeedItem } from '../alerts/feed';
import { useSession } from '../session/session-provider';
import { formatDistance } from './distance';
import { activityText } from '../../lib/activity-text';

const SHOWN = 3;

/**
 * "Am I safe?": the active incidents nearest to me and my saved places, with state, distance and
 * age, or a plain "nothing active near you"; with the time of what it knows when that is not
 * live (a cold start offline shows the phone's copy, never an error).
 */
export function NearYou({
  feed,
  position,
  places,
  savedAt,
  fresh,
  now,
}: {
  feed: FeedItem[];
  position: { lat: number; lng: number } | null;
  places: { lat: number; lng: number }[];
  savedAt: number | null;
  fresh: boolean;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const references: Reference[] = [
    ...(position ? [{ kind: 'me' as const, ...position }] : []),
    ...places.map((p) => ({ kind: 'place' as const, lat: p.lat, lng: p.lng })),
  ];
  const nearest = nearestActive(
    feed.map((item) => ({ ...item, at: Date.parse(item.updatedAt) })),
    references,
    SHOWN,
  );
  const when =
    savedAt === null ? null : formatTime(savedAt, i18n.language, city?.timeZone ?? 'UTC');
  return (
    <section className="near-you" aria-labelledby="near-you-title" data-testid="near-you">
      <h2 id="near-you-title">{t('safety.title')}</h2>
      {!fresh && when ? (
        <p className="near-you__as-of" data-testid="near-you-as-of">
          {t('safety.asOf', { time: when })}
        </p>
      ) : null}
      {!fresh && savedAt === null ? (
        <p className="hint">{t('safety.unknown')}</p>
      ) : nearest.length === 0 ? (
        <p className="near-you__calm" data-testid="near-you-calm">
          {t('safety.nothing')}
        </p>
      ) : (
        <ul className="near-you__list">
          {nearest.map(({ incident, meters, from }) => (
            <li key={incident.id} data-near={incident.id}>
              <Link to={`/incidents/${incident.id}`} className="near-you__item">
                <StateBadge state={incident.state} />
                <span className="near-you__what">{activityText(t, incident)}</span>
                <span className="near-you__where">
                  {meters === null
                    ? (incident.area?.name ?? t('safety.inAreas'))
                    : t(from === 'me' ? 'safety.fromMe' : 'safety.fromPlace', {
                        distance: formatDistance(meters),
                      })}
                  {' · '}
                  {timeAgo(incident.updatedAt, now, t)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
