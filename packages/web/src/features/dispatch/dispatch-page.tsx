import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/use-page-title';
import { useNow } from '../../app/use-now';
import { describeError } from '../../lib/api';
import { timeAgo } from '../../lib/time';
import { StateBadge } from '../../ui/state-badge';
import { useMe } from '../session/session-provider';
import { IncidentDesk } from './incident-desk';
import { useQueue } from './use-queue';
import '../home/home.css';
import './dispatch.css';

/** The dispatcher console (laptop layout): the live queue and the selected incident. */
export function DispatchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const now = useNow();
  const { queue, error, reload } = useQueue(me);
  const [selected, setSelected] = useState<string | null>(null);
  usePageTitle(t('console.title'));

  useEffect(() => {
    if (selected && !queue.some((i) => i.id === selected)) setSelected(queue[0]?.id ?? null);
    if (!selected && queue[0]) setSelected(queue[0].id);
  }, [queue, selected]);

  return (
    <section className="page console" aria-labelledby="console-title">
      <h1 id="console-title" tabIndex={-1}>
        {t('console.title')}
      </h1>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      <div className="console__grid">
        <section aria-labelledby="queue-title" className="console__queue">
          <h2 id="queue-title">{t('console.queue', { count: queue.length })}</h2>
          {queue.length === 0 ? <p className="empty">{t('console.empty')}</p> : null}
          <ul className="feed" data-testid="queue">
            {queue.map((incident) => (
              <li
                key={incident.id}
                className={`incident-card incident-card--${incident.state}`}
                data-incident={incident.id}
              >
                <button
                  type="button"
                  className="incident-card__link queue__item"
                  aria-pressed={selected === incident.id}
                  onClick={() => setSelected(incident.id)}
                >
                  <span className="incident-card__top">
                    <StateBadge state={incident.state} />
                    <span className="incident-card__ago">
                      {timeAgo(incident.lastReportAt, now, t)}
                    </span>
                  </span>
                  <span className="incident-card__what">
                    {incident.activity ?? t('home.noActivity')}
                  </span>
                  <span className="incident-card__where">
                    {incident.area?.name ?? t('home.noPlace')} ·{' '}
                    {t('home.reporters', { count: incident.reporters })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section aria-label={t('console.detail')} className="console__detail">
          {selected ? (
            <IncidentDesk
              key={selected}
              id={selected}
              others={queue.filter((i) => i.id !== selected)}
              onChanged={reload}
            />
          ) : (
            <p className="empty">{t('console.pick')}</p>
          )}
        </section>
      </div>
    </section>
  );
}
