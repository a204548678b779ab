import L from 'leaflet';
import '../map/map.css';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { CoverageBand } from '@tocsin/core/canvassing/outcomes';
import { cellOutline } from '@tocsin/core/canvassing/turf';

/** Coverage bands, light to dark (also in the legend). */
export const BAND_COLOURS: Record<CoverageBand, string> = {
  none: '#ffffff',
  few: '#c6dbef',
  some: '#4292c6',
  many: '#08306b',
};

/**
 * The progress choropleth: each canvassed block (H3 cell) filled by its coverage band. No tiles
 * are fetched; the blocks alone draw the shape of the turf. The same figures are in the page's
 * tables, for screen readers.
 */
export function CoverageMap({
  label,
  cells,
}: {
  label: string;
  cells: { cell: string; band: CoverageBand }[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const map = L.map(element, { attributionControl: false, zoomControl: true });
    const group = L.featureGroup();
    for (const c of cells) {
      L.polygon(cellOutline(c.cell), {
        color: '#333',
        weight: 1,
        fillColor: BAND_COLOURS[c.band],
        fillOpacity: 0.85,
        interactive: false,
      }).addTo(group);
    }
    group.addTo(map);
    if (cells.length > 0) map.fitBounds(group.getBounds(), { padding: [8, 8] });
    else map.setView([44.97, -93.26], 11);
    return () => {
      map.remove();
    };
  }, [cells]);
  return (
    <figure className="coverage-figure">
      <div ref={ref} className="coverage-map" data-testid="coverage-map" />
      <figcaption className="hint">{label}</figcaption>
    </figure>
  );
}
