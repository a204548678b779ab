import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import type { LatLng } from '@tocsin/core/geo/lat-lng';
import type { AlertLevel } from '@tocsin/core/incidents/alert-policy';
import { currentPosition } from '../../lib/geolocation';
import { useAlerts } from '../alerts/alerts-provider';
import { AreaPicker } from '../areas/area-picker';
import { useAreas } from '../areas/use-areas';

const RADII = [300, 500, 1000, 2000, 5000, 10000] as const;
const MAX_PLACES = 5;

/** Alert areas, places (kept by the server only as coarse cells), radius and minimum level. */
export function AlertSettings() {
  const { t } = useTranslation();
  const { preferences, reload } = useAlerts();
  const { city, places: areaList } = useAreas();
  const radiusId = useId();
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [places, setPlaces] = useState<LatLng[]>([]);
  const [radius, setRadius] = useState(1000);
  const [minLevel, setMinLevel] = useState<AlertLevel>('unconfirmed');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (!preferences) return;
    setAreaIds(preferences.areaIds);
    setPlaces(preferences.places.map(({ lat, lng }) => ({ lat, lng })));
    setRadius(preferences.radiusMeters);
    setMinLevel(preferences.minLevel);
  }, [preferences]);

  const addPlace = async () => {
    setMessage(null);
    try {
      const position = await currentPosition();
      setPlaces((current) =>
        [...current, { lat: position.lat, lng: position.lng }].slice(0, MAX_PLACES),
      );
    } catch {
      setMessage({ ok: false, text: t('report.locationFailed') });
    }
  };

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await endpoints.saveAlertPreferences({ areaIds, places, radiusMeters: radius, minLevel });
      setMessage({ ok: true, text: t('settings.saved') });
      await reload();
    } catch (caught) {
      setMessage({ ok: false, text: describeError(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  const distance = (m: number) =>
    m >= 1000 ? t('settings.kilometers', { count: m / 1000 }) : t('settings.meters', { count: m });

  return (
    <section className="card" id="alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t('settings.alertsTitle')}</h2>
      <AreaPicker city={city} places={areaList} selected={areaIds} onChange={setAreaIds} />
      <fieldset>
        <legend>{t('settings.places')}</legend>
        <p className="hint">{t('settings.placesHint')}</p>
        <ul className="plain-list">
          {places.map((_, index) => (
            <li key={index} className="row">
              <span>{t('settings.place', { n: index + 1 })}</span>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => setPlaces((current) => current.filter((__, i) => i !== index))}
              >
                {t('settings.removePlace', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
        {places.length < MAX_PLACES ? (
          <button type="button" className="button button--small" onClick={() => void addPlace()}>
            {t('settings.addPlace')}
          </button>
        ) : null}
        <div className="field">
          <label htmlFor={radiusId}>{t('settings.radius')}</label>
          <select id={radiusId} value={radius} onChange={(e) => setRadius(Number(e.target.value))}>
            {[...new Set([...RADII, radius])]
              .sort((a, b) => a - b)
              .map((m) => (
                <option key={m} value={m}>
                  {distance(m)}
                </option>
              ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="choices">
        <legend>{t('settings.minLevel')}</legend>
        {(['unconfirmed', 'confirmed'] as const).map((level) => (
          <label key={level} className="check">
            <input
              type="radio"
              name="min-level"
              value={level}
              checked={minLevel === level}
              onChange={() => setMinLevel(level)}
            />
            <span>
              {level === 'unconfirmed' ? t('settings.minUnconfirmed') : t('settings.minConfirmed')}
            </span>
          </label>
        ))}
      </fieldset>
      {message ? (
        <p className={`notice ${message.ok ? 'notice--ok' : 'notice--error'}`} role="status">
          {message.text}
        </p>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => void save()}
      >
        {t('settings.save')}
      </button>
    </section>
  );
}
