import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { hmn } from './hmn';
import { so } from './so';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const source = new Map(leaves(en));

  it.each([
    ['es', es],
    ['so', so],
    ['hmn', hmn],
  ])('%s has every English string, none empty, with the same placeholders', (_, messages) => {
    const translated = new Map(leaves(messages));
    expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [key, text] of translated) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(source.get(key) ?? ''));
    }
  });
});
