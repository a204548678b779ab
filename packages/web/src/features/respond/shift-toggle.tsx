import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { describeError, endpoints } from '../../lib/api';
import { currentPosition } from '../../lib/geolocation';
import './respond.css';

const SHIFT_KEY = 'shift';

/**
 * Going on shift sends the phone's position once (the server keeps only a coarse cell) so that
 * nearby incidents are offered to me; the server has no read-back, so the phone remembers.
 */
export function ShiftToggle() {
  const { t } = useTranslation();
  const { store } = useServices();
  const [onShift, setOnShift] = useState(false);
  const [busy, setBusy] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);

  useEffect(() => {
    void store
      .getMeta<boolean>(SHIFT_KEY)
      .then((saved) => setOnShift(saved === true))
      .catch(() => undefined);
  }, [store]);

  const toggle = async () => {
    setBusy(true);
    setWarning(null);
    try {
      const next = !onShift;
      let location: { lat: number; lng: number } | undefined;
      if (next) {
        try {
          const position = await currentPosition();
          location = { lat: position.lat, lng: position.lng };
        } catch {
          setWarning(t('respond.noLocation'));
        }
      }
      const answer = await endpoints.setShift(next, location);
      setOnShift(answer.onShift);
      await store.setMeta(SHIFT_KEY, answer.onShift);
    } catch (caught) {
      setWarning(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`card shift shift--${onShift ? 'on' : 'off'}`}>
      <p className="shift__state" role="status" data-testid="shift-state">
        <strong>{onShift ? t('respond.onShift') : t('respond.offShift')}</strong>
      </p>
      {warning ? <p className="notice notice--warn">{warning}</p> : null}
      <button
        type="button"
        className={onShift ? 'button' : 'button button--primary'}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {onShift ? t('respond.goOff') : t('respond.goOn')}
      </button>
    </div>
  );
}
