/** What a QR detector gives back: the shape of the Shape Detection API. */
interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

/**
 * The browser's own BarcodeDetector where it has one, else the `qr` library's ponyfill of it
 * (loaded only when needed; all on this phone, nothing is sent anywhere).
 */
async function qrDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => Detector })
    .BarcodeDetector;
  if (native) return new native({ formats: ['qr_code'] });
  const { BarcodeDetector } = await import('qr/decode.js');
  return new BarcodeDetector({ formats: ['qr_code'] });
}

/**
 * Starts the back camera in `video` and reads frames until a QR code is found; resolves with its
 * text. `stop()` ends the camera (and the scan, which then resolves null).
 */
export function scanQr(video: HTMLVideoElement): {
  result: Promise<string | null>;
  stop: () => void;
} {
  let stopped = false;
  let stream: MediaStream | null = null;
  const stop = () => {
    stopped = true;
    stream?.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  };
  const result = (async () => {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
      audio: false,
    });
    if (stopped) {
      stop();
      return null;
    }
    video.srcObject = stream;
    await video.play();
    const detector = await qrDetector();
    while (!stopped) {
      const found = await detector.detect(video).catch(() => []);
      const text = found[0]?.rawValue;
      if (text) {
        stop();
        return text;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return null;
  })();
  return { result, stop };
}

/** The handle in a member's vouch code: `<origin>/vouch#<handle>`, or a handle on its own. */
export function handleFromCode(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf('#');
  return (hash >= 0 ? trimmed.slice(hash + 1) : trimmed).trim().toLowerCase();
}
