// The console's sound on a new incident: two short tones made with Web Audio (no file to fetch).
// Opt-in: browsers let a page make sound only after a tap, and a shared desk may want silence.

const KEY = 'tocsin.console.sound';
let context: AudioContext | null = null;

/** Whether the dispatcher turned the sound on (this browser only). */
export function soundWanted(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Turns the sound on or off; turning it on (a tap) also unlocks audio for later alerts. */
export function setSoundWanted(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // Private mode: the choice lasts as long as the page.
  }
  if (on) void audio()?.resume();
}

function audio(): AudioContext | null {
  if (context) return context;
  const Context = window.AudioContext as typeof AudioContext | undefined;
  if (!Context) return null;
  context = new Context();
  return context;
}

/** Plays the new-incident sound: a rising pair of tones, half a second in all. */
export function chime(): void {
  const ctx = audio();
  if (!ctx) return;
  const start = ctx.currentTime + 0.01;
  [660, 880].forEach((frequency, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const at = start + i * 0.22;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.21);
  });
}
