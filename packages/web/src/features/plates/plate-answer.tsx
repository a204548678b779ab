import { useTranslation } from 'react-i18next';
import type { PlateLookup } from '@tocsin/core/api/rapid-response';
import './plates.css';
import { dateTimeFormat } from '../../lib/intl';

/** A YYYY-MM-DD city day as the member's language writes it (no time zone shift). */
function formatDay(day: string, language: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * What a lookup said. Not listed is said neutrally: a plate reported but not (yet) listed reads
 * exactly like one never seen, so the answer must never sound like "this car is safe".
 */
export function PlateAnswer({ plate, answer }: { plate: string; answer: PlateLookup }) {
  const { t, i18n } = useTranslation();
  if (!answer.listed) {
    return (
      <div className="card plate-answer" data-listed="false">
        <h2>{t('plates.notListedTitle')}</h2>
        <p>{t('plates.notListed', { plate })}</p>
        <p className="hint">{t('plates.notListedMeaning')}</p>
      </div>
    );
  }
  return (
    <div className="card card--danger plate-answer" data-listed="true">
      <h2>{t('plates.listedTitle')}</h2>
      <p>{t('plates.listed', { plate, count: answer.confirmedIncidents })}</p>
      <dl className="facts">
        {answer.lastSeenDay ? (
          <div>
            <dt>{t('plates.lastSeen')}</dt>
            <dd>{formatDay(answer.lastSeenDay, i18n.language)}</dd>
          </div>
        ) : null}
        {answer.areas.length ? (
          <div>
            <dt>{t('plates.areas')}</dt>
            <dd>{answer.areas.join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      <p className="hint">{t('plates.listedAdvice')}</p>
    </div>
  );
}
