/** One problem in a city pack: the file, the path inside it, and what is wrong. */
export interface CityPackIssue {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

// Enough to fix the first problems without flooding a log when a whole file is wrong.
const ISSUES_IN_MESSAGE = 10;

/** A city pack failed validation; `issues` lists every problem found. */
export class CityPackError extends Error {
  override readonly name = 'CityPackError';
  readonly code = 'invalid_city_pack';
  readonly issues: readonly CityPackIssue[];

  constructor(issues: readonly CityPackIssue[]) {
    const lines = issues
      .slice(0, ISSUES_IN_MESSAGE)
      .map(({ file, path, message }) => `  ${file}: ${path === '' ? '' : `${path}: `}${message}`);
    const more = issues.length - lines.length;
    if (more > 0) lines.push(`  … and ${more} more`);
    super(`invalid city pack:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}

/** Render a zod-style path as `knowYourRights[1].lang`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}
