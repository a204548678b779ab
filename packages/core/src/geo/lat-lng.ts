/** A WGS84 point in degrees. */
export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

/** Throws a RangeError unless lat/lng are finite degrees within the globe's range. */
export function assertLatLng(lat: number, lng: number): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new RangeError(`latitude must be a number in [-90, 90], got ${lat}`);
  }
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw new RangeError(`longitude must be a number in [-180, 180], got ${lng}`);
  }
}
