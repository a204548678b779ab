import { useTranslation } from 'react-i18next';
import { cellOutline, toggleTurfCell } from '@tocsin/core/canvassing/turf';
import { LazyMap } from '../map/lazy-map';

/**
 * Drawing a turf: each tap on the map adds the block under it, a second tap takes it out (the
 * rule is core's toggleTurfCell). Loaded only when "blocks I choose on the map" is picked, so
 * h3-js stays out of the canvassing page's first load.
 */
export function TurfDraw({
  areaId,
  cells,
  onChange,
}: {
  areaId: string;
  cells: string[];
  onChange: (update: (current: string[]) => string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="turf-draw" data-testid="turf-draw">
      <LazyMap
        label={t('canvass.create.mapLabel')}
        focusAreaId={areaId}
        onPick={(point) => onChange((current) => toggleTurfCell(current, point))}
        cells={cells.map((cell, i) => ({
          id: cell,
          outline: cellOutline(cell).map(([lat, lng]) => ({ lat, lng })),
          label: t('canvass.create.block', { n: i + 1 }),
        }))}
      />
      <p className="hint" aria-live="polite" data-testid="turf-picked">
        {t('canvass.create.picked', { count: cells.length })}
      </p>
      {cells.length > 0 ? (
        <button type="button" className="button button--quiet" onClick={() => onChange(() => [])}>
          {t('canvass.create.clear')}
        </button>
      ) : null}
    </div>
  );
}
