import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../../app/services';
import { useSession } from '../session/session-provider';
import { formatTime } from '../../lib/time';
import { isReport, type ReportItem } from '../../lib/outbox';
import { useOutboxItems } from './use-outbox';
import './report.css';
import { activityText } from '../../lib/activity-text';

/** One report on its way, with its status in words and what can be done about it. */
export function OutboxRow({ item }: { item: ReportItem }) {
  const { t, i18n } = useTranslation();
  const { outbox } = useServices();
  const { city } = useSession();
  const time = formatTime(item.createdAt, i18n.language, city?.timeZone ?? 'UTC');
  const status =
    item.status === 'failed'
      ? t('outbox.failed', { reason: item.error?.message ?? '' })
      : t(`outbox.${item.status}`);
  return (
    <li
      className={`outbox-item outbox-item--${item.status}`}
      data-testid="outbox-item"
      data-status={item.status}
      data-id={item.id}
    >
      <p className="outbox-item__title">
        {t('outbox.item', { time })}: {activityText(t, item.body.salute)}
      </p>
      <p className="outbox-item__status" role="status">
        {status}
        {item.photos?.length ? ` ${t('outbox.photos', { count: item.photos.length })}` : ''}
        {item.photosRefused ? ` ${t('outbox.photosRefused', { count: item.photosRefused })}` : ''}
      </p>
      <div className="outbox-item__actions">
        {item.status === 'sent' && item.incident ? (
          <Link className="button button--small" to={`/incidents/${item.incident.id}`}>
            {t('outbox.view')}
          </Link>
        ) : null}
        {item.status === 'waiting' || item.status === 'needs_login' ? (
          <button type="button" className="button button--small" onClick={() => outbox.retryAll()}>
            {t('outbox.retry')}
          </button>
        ) : null}
        {item.status === 'failed' ? (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => void outbox.remove(item.id)}
          >
            {t('outbox.remove')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** Reports kept on this phone: waiting, sending, failed (and recently sent, unless pendingOnly). */
export function OutboxList({
  pendingOnly = false,
  only,
}: {
  pendingOnly?: boolean;
  only?: string;
}) {
  const { t } = useTranslation();
  const items = useOutboxItems()
    .filter(isReport)
    .filter((item) => (only ? item.id === only : !pendingOnly || item.status !== 'sent'));
  if (items.length === 0) return null;
  const pending = items.filter((item) => item.status !== 'sent').length;
  return (
    <section className="outbox" aria-label={t('outbox.title')}>
      {!only && pending > 0 ? (
        <p className="outbox__summary">{t('outbox.pending', { count: pending })}</p>
      ) : null}
      <ul className="outbox__list">
        {items.map((item) => (
          <OutboxRow key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
