import { lazy, Suspense, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import { numberFormat } from '../../lib/intl';
import type { Area } from '@tocsin/core/api/membership';
import { useLoad } from './use-load';

// The chart library comes with the charts, on this screen only (start-up budget).
const StatsCharts = lazy(() => import('./stats-charts'));

const PERIODS = [7, 30, 90, 365] as const;

/** How the network does in an area and the areas under it: counts and medians, no one named. */
export function StatsSection({ area }: { area: Area }) {
  const { t, i18n } = useTranslation();
  const periodId = useId();
  const [days, setDays] = useState<number>(30);
  const { data, error } = useLoad(
    useCallback(() => endpoints.areaStats(area.id, days), [area.id, days]),
  );
  const number = (n: number) => numberFormat(i18n.language).format(n);
  const minutes = (n: number | null) =>
    n === null
      ? t('organize.stat.none')
      : t('organize.stat.minutes', {
          value: numberFormat(i18n.language, { maximumFractionDigits: 1 }).format(n),
        });
  const percent = (n: number) =>
    numberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(n);

  const rows: [string, string][] = data
    ? [
        [t('organize.stat.incidents'), number(data.incidents)],
        [
          t('organize.stat.falseAlarmRate'),
          data.incidents ? percent(data.falseAlarmRate) : t('organize.stat.none'),
        ],
        [t('organize.stat.corroborate'), minutes(data.medianMinutesToCorroborate)],
        [t('organize.stat.confirm'), minutes(data.medianMinutesToConfirm)],
        [t('organize.stat.alerts'), number(data.alertsDelivered)],
        ...(data.authFailures
          ? ([
              [t('authStats.recoveryFailed'), number(data.authFailures.recoveryFailed)],
              [t('authStats.recoveryLocked'), number(data.authFailures.recoveryLocked)],
              [t('authStats.inviteRefused'), number(data.authFailures.inviteRefused)],
            ] as [string, string][])
          : []),
      ]
    : [];

  return (
    <section className="card" aria-labelledby="stats-title">
      <h2 id="stats-title">{t('organize.stat.title', { area: area.name })}</h2>
      <p className="hint">{t('organize.stat.intro')}</p>
      <div className="field field--inline field--start">
        <label htmlFor={periodId}>{t('organize.stat.period')}</label>
        <select id={periodId} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t('organize.stat.days', { count: p })}
            </option>
          ))}
        </select>
      </div>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      {data ? (
        <table className="stats" data-testid="stats">
          <caption className="visually-hidden">
            {t('organize.stat.caption', {
              area: area.name,
              period: t('organize.stat.days', { count: days }),
            })}
          </caption>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {data?.series && data.series.areas.length > 0 ? (
        <Suspense fallback={null}>
          <StatsCharts series={data.series} language={i18n.language} />
        </Suspense>
      ) : null}
    </section>
  );
}
