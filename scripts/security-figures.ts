import type { FigureName, FigureRecord } from '../packages/server/test/helpers/figures';

/** What `npm audit` said: counts by severity, or why there are none. */
export type AuditResult =
  { ok: true; high: number; critical: number; total: number } | { ok: false; reason: string };

/** One row of the report's table: a figure, what was measured, and whether it meets its target. */
export interface FigureRow {
  figure: string;
  measured: string;
  target: string;
  status: 'met' | 'NOT MET' | 'not measured';
  /** What the figure's scenario is, for the report's notes. */
  note?: string;
}

/** Scenarios worth a sentence in the report, by figure. */
const NOTES: Partial<Record<FigureName, string>> = {
  infiltration:
    'Issue 14, findings 5 and 6 (infiltration-roles.test.ts). One organizer invites 20 puppets ' +
    '(bound invites, approved by the organizer). Every way to raise them is tried: invites bound ' +
    'to verifier, dispatcher, organizer or admin; the organizer asking any of these roles for each ' +
    'puppet and for themselves; puppets asking for each other. Grants wait for a countersign by a ' +
    'second organizer or admin who is neither the asker nor the sponsor, so each would need an ' +
    'outsider. Then, in the worst case where all 20 already hold the verifier role, they ' +
    'confirm incidents the organizer and a puppet reported: an incident is confirmed only by two ' +
    'confirmers independent of each other and of every reporter by the sponsor tree (the rule ' +
    'corroboration uses), so none is. Two outside verifiers confirm one of them, as a control.',
};

type Counts = Record<string, number>;

function sum(records: FigureRecord[], key: string): number {
  return records.reduce((n, r) => n + (r.counts[key] ?? 0), 0);
}

interface FigureSpec {
  title: string;
  target: string;
  /** The measured text and whether it meets the target. */
  read: (records: FigureRecord[]) => { measured: string; met: boolean };
}

