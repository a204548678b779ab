import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, endpoints } from '../../lib/api';
import type { DispatchResponse } from '@tocsin/core/api/rapid-response';
import { timeAgo } from '../../lib/time';
import { useAlerts } from '../alerts/alerts-provider';
import { StateBadge } from '../../ui/state-badge';
import type { DispatchItem } from './dispatches';
import './respond.css';
import { activityText } from '../../lib/activity-text';

/** What the responder can answer in each state. */
const ANSWERS: Partial<Record<DispatchItem['state'], DispatchResponse[]>> = {
  offered: ['accept', 'decline'],
  accepted: ['on_scene', 'clear'],
  on_scene: ['clear'],
};

/** One dispatch: the incident, where it stands, and the next answers. */
export function DispatchCard({ dispatch, now }: { dispatch: DispatchItem; now: number }) {
  const { t } = useTranslation();
  const { updateDispatch } = useAlerts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { incident } = dispatch;

  const answer = async (response: DispatchResponse) => {
    setBusy(true);
    setError(null);
    try {
      const result = await endpoints.answerDispatch(dispatch.id, response);
      updateDispatch(dispatch.id, result.state);
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`dispatch dispatch--${dispatch.state}`}
      data-testid="dispatch"
      data-state={dispatch.state}
    >
      <p className="dispatch__top">
        <strong>{t(`respond.state.${dispatch.state}`)}</strong>
        <span className="muted">{timeAgo(dispatch.receivedAt, now, t)}</span>
      </p>
      {incident ? (
        <p>
          <StateBadge state={incident.state} /> {activityText(t, incident)}
          {' · '}
          {incident.area?.name ?? t('home.noPlace')}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        {(ANSWERS[dispatch.state] ?? []).map((response) => (
          <button
            key={response}
            type="button"
            className={response === 'accept' ? 'button button--primary' : 'button'}
            disabled={busy}
            onClick={() => void answer(response)}
          >
            {t(`respond.answer.${response}`)}
          </button>
        ))}
        {incident ? (
          <Link className="button button--quiet" to={`/incidents/${incident.id}`}>
            {t('respond.openIncident')}
          </Link>
        ) : null}
      </div>
    </li>
  );
}
