// The single transferable vote as the Scottish Local Government Elections Order 2007 (SSI 2007/42,
// schedule 1, rules 45-52) counts it. All arithmetic is on whole numbers of 1/100000 of a vote
// (five decimal places): totals are bigints; a paper's value never exceeds one vote (100000 units),
// so it and the sums of papers moved in one transfer stay exact integers below 2^53.
//
//   45  first preferences: each valid paper credits its first preference with one vote.
//   46  quota = floor(valid papers / (seats + 1)) + 1.
//   47  a candidate whose votes equal or exceed the quota is elected.
//   48  a surplus is transferred by moving every paper the candidate holds to its next continuing
//       preference, each at transfer value = surplus x paper's value / candidate's votes, worked to
//       five decimal places with the rest ignored; papers with no further preference are
//       non-transferable (they go to `exhausted` at that value). What truncation drops is `lost`.
//   49  the largest surplus goes first; equal surpluses: the one with more votes at the latest
//       earlier stage where they differed; equal at every stage: by lot.
//   50  with no surplus left to transfer, the lowest continuing candidate is excluded and all their
//       papers move at the value they carry.
//   51  equal lowest: the one with fewer votes at the latest earlier stage where they differed;
//       equal at every stage: by lot.
//   52  when the continuing candidates are no more than the seats left, they are elected and no
//       further transfer is made.
import { drawLot } from './lot';
import type { BltElection } from './blt';

/** One vote in fixed-point units. */
export const VOTE = 100_000;
const VOTE_N = 100_000n;

export type StvAction = 'first' | 'surplus' | 'exclusion';

export interface StvStage {
  action: StvAction;
  /** Whose surplus was transferred or who was excluded (absent for the first stage). */
  candidate?: string;
  /** Every continuing or elected candidate's votes at the end of the stage, in ballot-paper order. */
  votes: Record<string, string>;
  /** Non-transferable votes so far (papers with no further preference, at their value). */
  exhausted: string;
  /** Fractions of a vote dropped so far by truncating transfer values (rule 48(3)). */
  lost: string;
  /** Candidates who reached the quota at this stage, or were elected by rule 52 after it. */
  elected: string[];
}

export interface StvLot {
  /** The index in `stages` of the stage the lot decides. */
  stage: number;
  decides: 'surplus' | 'exclusion';
  between: string[];
  drawn: string;
}

export interface StvResult {
  method: 'scottish-stv';
  title: string;
  seats: number;
  /** Valid papers: those with at least one preference for a candidate who stood. */
  valid: string;
  quota: string;
  /** In order of election. */
  elected: string[];
  stages: StvStage[];
  /** The seed the lots were drawn from, and each lot drawn: a recount with the seed redraws them. */
  seed: string;
  lots: StvLot[];
}

export interface StvOptions {
  /** The seed for lots (see drawLot). */
  seed: string;
  /**
   * Replaces the seeded lot, to replay another counter's lots (tests). Gets the tied candidates'
   * indices and returns the drawn one.
   */
  lot?: (tied: number[], decides: 'surplus' | 'exclusion') => number;
}

/** A whole number of units as a decimal string with five places, e.g. 123456n -> "1.23456". */
export function formatVotes(units: bigint): string {
  const sign = units < 0n ? '-' : '';
  const abs = units < 0n ? -units : units;
  return `${sign}${abs / VOTE_N}.${String(abs % VOTE_N).padStart(5, '0')}`;
}

/** A decimal string with at most five places as whole units, e.g. "1.5" -> 150000n. */
export function parseVotes(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,5}))?$/.exec(text);
  if (!match) throw new Error(`not a vote total with at most five decimal places: ${text}`);
  const units = BigInt(match[2]!) * VOTE_N + BigInt((match[3] ?? '').padEnd(5, '0'));
  return match[1] === '-' ? -units : units;
}

const CONTINUING = 0;
const ELECTED = 1;
const EXCLUDED = 2;
const WITHDRAWN = 3;

