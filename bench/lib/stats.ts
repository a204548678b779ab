/** The q-quantile (0–1) of some values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function max(values: readonly number[]): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function min(values: readonly number[]): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

export const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;
export const ratio = (value: number) => value.toFixed(2);

/** "met" or "MISSED", for a table row. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}
