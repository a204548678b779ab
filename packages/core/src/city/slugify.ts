/** A URL-safe id from a display name: "St. Anthony West" → "st-anthony-west"; accents dropped, may be empty. */
export function slugify(name: string): string {
  return (
    name
      // NFKD splits "é" into "e" + a combining accent, which the next step removes.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}
