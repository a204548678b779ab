import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area } from '@tocsin/core/api/membership';
import { haversineMeters } from '@tocsin/core/geo/haversine';
import { PLACE_DISAGREE_METERS } from '@tocsin/core/places/limits';
import type { ResolvedPlace } from '@tocsin/core/places/resolve-place';
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
  /** The place the pasted message or the typed corner names, if the gazetteer knows it. */
  textPlace?: ResolvedPlace | null;
  /** The phone's last position, to switch back to. */
  gpsFix?: Position | null;
  /** A message was read and named no place: ask for one. */
  askNone?: boolean;
  onUseText?: () => void;
  onUseGps?: () => void;
  /** False when the member already chose or was asked (the form remounts after a paste). */
  autoLocate?: boolean;
}

/** Which place is used, the text's or the phone's, and a choice between them when both exist. */
function PlaceChoice(props: PlaceFieldProps) {
  const { t } = useTranslation();
  const { textPlace, gpsFix, position } = props;
  if (!textPlace) return null;
  const usingText = position?.fromText !== undefined;
  const usingGps = Boolean(position && gpsFix && !position.fromText && !position.fromMap);
  const apart = gpsFix ? Math.round(haversineMeters(textPlace, gpsFix)) : 0;
  const disagree = Boolean(gpsFix) && apart > PLACE_DISAGREE_METERS;
  const asking = !position;
  const message =
    asking && disagree
      ? t('report.placeDisagree', { label: textPlace.label, meters: apart })
      : asking
        ? t('report.placeVague', { label: textPlace.label })
        : usingText
          ? t('report.placeFromText', { label: textPlace.label })
          : t('report.placeTextFound', { label: textPlace.label });
  return (
    <div
      className={`place__choice notice ${asking ? 'notice--warn' : 'notice--ok'}`}
      data-testid="place-choice"
    >
      <p role="status">{message}</p>
      <div className="segmented" role="group" aria-label={t('report.placeWhich')}>
        <button type="button" aria-pressed={usingText} onClick={props.onUseText}>
          {t('report.useTextPlace')}
        </button>
        {gpsFix ? (
          <button type="button" aria-pressed={usingGps} onClick={props.onUseGps}>
            {t('report.useMyPosition')}
          </button>
        ) : null}
      </div>
      {gpsFix && (disagree || asking) ? (
        <LazyMap
          label={t('report.mapBoth')}
          center={textPlace}
          marks={[
            { at: textPlace, label: t('report.markText'), tone: 'text' },
            { at: gpsFix, label: t('report.markGps'), tone: 'gps' },
          ]}
          onPick={(place) => props.onPosition({ ...place, accuracy: 0, fromMap: true })}
        />
      ) : null}
    </div>
  );
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
  // A message with no place, or a street alone with nothing to place it by: show the map.
  useEffect(() => {
    if (props.askNone || (props.textPlace && !position)) setMapOpen(true);
  }, [props.askNone, props.textPlace]);

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
      if (granted && !cancelled && !position && props.autoLocate !== false) void locate();
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
      <PlaceChoice {...props} />
      {props.askNone && !position ? (
        <p className="notice notice--warn" role="status" data-testid="place-ask">
          {t('report.placeAskNone')}
        </p>
      ) : null}
      <div className="place__gps">
        {position ? (
          <>
            <p className="notice notice--ok" data-testid="location-found">
              {position.fromMap
                ? t('map.picked')
                : position.fromText !== undefined
                  ? t('report.placeFromText', { label: position.fromText })
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
