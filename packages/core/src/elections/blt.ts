// The BLT ballot file (the OpenSTV / droop format), read and written. One file is:
//   line 1      `candidates seats`
//   optional    withdrawn candidates as negative numbers, e.g. `-3 -5`
//   ballots     `weight c1 c2 ... 0` (weight = how many identical papers; ci numbered from 1)
//   `0`         the end of the ballots
//   names       one quoted name per candidate, in number order
//   title       one quoted line (optional on read; always written); any lines after it are notes
// UTF-8 with or without a byte-order mark, LF or CRLF line ends; blank lines are skipped.

/** A counted election as the BLT file gives it. Candidates are 0-based indices into `candidates`. */
export interface BltElection {
  title: string;
  seats: number;
  candidates: string[];
  /** Indices of withdrawn candidates (their preferences are skipped; they cannot be elected). */
  withdrawn: number[];
  /** Each line of the file: `weight` identical papers ranking `ranking` (most preferred first). */
  ballots: { weight: number; ranking: number[] }[];
  /** Lines after the title, as they stand (some files give a source or a comment there). */
  notes?: string[];
}

/** A malformed BLT file: the 1-based line number and what was expected there. */
export class BltError extends Error {
  constructor(
    readonly line: number,
    readonly expected: string,
    found: string,
  ) {
    super(
      `line ${line}: expected ${expected}, found ${found === '' ? 'end of file' : JSON.stringify(found.length > 60 ? `${found.slice(0, 57)}...` : found)}`,
    );
    this.name = 'BltError';
  }
}

const INTEGER = /^(0|[1-9][0-9]*)$/;
const NEGATIVE = /^-[1-9][0-9]*$/;
const QUOTED = /^"([^"]*)"$/;

/** Parses a BLT file; throws BltError naming the line and what was expected there. */
export function parseBlt(text: string): BltElection {
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r?\n/);
  let index = 0;
  /** The next non-blank line (trimmed) and its 1-based number; '' at the end of the file. */
  const next = (): { line: number; text: string } => {
    while (index < lines.length && lines[index]!.trim() === '') index++;
    if (index >= lines.length) return { line: lines.length, text: '' };
    const line = { line: index + 1, text: lines[index]!.trim() };
    index++;
    return line;
  };
  const peek = (): string => {
    let i = index;
    while (i < lines.length && lines[i]!.trim() === '') i++;
    return i < lines.length ? lines[i]!.trim() : '';
  };

  const header = next();
  const headerFields = header.text.split(/\s+/);
  if (headerFields.length !== 2 || !headerFields.every((f) => INTEGER.test(f)))
    throw new BltError(
      header.line,
      'the header "candidates seats" (two whole numbers)',
      header.text,
    );
  const count = Number(headerFields[0]);
  const seats = Number(headerFields[1]);
  if (count < 1) throw new BltError(header.line, 'at least one candidate', header.text);
  if (seats < 1 || seats > count)
    throw new BltError(header.line, `a number of seats from 1 to ${count}`, header.text);

  const withdrawn: number[] = [];
  if (peek().startsWith('-')) {
    const line = next();
    for (const field of line.text.split(/\s+/)) {
      const n = -Number(field);
      if (!NEGATIVE.test(field) || n > count)
        throw new BltError(
          line.line,
          `withdrawn candidates as numbers from -1 to -${count}`,
          field,
        );
      if (withdrawn.includes(n - 1))
        throw new BltError(line.line, 'each withdrawn candidate once', field);
      withdrawn.push(n - 1);
    }
  }

  const ballots: BltElection['ballots'] = [];
  for (;;) {
    const line = next();
    const fields = line.text.split(/\s+/);
    if (line.text === '0') break;
    const expected = `a ballot line "weight c1 c2 ... 0" with candidates from 1 to ${count}, or the 0 line`;
    if (line.text === '' || !fields.every((f) => INTEGER.test(f)) || fields.length < 2)
      throw new BltError(line.line, expected, line.text);
    if (fields[fields.length - 1] !== '0')
      throw new BltError(line.line, 'a ballot line ending in 0', line.text);
    const weight = Number(fields[0]);
    if (weight < 1 || !Number.isSafeInteger(weight))
      throw new BltError(line.line, 'a ballot weight of at least 1', fields[0]!);
    const ranking: number[] = [];
    for (const field of fields.slice(1, -1)) {
      const c = Number(field);
      if (c < 1 || c > count)
        throw new BltError(line.line, `a candidate from 1 to ${count}`, field);
      if (ranking.includes(c - 1))
        throw new BltError(line.line, `each candidate at most once on a ballot`, field);
      ranking.push(c - 1);
    }
    ballots.push({ weight, ranking });
  }

  const candidates: string[] = [];
  for (let c = 0; c < count; c++) {
    const line = next();
    const name = QUOTED.exec(line.text)?.[1];
    if (name === undefined)
      throw new BltError(line.line, `the quoted name of candidate ${c + 1} of ${count}`, line.text);
    if (candidates.includes(name))
      throw new BltError(line.line, `a name no other candidate has`, line.text);
    candidates.push(name);
  }

  let title = '';
  const titleLine = next();
  if (titleLine.text !== '') {
    const quoted = QUOTED.exec(titleLine.text)?.[1];
    if (quoted === undefined)
      throw new BltError(titleLine.line, 'the quoted title', titleLine.text);
    title = quoted;
  }
  // Some files (ERS test sets, droop's) go on after the title with a source or a comment: free
  // text that no count reads, kept as it stands.
  const notes: string[] = [];
  for (let line = next(); line.text !== ''; line = next()) notes.push(line.text);
  return {
    title,
    seats,
    candidates,
    withdrawn: withdrawn.sort((a, b) => a - b),
    ballots,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function quote(text: string, what: string): string {
  if (/["\r\n]/.test(text))
    throw new Error(`${what} cannot be written to a BLT file: it holds a quote or a line break`);
  return `"${text}"`;
}

/** Writes the election as a BLT file (LF line ends, no byte-order mark), readable by parseBlt and droop. */
export function writeBlt(election: BltElection): string {
  const out = [`${election.candidates.length} ${election.seats}`];
  if (election.withdrawn.length > 0) out.push(election.withdrawn.map((c) => -(c + 1)).join(' '));
  for (const ballot of election.ballots)
    out.push([ballot.weight, ...ballot.ranking.map((c) => c + 1), 0].join(' '));
  out.push('0');
  for (const name of election.candidates) out.push(quote(name, `The name ${name}`));
  out.push(quote(election.title, 'The title'));
  for (const note of election.notes ?? []) {
    if (/[\r\n]/.test(note))
      throw new Error('A note cannot be written to a BLT file: it holds a line break');
    out.push(note);
  }
  return `${out.join('\n')}\n`;
}
