import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { hmn } from './hmn';
import { so } from './so';
import { STRING_PARTS } from '../lib/i18n';

/** Route-loaded parts, and the parts lazily loaded code loads itself (lib/own-strings.ts). */
const PARTS = [...STRING_PARTS, 'photos', 'account'] as const;

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** A language's every string: its shell and each part the screens load with them. */
async function everything(language: string, shell: object): Promise<Tree> {
  const tree: Tree = { ...(shell as Tree) };
  for (const part of PARTS) {
    const module = (await import(`./${language}/${part}.ts`)) as Record<string, Tree>;
    const strings = module[part];
    expect(strings, `${language}/${part}`).toBeDefined();
    for (const [key, value] of Object.entries(strings ?? {})) {
      expect(tree, `${language}: ${key} is in two parts`).not.toHaveProperty(key);
      tree[key] = value;
    }
  }
  return tree;
}

describe('translations', () => {
  it.each([
    ['es', es],
    ['so', so],
    ['hmn', hmn],
  ])(
    '%s has every English string, none empty, with the same placeholders',
    async (language, shell) => {
      const source = new Map(leaves(await everything('en', en)));
      const translated = new Map(leaves(await everything(language, shell)));
      expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
      for (const [key, text] of translated) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(source.get(key) ?? ''));
      }
    },
  );

  it('keeps the shell and the parts apart: no top-level key of a part is in the shell', async () => {
    const shell = Object.keys(en);
    for (const part of PARTS) {
      const module = (await import(`./en/${part}.ts`)) as Record<string, Tree>;
      for (const key of Object.keys(module[part] ?? {})) expect(shell, part).not.toContain(key);
    }
  });
});
