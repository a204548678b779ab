/** A licence plate reduced to the characters that identify it, with its state when known. */
export interface NormalizedPlate {
  plate: string;
  state?: string;
}

/** Two-letter codes of US states, DC, US territories and Canadian provinces and territories. */
export const REGION_CODES: ReadonlySet<string> = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ ' +
    'NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP ' +
    'AB BC MB NB NL NS NT NU ON PE QC SK YT'
  ).split(' '),
);

export const PLATE_MIN = 2;
export const PLATE_MAX = 8;
// A leading region code is split off only when what follows is a whole plate on its own (most
// US and Canadian passenger plates have 5 to 8 characters). "AB 1234" stays one plate "AB1234":
// chopping two real characters off a plate would make a wrong plate, and a wrong plate can hurt
// an innocent person, while a missing state only makes a match less specific.
const STATE_BODY_MIN = 5;

const SEPARATORS = /[\s.\-‐‑–—·]+/g;

function squash(s: string): string | null {
  const t = s.replace(SEPARATORS, '');
  return /^[A-Z0-9]+$/.test(t) ? t : null;
}

/**
 * Normalizes a plate as people write it ("mn abc 123", "ABC-1234") or returns null when it cannot
 * be one. A region code is kept apart only when separated by whitespace: dashes are printed on
 * many plates, so "MN-ABC123" is the plate "MNABC123".
 */
export function normalizePlate(raw: string): NormalizedPlate | null {
  // NFKC folds full-width letters from phone keyboards into ASCII.
  const s = raw.normalize('NFKC').toUpperCase().trim();
  if (s.length === 0 || s.length > 64) return null;
  const groups = s.split(/\s+/);
  const first = groups[0];
  if (groups.length >= 2 && first !== undefined && REGION_CODES.has(first)) {
    const body = squash(groups.slice(1).join(''));
    if (body !== null && body.length >= STATE_BODY_MIN && body.length <= PLATE_MAX) {
      return { state: first, plate: body };
    }
  }
  const plate = squash(s);
  if (plate === null || plate.length < PLATE_MIN || plate.length > PLATE_MAX) return null;
  return { plate };
}

/** Stable key of a normalized plate, "MN:ABC123" or "ABC123", for dedupe and keyed hashing. */
export function plateKey(p: NormalizedPlate): string {
  return p.state === undefined ? p.plate : `${p.state}:${p.plate}`;
}

/** Renders a plate the way normalizePlate reads it back unchanged, e.g. "MN ABC123". */
export function formatPlate(p: NormalizedPlate): string {
  return p.state === undefined ? p.plate : `${p.state} ${p.plate}`;
}

/**
 * Drops repeated plates, keeping the first of each, and a plate without state when the same plate
 * also came with one; at most `max` remain.
 */
export function dedupePlates(plates: readonly NormalizedPlate[], max: number): NormalizedPlate[] {
  const stated = new Set(plates.filter((p) => p.state !== undefined).map((p) => p.plate));
  const seen = new Set<string>();
  const out: NormalizedPlate[] = [];
  for (const p of plates) {
    const key = plateKey(p);
    if (seen.has(key) || (p.state === undefined && stated.has(p.plate))) continue;
    seen.add(key);
    out.push(p);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * One plate, however it is written: the canonical form used by parsing, approvals, lookups and
 * clustering. Separators and case never matter (normalizePlate). With the city's default state
 * (city pack `plateDefaultState`), a plate without a state is that state's, and the default
 * state's code run into the plate ("MNQRT551", "MN-KVX-381") is split off when what follows is
 * a whole plate on its own: "QRT551", "MN QRT551", "mn-qrt-551" and "MNQRT551" are one plate in
 * Minnesota. Another state's code is split off only when written apart ("WI QRT551").
 */
export function canonicalPlate(
  raw: string | NormalizedPlate,
  defaultState?: string,
): NormalizedPlate | null {
  const home = defaultState?.toUpperCase();
  const useHome = home !== undefined && REGION_CODES.has(home);
  let p = typeof raw === 'string' ? normalizePlate(raw) : raw;
  if (typeof raw === 'string' && useHome && (p === null || p.state === undefined)) {
    // "MNAAA0000" is nine characters: too long for one plate, a whole plate after the state.
    const upper = raw.normalize('NFKC').toUpperCase().trim();
    if (upper.startsWith(home)) {
      const split = normalizePlate(`${home} ${upper.slice(home.length).replace(SEPARATORS, '')}`);
      if (split?.state !== undefined && /\d/.test(split.plate)) p = split;
    }
  }
  if (p === null || !useHome || p.state !== undefined) return p;
  const rest = p.plate.slice(home.length);
  if (
    p.plate.startsWith(home) &&
    rest.length >= STATE_BODY_MIN &&
    rest.length <= PLATE_MAX &&
    /\d/.test(rest)
  ) {
    return { state: home, plate: rest };
  }
  return { state: home, plate: p.plate };
}

/** The canonical key ("MN:QRT551") of a plate as written, or null when it cannot be a plate. */
export function canonicalPlateKey(
  raw: string | NormalizedPlate,
  defaultState?: string,
): string | null {
  const p = canonicalPlate(raw, defaultState);
  return p === null ? null : plateKey(p);
}
