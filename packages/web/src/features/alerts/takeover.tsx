import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { haversineMeters } from '@tocsin/core/geo/haversine';
import { StateBadge } from '../../ui/state-badge';
import { formatDistance } from '../home/distance';
import { alertSoundOn } from './alert-sound';
import type { Takeover } from './use-takeover';
import './takeover.css';
import { activityText } from '../../lib/activity-text';

/** Long, short, long, short, long: felt in a pocket, unlike a message's single buzz. */
export const TAKEOVER_VIBRATION = [600, 200, 600, 200, 1200];

/** Three falling tones through Web Audio: no sound file to fetch, nothing to cache. */
function playAlarm(): void {
  const Context = window.AudioContext as typeof AudioContext | undefined;
  if (!Context) return;
  const audio = new Context();
  const start = audio.currentTime;
  for (let i = 0; i < 3; i++) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'square';
    tone.frequency.setValueAtTime(880, start + i * 0.6);
    tone.frequency.linearRampToValueAtTime(440, start + i * 0.6 + 0.45);
    gain.gain.setValueAtTime(0.2, start + i * 0.6);
    gain.gain.setValueAtTime(0, start + i * 0.6 + 0.45);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + i * 0.6);
    tone.stop(start + i * 0.6 + 0.5);
  }
  window.setTimeout(() => void audio.close().catch(() => undefined), 2_500);
}

/**
 * A confirmed incident within 500 m: the whole screen, a vibration and (if chosen in settings) a
 * sound, until the member dismisses it or opens the incident. Loaded only when one comes.
 */
export default function TakeoverScreen({
  takeover,
  onDismiss,
}: {
  takeover: Takeover;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const dismissRef = useRef<HTMLButtonElement>(null);
  const { incident } = takeover.alert;
  const meters = haversineMeters(takeover.position, incident.location);

  useEffect(() => {
    dismissRef.current?.focus();
    if ('vibrate' in navigator) navigator.vibrate(TAKEOVER_VIBRATION);
    if (alertSoundOn()) playAlarm();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [takeover, onDismiss]);

  return (
    <div
      className="takeover"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="takeover-title"
      aria-describedby="takeover-text"
      data-testid="takeover"
    >
      <div className="takeover__body">
        <StateBadge state={incident.state} />
        <h2 id="takeover-title" className="takeover__title">
          {t('takeover.title')}
        </h2>
        <p id="takeover-text" className="takeover__text">
          <strong>{activityText(t, incident)}</strong>
          <br />
          {t('takeover.distance', { distance: formatDistance(meters) })}
          {incident.area ? ` · ${incident.area.name}` : ''}
        </p>
        <p className="takeover__advice">{t('takeover.advice')}</p>
        <Link
          className="button button--large button--block takeover__open"
          to={`/incidents/${incident.id}`}
          onClick={onDismiss}
        >
          {t('takeover.open')}
        </Link>
        <button
          ref={dismissRef}
          type="button"
          className="button button--large button--block takeover__dismiss"
          onClick={onDismiss}
        >
          {t('takeover.dismiss')}
        </button>
      </div>
    </div>
  );
}
