import { shownCount } from '../privacy/k-anon';
import { AID_CATEGORIES, type AidCategory } from './requests';

/** Requests of a category as the group's stats show them: every count under 5 is null. */
export interface AidCategoryStats {
  category: AidCategory;
  open: number | null;
  fulfilled: number | null;
  closed: number | null;
}

/** Counts by category from (category, state/outcome) rows, shown with k = 5. */
export function aidStats(
  rows: Iterable<{ category: AidCategory; state: string; outcome: string | null; n: number }>,
): AidCategoryStats[] {
  const raw = new Map(AID_CATEGORIES.map((c) => [c, { open: 0, fulfilled: 0, closed: 0 }]));
  for (const row of rows) {
    const entry = raw.get(row.category);
    if (!entry) continue;
    if (row.state !== 'closed') entry.open += row.n;
    else {
      entry.closed += row.n;
      if (row.outcome === 'fulfilled') entry.fulfilled += row.n;
    }
  }
  return AID_CATEGORIES.map((category) => {
    const e = raw.get(category)!;
    return {
      category,
      open: shownCount(e.open),
      fulfilled: shownCount(e.fulfilled),
      closed: shownCount(e.closed),
    };
  });
}
