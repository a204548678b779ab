/** Cuts `s` to at most `max` UTF-16 units without leaving half a surrogate pair behind. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

// Control characters other than tab and newline only cause trouble downstream (PostgreSQL
// rejects NUL in text columns), so parsed values never carry them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const EDGE_NOISE = /^(?:[\s*_~`|,;:=>•·/\-–—]|\p{Extended_Pictographic}|\uFE0F|\u200D)+/u;
const EDGE_NOISE_END = /(?:[\s*_~`|,;:=>•·/\-–—]|\p{Extended_Pictographic}|\uFE0F|\u200D)+$/u;

/** Cleans a parsed value: no control characters, single spaces, no bullet or markdown noise at the edges. */
export function cleanValue(s: string): string {
  return s
    .replace(CONTROL, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(EDGE_NOISE, '')
    .replace(EDGE_NOISE_END, '');
}

/** Cleans and caps a value; trims again because the cut may end in a space. */
export function capValue(s: string, max: number): string {
  return capText(cleanValue(s), max).trim();
}

/**
 * Lowercases and strips accents one character at a time, keeping every index aligned with the
 * input, so a match found in the folded copy can be sliced out of the original text.
 */
export function foldForMatch(s: string): string {
  let out = '';
  for (const ch of s) {
    const bare = ch
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    if (bare.length === ch.length) out += bare;
    else {
      const lower = ch.toLowerCase();
      out += lower.length === ch.length ? lower : ch;
    }
  }
  return out;
}
