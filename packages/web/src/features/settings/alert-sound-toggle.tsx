import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alertSoundOn, setAlertSound } from '../alerts/alert-sound';

/** Opt-in: a sound with the takeover of a confirmed alert near me (the vibration is always on). */
export function AlertSoundToggle() {
  const { t } = useTranslation();
  const [on, setOn] = useState(alertSoundOn);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => {
          setAlertSound(event.target.checked);
          setOn(event.target.checked);
        }}
      />{' '}
      {t('takeover.sound')}
    </label>
  );
}
