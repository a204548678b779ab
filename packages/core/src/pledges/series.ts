import { shownPublished, type ShownCount } from './counts';

/** One publication of a campaign's counts: per workplace, already stepped (0 = under k). */
export interface Publication {
  at: Date;
  workplaces: Readonly<Record<string, number>>;
}

/** A point of a sector's stepped series. */
export interface SectorPoint {
  at: string;
  pledgers: ShownCount;
}

/**
 * Pledges over time per sector, from published (stepped) workplace counts: each sector's sum at
 * each publication, shown k-anonymously. Sums of stepped values are themselves multiples of the
 * step and never below k unless a part was, so they reveal no more than the parts.
 */
export function sectorSeries(
  publications: readonly Publication[],
  sectorOf: (workplaceId: string) => string | null,
  k: number,
): Record<string, SectorPoint[]> {
  const series: Record<string, SectorPoint[]> = {};
  const sorted = [...publications].sort((a, b) => a.at.getTime() - b.at.getTime());
  const sectors = new Set<string>();
  for (const p of sorted) {
    for (const id of Object.keys(p.workplaces)) sectors.add(sectorOf(id) ?? 'other');
  }
  for (const sector of [...sectors].sort()) series[sector] = [];
  for (const p of sorted) {
    const sums = new Map<string, number>();
    for (const [id, value] of Object.entries(p.workplaces)) {
      const sector = sectorOf(id) ?? 'other';
      sums.set(sector, (sums.get(sector) ?? 0) + value);
    }
    for (const sector of sectors) {
      series[sector]?.push({
        at: p.at.toISOString(),
        pledgers: shownPublished(sums.get(sector) ?? 0, k),
      });
    }
  }
  return series;
}
