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
}

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
};

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
    return {
      figure: spec.title,
      measured,
      target: spec.target,
      status: met ? 'met' : 'NOT MET',
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
