import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '@tocsin/core/api/membership';
import { LazyMap } from '../map/lazy-map';
import {
  currentPosition,
  positionGranted,
  PositionError,
  type Position,
} from '../../lib/geolocation';

interface PlaceFieldProps {
  position: Position | null;
  areaId: string;
  placeText: string;
  areas: Area[];
  invalid: boolean;
  errorId: string;
  onPosition: (position: Position | null) => void;
  onArea: (areaId: string) => void;
  onText: (text: string) => void;
}

type Locating = 'idle' | 'busy' | 'denied' | 'failed';

/** Where: the phone's position (asked for at once when already allowed), a neighborhood, a description. */
export function PlaceField(props: PlaceFieldProps) {
  const { t } = useTranslation();
  const { position, onPosition } = props;
  const areaId = useId();
  const textId = useId();
  const hintId = useId();
  const [locating, setLocating] = useState<Locating>('idle');
  const [mapOpen, setMapOpen] = useState(false);

  const locate = async () => {
    setLocating('busy');
    try {
      onPosition(await currentPosition());
      setLocating('idle');
    } catch (error) {
      setLocating(
        error instanceof PositionError && error.reason === 'denied' ? 'denied' : 'failed',
      );
    }
  };

  useEffect(() => {
    let cancelled = false;
    void positionGranted().then((granted) => {
      if (granted && !cancelled && !position) void locate();
    });
    return () => {
      cancelled = true;
    };
    // Only when the screen opens: later, the member asks with the button.
  }, []);

  return (
    <fieldset
      className="place"
      aria-describedby={`${hintId} ${props.invalid ? props.errorId : ''}`}
    >
      <legend>
        {t('report.place')} <span className="required">({t('report.required')})</span>
      </legend>
      <p id={hintId} className="hint">
        {t('report.placeHint')}
      </p>
      <div className="place__gps">
        {position ? (
          <>
            <p className="notice notice--ok" data-testid="location-found">
              {position.fromMap
                ? t('map.picked')
                : t('report.located', { meters: Math.max(5, Math.round(position.accuracy)) })}
            </p>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => onPosition(null)}
            >
              {t('report.clearLocation')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={locating === 'busy'}
            onClick={() => void locate()}
          >
            {locating === 'busy' ? t('report.locating') : t('report.useLocation')}
          </button>
        )}
        {locating === 'denied' ? (
          <p className="hint hint--warn">{t('report.locationDenied')}</p>
        ) : null}
        {locating === 'failed' ? (
          <p className="hint hint--warn">{t('report.locationFailed')}</p>
        ) : null}
      </div>
      <button
        type="button"
        className="button button--small"
        aria-expanded={mapOpen}
        onClick={() => setMapOpen((open) => !open)}
      >
        {mapOpen ? t('map.hide') : t('map.pick')}
      </button>
      {mapOpen ? (
        <>
          <p className="hint">{t('map.pickHint')}</p>
          <LazyMap
            label={t('map.pickLabel')}
            center={position ?? undefined}
            picked={position}
            onPick={(place) => onPosition({ ...place, accuracy: 0, fromMap: true })}
          />
        </>
      ) : null}
      <div className="field">
        <label htmlFor={areaId}>{t('report.area')}</label>
        <select
          id={areaId}
          value={props.areaId}
          aria-invalid={props.invalid}
          onChange={(event) => props.onArea(event.target.value)}
        >
          <option value="">{t('report.areaNone')}</option>
          {props.areas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={textId}>{t('report.placeText')}</label>
        <input
          id={textId}
          value={props.placeText}
          placeholder={t('report.placeTextHint')}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => props.onText(event.target.value)}
        />
      </div>
    </fieldset>
  );
}
