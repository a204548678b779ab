/** The six SALUTE fields. */
export type SaluteField = 'size' | 'activity' | 'location' | 'uniform' | 'time' | 'equipment';

/** A word recognized as a field label. */
export interface LabelMatch {
  field: SaluteField;
  /** One letter, like "S" or "A": counts only with ':', '=', '-' or (line start) '.'. */
  single: boolean;
  /** Counts only with ':', '=' or '-' after it, because the word is common in prose. */
  strict: boolean;
}

const SINGLE = new Map<string, SaluteField>([
  ['s', 'size'],
  ['a', 'activity'],
  ['l', 'location'],
  ['u', 'uniform'],
  ['t', 'time'],
  ['e', 'equipment'],
]);

// Words folded to lowercase without accents ("ubicación" → "ubicacion", "tamaño" → "tamano").
const CORE = new Map<string, SaluteField>([
  ['size', 'size'],
  ['tamano', 'size'],
  ['activity', 'activity'],
  ['activities', 'activity'],
  ['actividad', 'activity'],
  ['actividades', 'activity'],
  ['location', 'location'],
  ['lugar', 'location'],
  ['ubicacion', 'location'],
  ['uniform', 'uniform'],
  ['uniforms', 'uniform'],
  ['uniforme', 'uniform'],
  ['uniformes', 'uniform'],
  ['time', 'time'],
  ['hora', 'time'],
  ['equipment', 'equipment'],
  ['equipo', 'equipment'],
  ['equipos', 'equipment'],
]);

const EXTRA = new Map<string, SaluteField>([
  ['what', 'activity'],
  ['que', 'activity'],
  ['cantidad', 'size'],
  ['count', 'size'],
  ['loc', 'location'],
  ['where', 'location'],
  ['donde', 'location'],
  ['direccion', 'location'],
  ['place', 'location'],
  ['when', 'time'],
  ['cuando', 'time'],
  ['equip', 'equipment'],
  ['vehicle', 'equipment'],
  ['vehicles', 'equipment'],
  ['vehiculo', 'equipment'],
  ['vehiculos', 'equipment'],
]);

// Misspellings are tolerated only for long labels, where one slip cannot turn into another word.
const FUZZY_MIN = 6;

/** True when a and b differ by at most one insertion, deletion, substitution or swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return true;
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Recognizes a folded (lowercase, accent-free) word as a SALUTE label. */
export function matchLabel(word: string): LabelMatch | undefined {
  if (word.length === 1) {
    const field = SINGLE.get(word);
    return field === undefined ? undefined : { field, single: true, strict: false };
  }
  const core = CORE.get(word);
  if (core !== undefined) return { field: core, single: false, strict: false };
  const extra = EXTRA.get(word);
  if (extra !== undefined) return { field: extra, single: false, strict: true };
  if (word.length >= FUZZY_MIN && /^\p{L}+$/u.test(word)) {
    for (const [label, field] of CORE) {
      if (label.length >= FUZZY_MIN && withinOneEdit(word, label)) {
        return { field, single: false, strict: true };
      }
    }
  }
  return undefined;
}
