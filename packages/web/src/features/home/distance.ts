/** A distance as people say it: "350 m" to the nearest 10 m, "1.2 km" from a kilometer on. */
export function formatDistance(meters: number): string {
  if (meters < 995) return `${Math.max(10, Math.round(meters / 10) * 10)} m`;
  return `${(meters / 1000).toFixed(meters < 9_950 ? 1 : 0)} km`;
}