const SPECS: Record<FigureName, FigureSpec> = {
  'bad-inputs': {
    title: 'Bad inputs tried and 5xx seen',
    target: '0 5xx',
    read: (r) => ({
      measured: `${sum(r, 'tried')} tried, ${sum(r, 'serverErrors')} 5xx`,
      met: sum(r, 'serverErrors') === 0 && sum(r, 'tried') > 0,
    }),
  },
  'authz-matrix': {
    title: 'Authorization matrix cells tested and failed',
    target: '0 failed outside known issues',
    read: (r) => {
      const known = r.filter((x) => (x.counts.knownIssue ?? 0) > 0);
      const unknown = r.filter((x) => (x.counts.knownIssue ?? 0) === 0);
      const failed = sum(unknown, 'failed');
      const knownFailed = sum(known, 'failed');
      return {
        measured:
          `${sum(r, 'tested')} tested, ${failed} failed` +
          (known.length ? `; ${knownFailed} of ${known.length} known-issue cells still wrong` : ''),
        met: failed === 0,
      };
    },
  },
  'pii-canary': {
    title: 'PII canary hits in DB/log dumps',
    target: '0 hits',
    read: (r) => ({
      measured: `${sum(r, 'planted')} canary checks; ${sum(r, 'dbHits')} DB hits, ${sum(r, 'logHits')} log hits`,
      met: sum(r, 'dbHits') + sum(r, 'logHits') === 0,
    }),
  },
  'rows-past-ttl': {
    title: 'Rows past TTL after a sweep',
    target: '0 rows',
    read: (r) => ({
      measured: `${sum(r, 'rowsPastTtl')} rows after ${sum(r, 'sweeps')} sweeps`,
      met: sum(r, 'rowsPastTtl') === 0,
    }),
  },
  'photo-metadata': {
    title: 'Metadata fields surviving upload',
    target: '0 surviving',
    read: (r) => ({
      measured: `${sum(r, 'surviving')} of ${sum(r, 'planted')} planted metadata items survived`,
      met: sum(r, 'surviving') === 0,
    }),
  },
  faults: {
    title: 'Faults injected and acknowledged records lost',
    target: '0 lost',
    read: (r) => ({
      measured: `${sum(r, 'injected')} kill -9 faults, ${sum(r, 'acknowledged')} acknowledged records, ${sum(r, 'lost')} lost`,
      met: sum(r, 'lost') === 0,
    }),
  },
  alerts: {
    title: 'Alerts delivered, duplicated, missed',
    target: 'all expected delivered once, none out of range',
    read: (r) => ({
      measured:
        `${sum(r, 'delivered')} of ${sum(r, 'expected')} delivered, ${sum(r, 'duplicated')} duplicated, ` +
        `${sum(r, 'missed')} missed, ${sum(r, 'misdirected')} out of range`,
      met:
        sum(r, 'delivered') === sum(r, 'expected') &&
        sum(r, 'duplicated') + sum(r, 'missed') + sum(r, 'misdirected') === 0,
    }),
  },
  sybil: {
    title: 'Sybil false alerts published',
    target: '0 in every scenario',
    read: (r) => {
      const scenarios = new Map<string, Counts>();
      for (const x of r) {
        const name = x.source.replace(/^.*?: /, '');
        const c = scenarios.get(name) ?? { runs: 0, accounts: 0, falseAlerts: 0 };
        c.runs = (c.runs ?? 0) + 1;
        c.accounts = Math.max(c.accounts ?? 0, x.counts.accounts ?? 0);
        c.falseAlerts = (c.falseAlerts ?? 0) + (x.counts.falseAlerts ?? 0);
        scenarios.set(name, c);
      }
      const parts = [...scenarios].map(
        ([name, c]) => `${name} (${c.accounts} accounts): ${c.falseAlerts} in ${c.runs} runs`,
      );
      return {
        measured: `${sum(r, 'falseAlerts')} in all; ${parts.join('; ')}`,
        met: sum(r, 'falseAlerts') === 0,
      };
    },
  },
  'plate-hash': {
    title: 'Time to reverse a plate hash by enumeration, with the plate key (one CPU core)',
    target: '≥ 30 ms per hash; the key kept off the database',
    read: (r) => {
      const c = r[r.length - 1]!.counts;
      return {
        measured:
          `${c.msPerHash} ms per hash: the common format (${c.commonPlates} plates) in ` +
          `${c.commonCoreDaysWithKey} core-days, every plate the app accepts (${c.allPlates}) in ` +
          `${c.allCoreYearsWithKey} core-years; without the key, a ${c.keyBits}-bit key to find ` +
          `first; the lookup hash before (HMAC, ${c.usPerOldHmac} µs): ${c.commonSecondsOldHmac} s`,
        met: (c.msPerHash ?? 0) >= 30,
      };
    },
  },
  'subpoena-drill': {
    title: 'Subpoena drill: clear plates outside live reports, rows past TTL, member–plate links',
    target: '0, 0 and 0',
    read: (r) => {
      const bad =
        sum(r, 'clearPlatesOutsideReports') + sum(r, 'rowsPastTtl') + sum(r, 'memberPlateLinks');
      return {
        measured:
          `${r.length} runs, ${sum(r, 'rows')} rows in ${Math.max(...r.map((x) => x.counts.tables ?? 0))} ` +
          `tables dumped: ${sum(r, 'clearPlatesOutsideReports')} clear plates outside live reports, ` +
          `${sum(r, 'rowsPastTtl')} rows past TTL, ${sum(r, 'memberPlateLinks')} member–plate links`,
        met: bad === 0 && sum(r, 'rows') > 0,
      };
    },
  },
  'plate-infiltration': {
    title: 'Plate infiltration: one organizer and 20 verifiers they invited',
    target: '0 plates listed',
    read: (r) => ({
      measured:
        `${sum(r, 'approvalsTried')} approvals tried in ${r.length} runs, ` +
        `${sum(r, 'approvalsCounted')} counted, ${sum(r, 'platesListed')} plates listed`,
      met: sum(r, 'platesListed') === 0 && sum(r, 'approvalsTried') > 0,
    }),
  },
  infiltration: {
    title: 'One organizer and invited puppets: roles gained, incidents confirmed',
    target: '0 role grants without an outside countersign, 0 incidents confirmed',
    read: (r) => {
      const grants = sum(
        r.filter((x) => x.counts.grantsWithoutCountersign !== undefined),
        'grantsWithoutCountersign',
      );
      const confirmed = sum(r, 'confirmed');
      const puppets = Math.max(0, ...r.map((x) => x.counts.puppets ?? 0));
      return {
        measured:
          `${puppets} puppets: ${grants} role grants without an outside countersign ` +
          `(${sum(r, 'refused')} of ${sum(r, 'attempts')} attempts refused); ` +
          `${confirmed} incidents confirmed after ${sum(r, 'confirmations')} puppet confirmations`,
        met: grants === 0 && confirmed === 0,
      };
    },
  },
};

/**
 * What a seizure of the database with every key (server key, plate key, VAPID keys) still gives
 * an attacker, and what it costs them, with the plate hash figures this run measured.
 */
