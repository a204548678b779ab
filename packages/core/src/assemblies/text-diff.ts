/** One run of a word diff: kept, removed from the old text, or added in the new one. */
export interface DiffPart {
  readonly op: 'same' | 'removed' | 'added';
  readonly text: string;
}

const MAX_CELLS = 4_000_000;

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

function push(parts: DiffPart[], op: DiffPart['op'], word: string): void {
  const last = parts.at(-1);
  if (last && last.op === op) parts[parts.length - 1] = { op, text: `${last.text} ${word}` };
  else parts.push({ op, text: word });
}

/**
 * A word-level diff (longest common subsequence) of a motion's text and an amendment's. Joining
 * the `same` and `removed` parts gives the old words; `same` and `added`, the new ones. Texts too
 * long for the table come back as one removal and one addition.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  const parts: DiffPart[] = [];
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    if (a.length) parts.push({ op: 'removed', text: a.join(' ') });
    if (b.length) parts.push({ op: 'added', text: b.join(' ') });
    return parts;
  }
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(parts, 'same', a[i] as string);
      i += 1;
      j += 1;
    } else if (
      i < a.length &&
      (j === b.length || (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
    ) {
      push(parts, 'removed', a[i] as string);
      i += 1;
    } else {
      push(parts, 'added', b[j] as string);
      j += 1;
    }
  }
  return parts;
}

/** The diff in Markdown: removed words struck through, added words in bold. */
export function diffMarkdown(before: string, after: string): string {
  return diffWords(before, after)
    .map((part) =>
      part.op === 'same'
        ? escapeMarkdown(part.text)
        : part.op === 'removed'
          ? `~~${escapeMarkdown(part.text)}~~`
          : `**${escapeMarkdown(part.text)}**`,
    )
    .join(' ');
}

/** Escapes what Markdown would read as formatting, so members' text stays text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#|~<>])/g, '\\$1');
}
