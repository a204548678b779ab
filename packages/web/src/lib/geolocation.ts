export interface Position {
  lat: number;
  lng: number;
  accuracy: number;
  /** Chosen with a tap on the map rather than measured by the phone. */
  fromMap?: boolean;
  /** Read from the text (a pasted message or a typed corner): the gazetteer's name of it. */
  fromText?: string;
}

export type PositionFailure = 'denied' | 'unavailable';

/** Thrown when no position comes: `denied` by the person or the site settings, else `unavailable`. */
export class PositionError extends Error {
  constructor(readonly reason: PositionFailure) {
    super(`position ${reason}`);
    this.name = 'PositionError';
  }
}

/** One position fix from the phone, within `timeoutMs`. */
export function currentPosition(timeoutMs = 15_000): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) {
      reject(new PositionError('unavailable'));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy: position.coords.accuracy,
        }),
      (error) =>
        reject(
          new PositionError(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
        ),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** Whether the site may already read the position without asking. */
export async function positionGranted(): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({ name: 'geolocation' });
    return status.state === 'granted';
  } catch {
    return false;
  }
}
