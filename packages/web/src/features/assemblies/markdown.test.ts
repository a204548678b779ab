import { describe, expect, it } from 'vitest';
import { diffMarkdown, escapeMarkdown } from '@tocsin/core/assemblies/text-diff';
import { parseInline, parseMarkdown } from './markdown';

describe('minutes markdown', () => {
  it('reads headings, lists, task boxes, quotes and tables', () => {
    const blocks = parseMarkdown(
      [
        '# Assembly',
        '',
        '- Attendance: 5 of 8 on the roll',
        '',
        '1. Report back (10 min)',
        '2. Rent strike',
        '',
        '> We hold a rally',
        '',
        '| Member | Vote |',
        '| --- | --- |',
        '| ana | yes |',
        '',
        '- [x] Book the park — ana, due 2026-12-12',
        '- [ ] Print flyers',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual([
      'heading',
      'list',
      'list',
      'quote',
      'table',
      'list',
    ]);
    const tasks = blocks[5];
    expect(tasks?.type === 'list' && tasks.items.map((item) => item.checked)).toEqual([
      true,
      false,
    ]);
    const table = blocks[4];
    expect(table?.type === 'table' && table.rows[0]).toEqual([
      [{ type: 'text', text: 'ana' }],
      [{ type: 'text', text: 'yes' }],
    ]);
  });

  it('shows an amendment diff as struck and bold words', () => {
    expect(parseInline(diffMarkdown('rally on Friday', 'rally on Saturday'))).toEqual([
      { type: 'text', text: 'rally on ' },
      { type: 'del', children: [{ type: 'text', text: 'Friday' }] },
      { type: 'text', text: ' ' },
      { type: 'strong', children: [{ type: 'text', text: 'Saturday' }] },
    ]);
  });

  it('keeps escaped and hostile text as text: no HTML, no links', () => {
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **not bold**';
    const nodes = parseInline(escapeMarkdown(hostile));
    expect(nodes).toEqual([{ type: 'text', text: hostile }]);
    const raw = parseInline('<script>alert(1)</script>');
    expect(raw).toEqual([{ type: 'text', text: '<script>alert(1)</script>' }]);
  });
});
