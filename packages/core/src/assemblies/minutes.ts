import type { Quorum } from './quorum';
import type { Recurrence } from './recurrence';
import { diffMarkdown, escapeMarkdown } from './text-diff';
import type { MotionState } from './meeting-state';
import type { Majority, VoteChoice, VoteMethod } from './votes';

/** What the minutes are written from: the meeting as its log left it. */
export interface MinutesInput {
  readonly bodyName: string;
  readonly title: string;
  readonly startsAt: string;
  readonly place: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly attendance: number;
  readonly rollSize: number;
  readonly quorum: Quorum | null;
  readonly recurrence: Recurrence | null;
  readonly agenda: readonly { readonly title: string; readonly minutes: number | null }[];
  readonly motions: readonly MinutesMotion[];
}

export interface MinutesMotion {
  readonly id: string;
  /**
   * A motion: the text as moved, before any amendment carried. An amendment: the text of the
   * motion it amends, as it stood when the amendment was moved.
   */
  readonly originalText: string;
  /** A motion: its text now (after carried amendments). An amendment: the text it proposes. */
  readonly text: string;
  readonly mover: string;
  readonly seconder: string | null;
  /** The motion this one amends, if it is an amendment. */
  readonly amends: string | null;
  readonly state: MotionState;
  readonly method: VoteMethod | null;
  readonly majority: Majority | null;
  readonly result: { readonly yes: number; readonly no: number; readonly abstain: number } | null;
  readonly quorate: boolean | null;
  /** Names and choices, for roll-call votes only. */
  readonly rollCall: readonly { readonly name: string; readonly choice: VoteChoice }[] | null;
  readonly decision: {
    readonly actionItems: readonly {
      readonly text: string;
      readonly owner: string | null;
      readonly due: string | null;
      readonly status: 'open' | 'done';
    }[];
  } | null;
}

const MAJORITY_WORDS: Record<Majority, string> = {
  simple: 'simple majority',
  two_thirds: 'two-thirds majority',
  consensus_minus_one: 'consensus minus one',
};

const STATE_WORDS: Record<MotionState, string> = {
  moved: 'moved, not seconded',
  seconded: 'seconded, not voted',
  voting: 'vote not closed',
  carried: 'carried',
  failed: 'failed',
  invalid: 'not valid (meeting inquorate)',
  withdrawn: 'withdrawn',
};

function quorumWords(quorum: Quorum | null): string {
  if (quorum === null) return 'none set';
  return 'members' in quorum ? `${quorum.members} members` : `${quorum.percent}% of the roll`;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

function motionLines(motion: MinutesMotion, n: string): string[] {
  const lines: string[] = [];
  const label = motion.amends ? `Amendment ${n}` : `Motion ${n}`;
  const seconder = motion.seconder ? `, seconded by ${escapeMarkdown(motion.seconder)}` : '';
  lines.push(`### ${label}`, '', `Moved by ${escapeMarkdown(motion.mover)}${seconder}.`, '');
  if (motion.amends) {
    lines.push('Proposed change:', '', `> ${diffMarkdown(motion.originalText, motion.text)}`, '');
  } else {
    lines.push(quote(motion.originalText), '');
    if (motion.text !== motion.originalText) {
      lines.push('As amended:', '', quote(motion.text), '');
    }
  }
  if (motion.result) {
    const method = motion.method === 'roll_call' ? 'roll call' : 'open vote';
    const majority = motion.majority ? `, ${MAJORITY_WORDS[motion.majority]}` : '';
    lines.push(
      `Vote (${method}${majority}): ${motion.result.yes} yes, ${motion.result.no} no, ${motion.result.abstain} abstain — **${STATE_WORDS[motion.state]}**.`,
      '',
    );
    if (motion.rollCall && motion.rollCall.length > 0) {
      lines.push('| Member | Vote |', '| --- | --- |');
      for (const row of motion.rollCall)
        lines.push(`| ${escapeMarkdown(row.name)} | ${row.choice} |`);
      lines.push('');
    }
  } else {
    lines.push(`Result: **${STATE_WORDS[motion.state]}**.`, '');
  }
  return lines;
}

/**
 * The minutes of a meeting in Markdown: attendance as a count (never names), the agenda, each
 * motion and amendment (amendments as a word diff of the text), each result, the decisions and
 * their action items. Names appear only as movers, seconders, owners and in roll-call tables.
 */
export function generateMinutes(input: MinutesInput): string {
  const lines: string[] = [
    `# ${escapeMarkdown(input.title)}`,
    '',
    `${escapeMarkdown(input.bodyName)} · ${input.startsAt}${input.place ? ` · ${escapeMarkdown(input.place)}` : ''}`,
    '',
    `- Attendance: ${input.attendance} of ${input.rollSize} on the roll`,
    `- Quorum: ${quorumWords(input.quorum)}`,
  ];
  if (input.openedAt) lines.push(`- Opened: ${input.openedAt}`);
  if (input.closedAt) lines.push(`- Closed: ${input.closedAt}`);
  lines.push('', '## Agenda', '');
  if (input.agenda.length === 0) lines.push('(no items)');
  input.agenda.forEach((item, i) => {
    const box = item.minutes ? ` (${item.minutes} min)` : '';
    lines.push(`${i + 1}. ${escapeMarkdown(item.title)}${box}`);
  });
  lines.push('', '## Motions', '');
  if (input.motions.length === 0) lines.push('(none)', '');
  let main = 0;
  const amendmentsSeen = new Map<string, number>();
  const numbers = new Map<string, string>();
  for (const motion of input.motions) {
    if (motion.amends) {
      const parent = numbers.get(motion.amends) ?? '?';
      const k = (amendmentsSeen.get(motion.amends) ?? 0) + 1;
      amendmentsSeen.set(motion.amends, k);
      numbers.set(motion.id, `${parent}.${k}`);
    } else {
      main += 1;
      numbers.set(motion.id, String(main));
    }
    lines.push(...motionLines(motion, numbers.get(motion.id) ?? '?'));
  }
  const decisions = input.motions.filter((m) => m.decision !== null);
  lines.push('## Decisions', '');
  if (decisions.length === 0) lines.push('(none)', '');
  for (const motion of decisions) {
    lines.push(`- ${escapeMarkdown(motion.text)}`);
  }
  if (decisions.length > 0) lines.push('');
  const items = decisions.flatMap((m) => m.decision?.actionItems ?? []);
  lines.push('## Action items', '');
  if (items.length === 0) lines.push('(none)');
  for (const item of items) {
    const owner = item.owner ? ` — ${escapeMarkdown(item.owner)}` : '';
    const due = item.due ? `, due ${item.due}` : '';
    lines.push(
      `- [${item.status === 'done' ? 'x' : ' '}] ${escapeMarkdown(item.text)}${owner}${due}`,
    );
  }
  if (input.recurrence) lines.push('', `Next meeting: ${input.recurrence}.`);
  return `${lines.join('\n')}\n`;
}
