import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { useSession } from '../session/session-provider';

export interface MapWorkplace {
  id: string;
  name: string;
  location: { lat: number; lng: number };
  triggered: boolean;
  /** The count as shown (already k-anonymous), e.g. "12" or "fewer than 5". */
  label: string;
}

/**
 * Workplaces of a campaign by state, labelled with their counts only. Like the city map, no tile
 * server unless the city pack names one: no third party learns where members look.
 */
export function CampaignMap({ label, workplaces }: { label: string; workplaces: MapWorkplace[] }) {
  const { city } = useSession();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { attributionControl: Boolean(city?.tiles) });
    if (city?.tiles) {
      L.tileLayer(city.tiles.url, { attribution: city.tiles.attribution, maxZoom: 19 }).addTo(map);
    }
    const points: L.LatLngExpression[] = [];
    for (const w of workplaces) {
      const at: L.LatLngExpression = [w.location.lat, w.location.lng];
      points.push(at);
      L.circleMarker(at, {
        radius: 10,
        color: w.triggered ? '#8a1c14' : '#3d3d45',
        fillOpacity: w.triggered ? 0.8 : 0.3,
      })
        .bindTooltip(`${w.name}: ${w.label}`, { permanent: true, direction: 'top' })
        .addTo(map);
    }
    if (points.length > 0)
      map.fitBounds(L.latLngBounds(points), { maxZoom: 14, padding: [30, 30] });
    else map.setView([44.97, -93.26], 11);
    return () => {
      map.remove();
    };
  }, [city, workplaces]);
  return (
    <div
      ref={element}
      className="campaign-map"
      role="region"
      aria-label={label}
      data-testid="campaign-map"
    />
  );
}
