import { useTranslation } from 'react-i18next';
import type { TimelineEntryView as TimelineEntry } from '@tocsin/core/api/views';
import { formatTime } from '../../lib/time';
import './incidents.css';

const KINDS = [
  'opened',
  'report',
  'confirmed',
  'not_seen',
  'false_alarm',
  'all_clear',
  'auto_end',
  'merged_into',
  'absorbed',
] as const;
const ROLES = ['member', 'verifier', 'dispatcher', 'responder', 'admin', 'system'] as const;

type Kind = (typeof KINDS)[number];
type Role = (typeof ROLES)[number];

const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);
const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** What happened, oldest first; roles only, never who. */
export function Timeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('incident.timeline')}</h2>
      <ol className="timeline">
        {entries.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatTime(entry.at, i18n.language, timeZone)}</time>{' '}
            <span>{isKind(entry.kind) ? t(`incident.kind.${entry.kind}`) : entry.kind}</span>{' '}
            {isRole(entry.role) ? (
              <span className="muted">
                {t('incident.by', { role: t(`incident.role.${entry.role}`) })}
              </span>
            ) : null}
            {entry.note ? <p className="muted">{entry.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