export function seizureSection(records: FigureRecord[]): string[] {
  const hash = records.filter((r) => r.figure === 'plate-hash').at(-1)?.counts;
  const plateLine = hash
    ? `- **Plates seen in the last 180 days**, as hashes, with whether each is listed, the days and ` +
      `areas of its incidents. Each guess costs one hash: ${hash.msPerHash} ms of one core, 32 MiB ` +
      `(the fastest of 9 runs on the machine that made this report; a faster core, or many, ` +
      `divide the times below; GPUs were not measured). Confirming a plate the attacker already suspects: ${hash.msPerHash} ms. Every ` +
      `plate of the common format (ABC123, with or without MN: ${hash.commonPlates}): ` +
      `${hash.commonCoreDaysWithKey} core-days, e.g. about ${Math.ceil((hash.commonCoreDaysWithKey ?? 0) / 64)} ` +
      `days on 64 cores. Every plate the app accepts (${hash.allPlates}): ` +
      `${hash.allCoreYearsWithKey} core-years. Without the plate key nothing can be tried: a ` +
      `${hash.keyBits}-bit key comes first. (The lookup hash before this change, an HMAC under ` +
      `the server key: ${hash.usPerOldHmac} µs a guess, the common format in ` +
      `${hash.commonSecondsOldHmac} s.)`
    : '- **Plates**: not measured in this run (plate-hash.test.ts did not record).';
  return [
    '## What a seized database and every key still give',
    '',
    'Assume the attacker has the database, the data folder and every key (the server key, the',
    'plate key, the VAPID keys). At once, with no work:',
    '',
    '- Members: pseudonymous handles, optional display names, who invited whom (the sponsor',
    '  tree), roles and areas, status; sessions, device keys and passkeys (public halves).',
    '- Reports, with their text, plates in clear, cell-centre locations and reporters, of incidents',
    '  that ended less than `retentionHours` ago (default 24 h); after that only the incident',
    '  skeleton (area, coarse cell, day, state, counts).',
    '- Plate lookups of the last `keepDays.plateLookups` days (default 30): who and when, and',
    '  whether the plate was listed — never which plate.',
    '- The audit log of the last `keepDays.auditLog` days (default 90); entries about plates name',
    '  the plate hash and no member.',
    '- Push subscription endpoints used in the last `keepDays.unusedPushSubscriptions` days',
    '  (default 60): a push service (Google, Apple, Mozilla) can link an endpoint to a browser.',
    '- Undecided plate approvals younger than 7 days: the verifier next to the plate hash. Once a',
    '  plate is listed its approvals keep only an opaque tag and the day.',
    '',
    'With work:',
    '',
    plateLine,
    '- Session tokens, invite codes and challenges are 256-bit random values stored as HMACs: not',
    '  recoverable by enumeration even with the server key.',
    '',
    'Members who leave (are suspended) lose their lookups, push subscriptions, undecided approvals',
    'and the audit entries of their own acts at the next sweep; their member row stays, since the',
    'sponsor tree is what independence is judged by.',
    '',
  ];
}

/** Every figure of SECURITY.md from the tests' records and the audit; missing records say so. */
export function figureRows(records: FigureRecord[], audit: AuditResult): FigureRow[] {
  const rows: FigureRow[] = (Object.keys(SPECS) as FigureName[]).map((name) => {
    const spec = SPECS[name];
    const mine = records.filter((r) => r.figure === name);
    if (mine.length === 0) {
      return {
        figure: spec.title,
        measured: 'no measurement recorded (did its test run?)',
        target: spec.target,
        status: 'not measured',
      };
    }
    const { measured, met } = spec.read(mine);
    const note = NOTES[name];
    return {
      figure: spec.title,
      measured,
      target: spec.target,
      status: met ? 'met' : 'NOT MET',
      ...(note ? { note } : {}),
    };
  });
  rows.push(
    audit.ok
      ? {
          figure: 'Open high/critical advisories',
          measured: `${audit.high} high, ${audit.critical} critical (${audit.total} advisories of any severity)`,
          target: '0 high or critical',
          status: audit.high + audit.critical === 0 ? 'met' : 'NOT MET',
        }
      : {
          figure: 'Open high/critical advisories',
          measured: `unknown: npm audit failed (${audit.reason})`,
          target: '0 high or critical',
          status: 'not measured',
        },
  );
  return rows;
}

/** Reads `npm audit --json` output; an error object or unreadable output is a failure, not 0. */
/**
 * An audit failure as the report may print it: never a URL, host name or address (the report is
 * published; where a node fetches from is nobody's business).
 */
export function withoutHosts(text: string): string {
  return text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, 'the advisory service')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, 'an address')
    .replace(/\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b/gi, 'a host');
}

export function readAudit(stdout: string, stderr: string): AuditResult {
  try {
    const parsed = JSON.parse(stdout) as {
      message?: string;
      error?: { code?: string; summary?: string };
      metadata?: { vulnerabilities?: Counts };
    };
    const v = parsed.metadata?.vulnerabilities;
    if (parsed.error || !v) {
      const reason =
        parsed.message ||
        parsed.error?.summary ||
        parsed.error?.code ||
        'no vulnerability counts in its output';
      return { ok: false, reason: withoutHosts(reason) };
    }
    return { ok: true, high: v.high ?? 0, critical: v.critical ?? 0, total: v.total ?? 0 };
  } catch {
    const firstLine = stderr.trim().split('\n')[0] ?? '';
    return { ok: false, reason: withoutHosts(firstLine) || 'output was not JSON' };
  }
}
