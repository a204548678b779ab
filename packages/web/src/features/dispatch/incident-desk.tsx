import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import type { IncidentSummaryView as IncidentSummary } from '@tocsin/core/api/views';
import { formatTime } from '../../lib/time';
import { StateBadge } from '../../ui/state-badge';
import { Timeline } from '../incidents/timeline';
import { useIncident } from '../incidents/use-incident';
import { VerifyActions } from '../incidents/verify-actions';
import { useSession } from '../session/session-provider';
import { RespondersPanel } from './responders-panel';
import type { BoardResponder } from './use-board';
import './dispatch.css';
import { activityText } from '../../lib/activity-text';

/** One incident as staff see it: every report, who is going, send and stand down, verify, end, merge. */
export function IncidentDesk({
  id,
  others,
  onChanged,
  responders,
  dispatcher,
}: {
  id: string;
  others: IncidentSummary[];
  onChanged: () => Promise<void>;
  /** On-shift responders of my dispatcher areas (none when I only verify). */
  responders: BoardResponder[];
  /** Whether I dispatch for this incident's area: send and stand down by hand. */
  dispatcher: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const { incident, error, reload } = useIncident(id);
  const mergeId = useId();
  const [into, setInto] = useState('');
  const [mergeError, setMergeError] = useState<string | null>(null);
  const timeZone = city?.timeZone ?? 'UTC';
  if (error) return <p className="notice notice--error">{describeError(error, t)}</p>;
  if (!incident) return null;

  const done = async () => {
    await reload();
    await onChanged();
  };

  const merge = async () => {
    setMergeError(null);
    try {
      await endpoints.mergeIncident(incident.id, into);
      await onChanged();
    } catch (caught) {
      setMergeError(describeError(caught, t));
    }
  };

  return (
    <article className="card desk" data-testid="desk">
      <h2>
        <StateBadge state={incident.state} /> {activityText(t, incident)}
      </h2>
      <p>
        {incident.area?.name ?? t('home.noPlace')} ·{' '}
        {t('console.independent', { count: incident.independentReporters ?? incident.reporters })}
        {incident.notSeen ? ` · ${t('console.notSeen', { count: incident.notSeen })}` : ''}
      </p>
      <h3>{t('console.going')}</h3>
      {incident.going?.length ? (
        <ul data-testid="going">
          {incident.going.map((g) => (
            <li key={g.handle}>
              {g.handle} ({t(`respond.state.${g.state === 'on_scene' ? 'on_scene' : 'accepted'}`)})
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('console.nobodyGoing')}</p>
      )}
      {dispatcher ? (
        <RespondersPanel incidentId={incident.id} responders={responders} onChanged={done} />
      ) : null}
      <h3>{t('console.reports')}</h3>
      <ol className="reports">
        {(incident.reports ?? []).map((report) => (
          <li key={report.id}>
            <strong>{formatTime(report.receivedAt, i18n.language, timeZone)}</strong>{' '}
            {report.salute ? activityText(t, report.salute) : null}
            <dl className="salute">
              {(['size', 'uniform', 'equipment', 'time'] as const).map((field) =>
                report.salute?.[field] ? (
                  <div key={field}>
                    <dt>{t(`report.${field}`)}</dt>
                    <dd>{report.salute[field]}</dd>
                  </div>
                ) : null,
              )}
              {report.salute?.location?.text ? (
                <div>
                  <dt>{t('report.placeText')}</dt>
                  <dd>{report.salute.location.text}</dd>
                </div>
              ) : null}
              {report.plates.length ? (
                <div>
                  <dt>{t('report.plates')}</dt>
                  <dd>{report.plates.join(', ')}</dd>
                </div>
              ) : null}
            </dl>
          </li>
        ))}
      </ol>
      <VerifyActions incident={incident} onDone={done} />
      {others.length ? (
        <div className="card">
          <h3>{t('console.mergeTitle')}</h3>
          <div className="field">
            <label htmlFor={mergeId}>{t('console.mergeInto')}</label>
            <select id={mergeId} value={into} onChange={(e) => setInto(e.target.value)}>
              <option value="">{t('console.mergePick')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {`${t(`state.${o.state}`)} · ${activityText(t, o)} · ${formatTime(o.lastReportAt, i18n.language, timeZone)}`}
                </option>
              ))}
            </select>
          </div>
          {mergeError ? (
            <p className="notice notice--error" role="alert">
              {mergeError}
            </p>
          ) : null}
          <button type="button" className="button" disabled={!into} onClick={() => void merge()}>
            {t('console.merge')}
          </button>
        </div>
      ) : null}
      <Timeline entries={incident.timeline} timeZone={timeZone} />
    </article>
  );
}
