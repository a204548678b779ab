import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { timeAgo } from '../../lib/time';
import type { FeedItem } from '../alerts/feed';
import { StateBadge } from '../../ui/state-badge';
import './home.css';
import { activityText } from '../../lib/activity-text';

/** One incident in the feed: state in words and colour, what, where, how long ago. */
export function IncidentCard({
  item,
  now,
  struck = false,
}: {
  item: FeedItem;
  now: number;
  /** Over (ended, false alarm, merged): struck through until it goes. */
  struck?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <li
      className={`incident-card incident-card--${item.state}${struck ? ' incident-card--struck' : ''}`}
      data-incident={item.id}
      data-struck={struck || undefined}
    >
      <Link to={`/incidents/${item.id}`} className="incident-card__link">
        <span className="incident-card__top">
          <StateBadge state={item.state} />
          <span className="incident-card__ago">{timeAgo(item.updatedAt, now, t)}</span>
        </span>
        <span className="incident-card__what">{activityText(t, item)}</span>
        <span className="incident-card__where">
          {item.area?.name ?? t('home.noPlace')} · {t('home.reporters', { count: item.reporters })}
        </span>
      </Link>
    </li>
  );
}
