import { EARTH_RADIUS_METERS } from './haversine';

/** The point `meters` away from (lat, lng) along `bearing` (radians from north), on H3's sphere. */
export function destination(
  lat: number,
  lng: number,
  bearing: number,
  meters: number,
): { lat: number; lng: number } {
  const d = meters / EARTH_RADIUS_METERS;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lng * Math.PI) / 180;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing));
  const λ2 =
    λ1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(d) * Math.cos(φ1),
      Math.cos(d) - Math.sin(φ1) * Math.sin(φ2),
    );
  const lngDeg = (((((λ2 * 180) / Math.PI + 540) % 360) + 360) % 360) - 180;
  return { lat: (φ2 * 180) / Math.PI, lng: lngDeg };
}
