import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { DigestSettingsView } from '@tocsin/core/api/bulletin';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useAction } from '../organizer/use-action';
import { useLoad } from '../organizer/use-load';
import { useSession } from '../session/session-provider';
import { cityDayOf, shiftDay } from './shared';
import './bulletin.css';
import { bulletinApi } from '../../lib/api/organizing/bulletin';

/** A day's digest (`?day=`, today by default) and the member's digest time and quiet hours. */
export function DigestPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('bulletin.digest.title'));
  const { city } = useSession();
  const timeZone = city?.timeZone ?? 'UTC';
  const [params, setParams] = useSearchParams();
  const day = params.get('day') ?? cityDayOf(new Date(), timeZone);
  const loadDigest = useCallback(() => bulletinApi.digest(day), [day]);
  const digest = useLoad(loadDigest);
  const loadSettings = useCallback(() => bulletinApi.digestSettings(), []);
  const settings = useLoad(loadSettings);
  const d = digest.data;
  const list = (title: string, items: { id: string; title: string; bodyName: string }[]) =>
    items.length === 0 ? null : (
      <section className="card">
        <h2>{title}</h2>
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              {item.title} <span className="hint">· {item.bodyName}</span>
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <div className="bulletin">
      <h1 tabIndex={-1}>{t('bulletin.digest.title')}</h1>
      <div className="bulletin-days">
        <button
          type="button"
          className="button button--small"
          onClick={() => setParams({ day: shiftDay(day, -1) })}
        >
          {t('bulletin.digest.previous')}
        </button>
        <label className="field field--inline">
          <span>{t('bulletin.digest.dayLabel')}</span>
          <input
            type="date"
            value={day}
            onChange={(e) => e.target.value && setParams({ day: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="button button--small"
          onClick={() => setParams({ day: shiftDay(day, 1) })}
        >
          {t('bulletin.digest.next')}
        </button>
      </div>
      {digest.error ? (
        <p className="notice notice--error">{describeError(digest.error, t)}</p>
      ) : null}
      {!d ? (
        digest.error ? null : (
          <Loading />
        )
      ) : (
        <div data-testid="digest">
          <p className="bulletin-summary">
            {t('bulletin.digest.summary', {
              incidents: d.counts.confirmedIncidents,
              decisions: d.counts.decisions,
              needs: d.counts.openNeeds,
              events: d.counts.eventsTomorrow,
            })}
          </p>
          {d.empty ? <p className="notice notice--info">{t('bulletin.digest.empty')}</p> : null}
          {d.incidents.length > 0 ? (
            <section className="card" data-testid="digest-incidents">
              <h2>{t('bulletin.digest.incidents')}</h2>
              <ul>
                {d.incidents.map((i) => (
                  <li key={i.areaId}>
                    {t('bulletin.digest.incidentLine', { area: i.areaName, count: i.confirmed })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {list(t('bulletin.digest.decisions'), d.decisions)}
          {list(t('bulletin.digest.meetings'), d.meetings)}
          {list(t('bulletin.digest.announcements'), d.announcements)}
          {list(t('bulletin.digest.needs'), d.needs)}
          {d.eventsTomorrow.length > 0 ? (
            <section className="card" data-testid="digest-events">
              <h2>{t('bulletin.digest.eventsTomorrow')}</h2>
              <ul>
                {d.eventsTomorrow.map((e) => (
                  <li key={e.id}>
                    <Link to={`/events/${e.id}`}>{e.title}</Link>{' '}
                    <span className="hint">
                      · {e.bodyName} · {formatDateTime(e.startsAt, i18n.language, timeZone)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
      {settings.data ? <DigestSettings view={settings.data} onDone={settings.reload} /> : null}
    </div>
  );
}

function DigestSettings({
  view,
  onDone,
}: {
  view: DigestSettingsView;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const action = useAction(onDone);
  const [time, setTime] = useState(view.time);
  const [quiet, setQuiet] = useState(view.quietHours !== null);
  const [start, setStart] = useState(view.quietHours?.start ?? '22:00');
  const [end, setEnd] = useState(view.quietHours?.end ?? '07:00');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (window.location.hash === '#settings') {
      document.getElementById('settings')?.scrollIntoView();
    }
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await bulletinApi.saveDigestSettings({
        time,
        quietHours: quiet ? { start, end } : null,
      });
      setSaved(true);
    });
  };
  return (
    <form className="card" id="settings" onSubmit={submit} aria-labelledby="digest-settings">
      <h2 id="digest-settings">{t('bulletin.settings.title')}</h2>
      <p className="hint">{t('bulletin.settings.hint', { zone: view.timeZone })}</p>
      <label className="field">
        <span>{t('bulletin.settings.time')}</span>
        <input type="time" value={time} required onChange={(e) => setTime(e.target.value)} />
      </label>
      <label className="field field--inline">
        <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} />
        <span>{t('bulletin.settings.quiet')}</span>
      </label>
      {quiet ? (
        <div className="bulletin-quiet">
          <label className="field">
            <span>{t('bulletin.settings.quietStart')}</span>
            <input type="time" value={start} required onChange={(e) => setStart(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('bulletin.settings.quietEnd')}</span>
            <input type="time" value={end} required onChange={(e) => setEnd(e.target.value)} />
          </label>
        </div>
      ) : null}
      <h3>{t('bulletin.settings.follows')}</h3>
      {view.follows.length === 0 ? (
        <p className="hint">{t('bulletin.settings.noFollows')}</p>
      ) : (
        <ul>
          {view.follows.map((f) => (
            <li key={f.bodyId}>
              {f.bodyName}: {t(`bulletin.follow.${f.state}`)}
            </li>
          ))}
        </ul>
      )}
      {saved ? (
        <p className="notice notice--ok" role="status">
          {t('bulletin.settings.saved')}
        </p>
      ) : null}
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t('bulletin.settings.save')}
      </button>
    </form>
  );
}
