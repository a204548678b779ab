import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import type { BoardResponder } from './use-board';

/**
 * Who is sent to an incident, by hand: responders on shift with a dispatch to it (each can be
 * stood down) and a choice of the others to send (ADR 0023). Handles only; where responders
 * are is on the map as rough areas.
 */
export function RespondersPanel({
  incidentId,
  responders,
  onChanged,
}: {
  incidentId: string;
  responders: BoardResponder[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const pickId = useId();
  const [pick, setPick] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sent = responders.flatMap((r) =>
    r.dispatches.filter((d) => d.incidentId === incidentId).map((d) => ({ responder: r, d })),
  );
  const free = responders.filter((r) => !sent.some((s) => s.responder.memberId === r.memberId));

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setPick('');
      await onChanged();
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${pickId}-title`} data-testid="responders">
      <h3 id={`${pickId}-title`}>{t('console.sendTitle')}</h3>
      {sent.length ? (
        <ul className="console__sent">
          {sent.map(({ responder, d }) => (
            <li key={d.id}>
              <span>
                {responder.handle} · {t(`respond.state.${d.state}`)}
              </span>{' '}
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => void act(() => endpoints.standDown(d.id))}
              >
                {t('console.standDown', { handle: responder.handle })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('console.nobodySent')}</p>
      )}
      {free.length ? (
        <div className="console__send">
          <div className="field">
            <label htmlFor={pickId}>{t('console.responder')}</label>
            <select
              id={pickId}
              data-shortcut="dispatch"
              value={pick}
              onChange={(e) => setPick(e.target.value)}
            >
              <option value="">{t('console.responderPick')}</option>
              {free.map((r) => (
                <option key={r.memberId} value={r.memberId}>
                  {r.handle}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            disabled={!pick || busy}
            onClick={() => void act(() => endpoints.dispatchByHand(incidentId, pick))}
          >
            {t('console.send')}
          </button>
        </div>
      ) : responders.length ? null : (
        <p className="hint">{t('console.noResponders')}</p>
      )}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