/** Counts the election by the Scottish rules. Pure: the same election and seed give the same result. */
export function countScottishStv(election: BltElection, options: StvOptions): StvResult {
  const names = election.candidates;
  const n = names.length;
  const state = new Uint8Array(n);
  for (const c of election.withdrawn) state[c] = WITHDRAWN;

  // Papers: one per ballot line that still names a candidate who stood (blank ones are not valid).
  const lines = election.ballots
    .map((b) => ({ weight: b.weight, ranking: b.ranking.filter((c) => state[c] !== WITHDRAWN) }))
    .filter((b) => b.ranking.length > 0);
  const papers = lines.length;
  const offset = new Int32Array(papers + 1);
  lines.forEach((b, p) => (offset[p + 1] = offset[p]! + b.ranking.length));
  const prefs = new Int32Array(offset[papers]!);
  const weight = new Float64Array(papers); // whole numbers of identical papers
  const position = new Int32Array(papers); // index into prefs of the candidate holding the paper
  const value = new Float64Array(papers).fill(VOTE); // whole units, at most VOTE
  let valid = 0;
  lines.forEach((b, p) => {
    prefs.set(b.ranking, offset[p]);
    position[p] = offset[p]!;
    weight[p] = b.weight;
    valid += b.weight;
  });
  if (valid * VOTE > Number.MAX_SAFE_INTEGER)
    throw new Error('too many ballots to count exactly (at most 90,071,992,547)');
  if (valid === 0) throw new Error('no valid ballots: every paper is blank');

  const quota = (BigInt(valid) / BigInt(election.seats + 1) + 1n) * VOTE_N;
  const totals: bigint[] = new Array<bigint>(n).fill(0n);
  const piles: number[][] = Array.from({ length: n }, () => []);
  const firsts = new Float64Array(n);
  for (let p = 0; p < papers; p++) {
    const c = prefs[offset[p]!]!;
    piles[c]!.push(p);
    firsts[c]! += weight[p]!;
  }
  for (let c = 0; c < n; c++) totals[c] = BigInt(firsts[c]!) * VOTE_N;

  const history: bigint[][] = [];
  const stages: StvStage[] = [];
  const lots: StvLot[] = [];
  const elected: number[] = [];
  const pending: number[] = []; // elected, surplus not yet transferred
  let exhausted = 0n;
  let lost = 0n;
  const seatsLeft = () => election.seats - elected.length;
  const continuing = () => [...state.keys()].filter((c) => state[c] === CONTINUING);

  /**
   * Breaks a tie by rules 49(2)-(3) / 51(2): the latest earlier stage where the tied candidates'
   * votes differed decides (those then highest, or lowest, stay in); if they were equal at every
   * stage, a lot decides.
   */
  const breakTie = (tied: number[], decides: 'surplus' | 'exclusion'): number => {
    let left = tied;
    for (let s = history.length - 1; s >= 0 && left.length > 1; s--) {
      const at = history[s]!;
      const pick = left.reduce((best, c) =>
        decides === 'surplus' ? (at[c]! > at[best]! ? c : best) : at[c]! < at[best]! ? c : best,
      );
      left = left.filter((c) => at[c] === at[pick]);
    }
    if (left.length === 1) return left[0]!;
    const drawn = options.lot
      ? options.lot([...left], decides)
      : drawLot(
          options.seed,
          stages.length,
          decides,
          left.map((index) => ({ index, name: names[index]! })),
        );
    if (!left.includes(drawn)) throw new Error('the lot drew a candidate who was not tied');
    lots.push({
      stage: stages.length,
      decides,
      between: left.map((c) => names[c]!),
      drawn: names[drawn]!,
    });
    return drawn;
  };

  /** Orders candidates by votes, most first; equal ones by earlier stages, then ballot order. */
  const byVotes = (candidates: number[]): number[] =>
    candidates.sort((a, b) => {
      for (let s = history.length - 1; s >= 0; s--) {
        const at = history[s]!;
        if (at[a] !== at[b]) return at[a]! > at[b]! ? -1 : 1;
      }
      return a - b;
    });

  const elect = (candidates: number[], stageElected: string[]) => {
    for (const c of byVotes(candidates)) {
      state[c] = ELECTED;
      elected.push(c);
      stageElected.push(names[c]!);
    }
  };

  const record = (action: StvAction, candidate?: number) => {
    history.push([...totals]);
    const votes: Record<string, string> = {};
    for (let c = 0; c < n; c++)
      if (state[c] === CONTINUING || state[c] === ELECTED)
        votes[names[c]!] = formatVotes(totals[c]!);
    const stage: StvStage = {
      action,
      ...(candidate === undefined ? {} : { candidate: names[candidate]! }),
      votes,
      exhausted: formatVotes(exhausted),
      lost: formatVotes(lost),
      elected: [],
    };
    stages.push(stage);
    // Rule 47: everyone at or over the quota is elected at the end of the stage.
    const reached = continuing().filter((c) => totals[c]! >= quota);
    if (reached.length > 0 && seatsLeft() > 0) {
      elect(reached, stage.elected);
      // Rule 48(1): only votes that exceed the quota make a surplus to transfer.
      pending.push(...reached.filter((c) => totals[c]! > quota));
    }
  };

  /** Moves each paper of `from` to its next continuing preference at `newValue(value)`. */
  const transfer = (from: number, newValue: (value: number) => number): bigint => {
    const gains = new Float64Array(n); // whole units; each below 2^53 (checked above)
    let nonTransferable = 0;
    for (const p of piles[from]!) {
      const v = newValue(value[p]!);
      value[p] = v;
      const end = offset[p + 1]!;
      let at = position[p]! + 1;
      while (at < end && state[prefs[at]!] !== CONTINUING) at++;
      position[p] = at;
      if (at < end) {
        const to = prefs[at]!;
        piles[to]!.push(p);
        gains[to]! += weight[p]! * v;
      } else nonTransferable += weight[p]! * v;
    }
    piles[from] = [];
    let moved = BigInt(nonTransferable);
    exhausted += moved;
    for (let c = 0; c < n; c++)
      if (gains[c]! > 0) {
        const gain = BigInt(gains[c]!);
        totals[c]! += gain;
        moved += gain;
      }
    return moved;
  };

  record('first');
  for (;;) {
    if (seatsLeft() <= 0 || continuing().length <= seatsLeft()) break;
    if (pending.length > 0) {
      // Rules 48-49: the largest surplus first.
      const most = pending.reduce((m, c) => (totals[c]! > m ? totals[c]! : m), 0n);
      const tied = pending.filter((c) => totals[c] === most);
      const from = tied.length === 1 ? tied[0]! : breakTie(tied, 'surplus');
      pending.splice(pending.indexOf(from), 1);
      const held = totals[from]!;
      const surplus = held - quota;
      const values = new Map<number, number>();
      const moved = transfer(from, (v) => {
        let tv = values.get(v);
        if (tv === undefined) {
          tv = Number((surplus * BigInt(v)) / held); // truncated to whole units: rule 48(3)
          values.set(v, tv);
        }
        return tv;
      });
      lost += surplus - moved;
      totals[from] = quota;
      record('surplus', from);
    } else {
      // Rules 50-51: exclude the lowest continuing candidate; papers keep their values.
      const open = continuing();
      const least = open.reduce((m, c) => (totals[c]! < m ? totals[c]! : m), totals[open[0]!]!);
      const tied = open.filter((c) => totals[c] === least);
      const out = tied.length === 1 ? tied[0]! : breakTie(tied, 'exclusion');
      state[out] = EXCLUDED;
      transfer(out, (v) => v);
      totals[out] = 0n;
      record('exclusion', out);
    }
  }
  // Rule 52: the continuing candidates fill the seats left.
  if (seatsLeft() > 0) {
    const rest = continuing();
    if (rest.length <= seatsLeft()) elect(rest, stages[stages.length - 1]!.elected);
  }

  return {
    method: 'scottish-stv',
    title: election.title,
    seats: election.seats,
    valid: formatVotes(BigInt(valid) * VOTE_N),
    quota: formatVotes(quota),
    elected: elected.map((c) => names[c]!),
    stages,
    seed: options.seed,
    lots,
  };
}
