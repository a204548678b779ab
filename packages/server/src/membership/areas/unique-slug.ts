import { slugify } from '@tocsin/core';

/** `base`, or the first of `base-2`, `base-3`… that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The slug a display name gives, never empty. */
export function slugOf(name: string, fallback: string): string {
  return slugify(name) || fallback;
}
