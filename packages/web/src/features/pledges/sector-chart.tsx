import { useTranslation } from 'react-i18next';
import type { CampaignHistory } from '@tocsin/core/api/pledges';
import { useShownCount } from './shown-count';

const W = 320;
const H = 120;
const PAD = 24;

/**
 * Pledges over time for one sector as a step line: the published values only (a "fewer than k"
 * point is drawn at 0 and labelled as such), so the chart reveals nothing the counts do not.
 */
export function SectorChart({
  sector,
  points,
}: {
  sector: string;
  points: CampaignHistory['sectors'][string];
}) {
  const { t } = useTranslation();
  const shown = useShownCount();
  const values = points.map((p) => (typeof p.pledgers === 'number' ? p.pledgers : 0));
  const max = Math.max(5, ...values);
  const x = (i: number) =>
    PAD + (points.length <= 1 ? 0 : (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => H - PAD - (v * (H - 2 * PAD)) / max;
  let d = '';
  values.forEach((v, i) => {
    d += i === 0 ? `M${x(i)},${y(v)}` : `H${x(i)}V${y(v)}`;
  });
  const last = points[points.length - 1];
  const label = t('pledges.campaign.chartLabel', { sector });
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="sector-chart" role="img" aria-label={label}>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="currentColor" />
        <path d={d} />
        <text x={PAD} y={PAD - 8}>
          {max}
        </text>
        <text x={PAD} y={H - 6}>
          0
        </text>
      </svg>
      <figcaption>
        {sector}: {last ? shown(last.pledgers) : ''}
      </figcaption>
    </figure>
  );
}
