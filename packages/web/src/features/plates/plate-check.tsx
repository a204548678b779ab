import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError, endpoints } from '../../lib/api';
import type { PlateLookup } from '@tocsin/core/api/rapid-response';
import { formatTime } from '../../lib/time';
import { useSession } from '../session/session-provider';
import { PlateAnswer } from './plate-answer';
import { readPlate } from './read-plate';

type Outcome =
  | { kind: 'answer'; plate: string; answer: PlateLookup }
  | { kind: 'limited'; minutes: number; at: number }
  | { kind: 'error'; message: string };

/** The lookup form and its answer, for active members. */
export function PlateCheck() {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const inputId = useId();
  const hintId = useId();
  const [raw, setRaw] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const plate = readPlate(raw);
    setInvalid(plate === null);
    if (plate === null) {
      setOutcome(null);
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'answer', plate, answer: await endpoints.lookupPlate(raw.trim()) });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) {
        const seconds = caught.retryAfterSeconds ?? 60;
        setOutcome({
          kind: 'limited',
          minutes: Math.max(1, Math.ceil(seconds / 60)),
          at: Date.now() + seconds * 1000,
        });
      } else {
        setOutcome({ kind: 'error', message: describeError(caught, t) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t('plates.label')}</label>
          <input
            id={inputId}
            value={raw}
            maxLength={64}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby={hintId}
            aria-invalid={invalid}
            onChange={(event) => setRaw(event.target.value)}
          />
          <p id={hintId} className={invalid ? 'hint hint--error' : 'hint'}>
            {invalid ? t('plates.invalid') : t('plates.hint')}
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={busy || !raw.trim()}>
          {busy ? t('plates.checking') : t('plates.check')}
        </button>
        <p className="hint">{t('plates.limits')}</p>
      </form>
      <div aria-live="polite" data-testid="plate-result">
        {outcome?.kind === 'answer' ? (
          <PlateAnswer plate={outcome.plate} answer={outcome.answer} />
        ) : null}
        {outcome?.kind === 'limited' ? (
          <p className="notice notice--warn">
            {t('plates.rateLimited', {
              count: outcome.minutes,
              time: formatTime(outcome.at, i18n.language, city?.timeZone ?? 'UTC'),
            })}
          </p>
        ) : null}
        {outcome?.kind === 'error' ? (
          <p className="notice notice--error">{outcome.message}</p>
        ) : null}
      </div>
    </>
  );
}
