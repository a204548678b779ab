import L from 'leaflet';
// Before Leaflet's sheet, as when it was part of the app-wide sheet: Leaflet's rules win ties.
import './map.css';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { endpoints } from '../../lib/api';
import type { AreaOutlines } from '@tocsin/core/api/membership';
import type { LatLng } from '@tocsin/core/geo/lat-lng';
import type { IncidentState } from '@tocsin/core/incidents/incident';
import { useSession } from '../session/session-provider';

export interface MapIncident {
  id: string;
  state: IncidentState;
  location: LatLng;
  label: string;
}

export interface CityMapProps {
  /** What the map shows, for screen readers (the same facts are in the page's text). */
  label: string;
  incidents?: MapIncident[];
  center?: LatLng;
  /** A tap on the map picks a place (the report form). */
  onPick?: (place: LatLng) => void;
  picked?: LatLng | null;
  onOpen?: (incidentId: string) => void;
  /** Places to compare, labeled (the place named in a message and the phone's position). */
  marks?: { at: LatLng; label: string; tone: 'text' | 'gps' }[];
  /** Rough areas drawn as outlines (the console's responders on shift: coarse cells only). */
  cells?: { id: string; outline: LatLng[]; label: string }[];
  /** The incident to ring (the console's selected one). */
  selected?: string | null;
  /** Other things at a place (upcoming events at the centre of their coarse cell), tap to open. */
  pins?: { id: string; at: LatLng; label: string }[];
  onOpenPin?: (id: string) => void;
  /** Without a center: the area whose outline the map first fits (otherwise the whole city). */
  focusAreaId?: string;
}

// Matches the state colours of the badges (app.css).
const COLOURS: Record<IncidentState, string> = {
  reported: '#3d3d45',
  corroborated: '#c48a00',
  confirmed: '#b3261e',
  false_alarm: '#455a64',
  ended: '#1b5e20',
  merged: '#5b3a8c',
};

let outlines: Promise<AreaOutlines> | null = null;
function loadOutlines(): Promise<AreaOutlines> {
  outlines ??= endpoints.areaOutlines().catch((error: unknown) => {
    outlines = null;
    throw error;
  });
  return outlines;
}

/**
 * The city's neighborhoods and incidents with Leaflet. With no tile server in the city pack the
 * outlines are drawn on a plain background, so no third party is ever contacted.
 */
export function CityMap({
  label,
  incidents = [],
  center,
  onPick,
  picked,
  onOpen,
  marks = [],
  cells = [],
  selected = null,
  pins = [],
  onOpenPin,
  focusAreaId,
}: CityMapProps) {
  const { city } = useSession();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const handlers = useRef({ onPick, onOpen, onOpenPin });
  handlers.current = { onPick, onOpen, onOpenPin };

  useEffect(() => {
    if (!element.current) return;
    const created = L.map(element.current, {
      attributionControl: Boolean(city?.tiles),
      zoomSnap: 0.5,
    }).setView(center ?? { lat: 44.97, lng: -93.26 }, center ? 14 : 11);
    if (city?.tiles) {
      L.tileLayer(city.tiles.url, { attribution: city.tiles.attribution, maxZoom: 19 }).addTo(
        created,
      );
    }
    layers.current = L.layerGroup().addTo(created);
    created.on('click', (event: L.LeafletMouseEvent) =>
      handlers.current.onPick?.({ lat: event.latlng.lat, lng: event.latlng.lng }),
    );
    map.current = created;
    let cancelled = false;
    void loadOutlines()
      .then((collection) => {
        if (cancelled) return;
        const shapes = L.geoJSON(collection, {
          style: { color: '#4a4a52', weight: 1, fillColor: '#ffffff', fillOpacity: 0.45 },
          interactive: false,
        }).addTo(created);
        shapes.bringToBack();
        // No animation: a screen left at once would remove the map mid-zoom, and Leaflet's
        // end-of-zoom step then throws on the removed panes.
        let focus: L.Layer | undefined;
        shapes.eachLayer((layer) => {
          if ((layer as L.Layer & { feature?: { id?: unknown } }).feature?.id === focusAreaId)
            focus = layer;
        });
        const bounds = focus && focusAreaId ? (focus as L.Polygon).getBounds() : shapes.getBounds();
        if (!center) created.fitBounds(bounds, { padding: [8, 8], animate: false });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      created.remove();
      map.current = null;
    };
    // The map is made once; markers follow the props below.
  }, [city?.tiles, focusAreaId]);

  useEffect(() => {
    const group = layers.current;
    if (!group) return;
    group.clearLayers();
    for (const cell of cells) {
      L.polygon(cell.outline, {
        color: '#0b57d0',
        weight: 2,
        fillColor: '#0b57d0',
        fillOpacity: 0.15,
      })
        .bindTooltip(cell.label)
        .addTo(group);
    }
    for (const incident of incidents) {
      const colour = COLOURS[incident.state];
      const ringed = incident.id === selected;
      L.circleMarker(incident.location, {
        radius: ringed ? 13 : 10,
        color: ringed ? '#000000' : '#ffffff',
        weight: ringed ? 4 : 2,
        fillColor: colour,
        fillOpacity: 0.95,
      })
        .bindTooltip(incident.label)
        .on('click', () => handlers.current.onOpen?.(incident.id))
        .addTo(group);
    }
    for (const mark of marks) {
      L.circleMarker(mark.at, {
        radius: 8,
        color: mark.tone === 'text' ? '#b3261e' : '#0b57d0',
        weight: 3,
        dashArray: mark.tone === 'gps' ? '4 3' : undefined,
        fillOpacity: 0.2,
      })
        .bindTooltip(mark.label, { permanent: true, direction: 'top' })
        .addTo(group);
    }
    if (marks.length > 1) {
      map.current?.fitBounds(L.latLngBounds(marks.map((m) => m.at)), {
        padding: [40, 40],
        animate: false,
      });
    }
    for (const pin of pins) {
      L.circleMarker(pin.at, {
        radius: 9,
        color: '#ffffff',
        weight: 2,
        fillColor: '#0b57d0',
        fillOpacity: 0.9,
        className: 'map-pin',
      })
        .bindTooltip(pin.label)
        .on('click', () => handlers.current.onOpenPin?.(pin.id))
        .addTo(group);
    }
    if (picked) {
      L.circleMarker(picked, { radius: 9, color: '#0b57d0', weight: 3, fillOpacity: 0.3 }).addTo(
        group,
      );
    }
  }, [incidents, picked, marks, cells, selected, pins]);

  return <div ref={element} className="map" role="region" aria-label={label} />;
}
