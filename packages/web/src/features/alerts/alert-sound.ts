const SOUND_KEY = 'tocsin.alertSound';

/** Whether the member chose a sound for a confirmed alert near them (off unless chosen). */
export function alertSoundOn(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setAlertSound(on: boolean): void {
  if (on) localStorage.setItem(SOUND_KEY, 'on');
  else localStorage.removeItem(SOUND_KEY);
}
