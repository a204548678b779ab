/**
 * A small Markdown reader for minutes: headings, paragraphs, block quotes, lists (with task
 * boxes), tables, and inline bold, italics, strike-through and code, with backslash escapes.
 * It yields a tree of plain nodes that React renders as elements: no HTML is ever parsed or
 * injected, so a member's text cannot become markup, a script or a link.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  | { type: 'code'; text: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; items: { checked: boolean | null; children: Inline[] }[] }
  | { type: 'table'; head: Inline[][]; rows: Inline[][][] };

const DELIMITERS: [string, 'strong' | 'del' | 'em'][] = [
  ['**', 'strong'],
  ['~~', 'del'],
  ['*', 'em'],
  ['_', 'em'],
];

/** The index of `delimiter` closing at or after `from`, skipping escaped characters; -1 if none. */
function closing(text: string, delimiter: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(delimiter, i) && i > from) return i;
  }
  return -1;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  outer: while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    for (const [delimiter, type] of DELIMITERS) {
      if (!text.startsWith(delimiter, i)) continue;
      const start = i + delimiter.length;
      const end = closing(text, delimiter, start);
      if (end < 0) continue;
      flush();
      out.push({ type, children: parseInline(text.slice(start, end)) });
      i = end + delimiter.length;
      continue outer;
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** Splits a table row on unescaped pipes. */
function cells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '');
  const parts: string[] = [];
  let cell = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === '\\' && i + 1 < trimmed.length) {
      cell += c + trimmed[i + 1];
      i++;
    } else if (c === '|') {
      parts.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim()) parts.push(cell.trim());
  return parts;
}

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = (heading[1] ?? '#').length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: 'heading', level, children: parseInline((heading[2] ?? '').trim()) });
      i++;
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^>\s?/.test(lines[i] ?? '')) {
        quoted.push((lines[i] ?? '').replace(/^>\s?/, ''));
        i++;
      }
      blocks.push({ type: 'quote', children: parseMarkdown(quoted.join('\n')) });
      continue;
    }
    const bullet = /^\s*(?:[-*+]|(\d+)[.)])\s+/;
    if (bullet.test(line)) {
      const ordered = Boolean(bullet.exec(line)?.[1]);
      const items: { checked: boolean | null; children: Inline[] }[] = [];
      while (i < lines.length && bullet.test(lines[i] ?? '')) {
        const rest = (lines[i] ?? '').replace(bullet, '');
        const task = /^\[([ xX])\]\s+(.*)$/.exec(rest);
        items.push(
          task
            ? { checked: task[1] !== ' ', children: parseInline(task[2] ?? '') }
            : { checked: null, children: parseInline(rest) },
        );
        i++;
      }
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    if (line.trim().startsWith('|') && SEPARATOR.test((lines[i + 1] ?? '').trim())) {
      const head = cells(line).map(parseInline);
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && (lines[i] ?? '').trim().startsWith('|')) {
        rows.push(cells(lines[i] ?? '').map(parseInline));
        i++;
      }
      blocks.push({ type: 'table', head, rows });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() &&
      !/^(#{1,6}\s|>|\s*(?:[-*+]|\d+[.)])\s)/.test(lines[i] ?? '')
    ) {
      paragraph.push((lines[i] ?? '').trim());
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}
