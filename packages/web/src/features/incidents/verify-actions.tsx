import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import type { IncidentDetailView as IncidentDetail } from '@tocsin/core/api/views';
import type { VerificationOutcome } from '@tocsin/core/incidents/state-machine';
import { Confirm } from '../../ui/confirm';

type Action = VerificationOutcome | 'end';

const OPEN = new Set(['reported', 'corroborated', 'confirmed']);

/** For verifiers and dispatchers: confirm, false alarm, not seen, all clear; each asks once more. */
export function VerifyActions({
  incident,
  onDone,
}: {
  incident: IncidentDetail;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One confirmation corroborates; a second, independent verifier confirms.
  const [recorded, setRecorded] = useState(false);
  if (!OPEN.has(incident.state)) return null;

  const label = (action: Action) =>
    action === 'confirmed'
      ? t('incident.confirm')
      : action === 'false_alarm'
        ? t('incident.falseAlarm')
        : action === 'not_seen'
          ? t('incident.notSeen')
          : t('incident.end');

  const run = async (action: Action) => {
    setBusy(true);
    setError(null);
    try {
      if (action === 'end') await endpoints.endIncident(incident.id);
      else {
        const answer = await endpoints.verify(incident.id, action);
        setRecorded(action === 'confirmed' && answer.state !== 'confirmed');
      }
      setPending(null);
      await onDone();
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const actions: Action[] =
    incident.state === 'confirmed'
      ? ['false_alarm', 'end']
      : ['confirmed', 'false_alarm', 'not_seen', 'end'];
  return (
    <section className="card verify" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('incident.verifyTitle')}</h2>
      <p className="hint">{t('incident.verifyIntro')}</p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="notice notice--ok" role="status" hidden={!recorded}>
        {t('incident.confirmRecorded')}
      </p>
      {pending ? (
        <Confirm
          question={t('incident.sure', { action: label(pending) })}
          confirm={t('app.yes')}
          disabled={busy}
          cancelDisabled={busy}
          onConfirm={() => void run(pending)}
          onCancel={() => setPending(null)}
        />
      ) : (
        <div className="actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button verify__${action}`}
              onClick={() => setPending(action)}
            >
              {label(action)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
