import { useEffect, useId, useRef } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AreaStatsView } from '@tocsin/core/api/views';
import { numberFormat } from '../../lib/intl';
import { charts as en } from '../../locales/en/charts';
import { charts as es } from '../../locales/es/charts';
import { charts as hmn } from '../../locales/hmn/charts';
import { charts as so } from '../../locales/so/charts';
import './stats-charts.css';

// The charts' strings come with the charts, in all four languages (a few hundred bytes each).
for (const [language, strings] of Object.entries({ en, es, so, hmn })) {
  i18next.addResourceBundle(language, 'translation', strings, true, false);
}

// Loaded only by the statistics section (React.lazy), so uPlot stays out of every page's
// start-up JS. Each chart is a picture for the eye (aria-hidden canvas) beside a table with the
// same numbers for screen readers; a null is "fewer than 5" and is never drawn as a number.

type Series = NonNullable<AreaStatsView['series']>;
type Line = Series['areas'][number];

// Told apart by more than hue: lines also differ in dash, bars sit side by side.
const COLORS = ['#1b5e9e', '#b3541e', '#2e7d32', '#6a1b9a', '#00796b', '#ad1457', '#5d4037'];
const DASHES: number[][] = [[], [6, 3], [2, 2], [10, 4, 2, 4]];
const HEIGHT = 200;

function usePlot(
  options: (width: number) => uPlot.Options,
  data: uPlot.AlignedData,
  deps: unknown[],
) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = Math.max(240, el.clientWidth || 320);
    const plot = new uPlot(options(width), data, el);
    const resize = new ResizeObserver(() => {
      const w = Math.max(240, el.clientWidth);
      if (w !== plot.width) plot.setSize({ width: w, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
    // The data and labels are rebuilt from `deps`; options and data objects are fresh each time.
  }, deps);
  return box;
}

function Chart({
  title,
  children,
  plot,
  testId,
}: {
  title: string;
  children: React.ReactNode;
  plot: React.RefObject<HTMLDivElement | null>;
  testId: string;
}) {
  const titleId = useId();
  return (
    <figure className="stats-chart" aria-labelledby={titleId} data-testid={testId}>
      <figcaption id={titleId}>{title}</figcaption>
      <div className="stats-chart__plot" ref={plot} aria-hidden="true" />
      {children}
    </figure>
  );
}

/** Bars by area (x: the areas in order), one uPlot series per measure. */
function barOptions(
  width: number,
  names: string[],
  measures: { label: string; format: (v: number) => string }[],
): uPlot.Options {
  const bars = uPlot.paths.bars!({ size: [0.7 / measures.length, 60], gap: 2 });
  return {
    width,
    height: HEIGHT,
    legend: { show: measures.length > 1, live: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.5, names.length - 0.5] } },
    axes: [
      {
        values: (_u, splits) => splits.map((i) => names[i] ?? ''),
        splits: () => names.map((_, i) => i),
        gap: 4,
      },
      { values: (_u, splits) => splits.map((v) => measures[0]!.format(v)), size: 56 },
    ],
    series: [
      {},
      ...measures.map((m, i) => ({
        label: m.label,
        stroke: COLORS[i % COLORS.length]!,
        fill: COLORS[i % COLORS.length]!,
        paths: bars,
        points: { show: false },
      })),
    ],
  };
}

export function StatsCharts({ series, language }: { series: Series; language: string }) {
  const { t } = useTranslation();
  const number = numberFormat(language);
  const percent = numberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = numberFormat(language, { maximumFractionDigits: 1 });
  const fewer = t('organize.chart.fewer');
  const show = (v: number | null, format: (n: number) => string) =>
    v === null ? fewer : format(v);
  const shortDay = (day: string) => {
    const [, m, d] = day.split('-');
    return `${Number(d)}/${Number(m)}`;
  };
  const deps = [series, language, t];

  // Incidents per day: one line per area, gaps where a day had 1 to 4.
  const areas = series.areas;
  const times = series.days.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
  const perDay = usePlot(
    (width) => ({
      width,
      height: HEIGHT,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false } },
      axes: [
        {
          values: (_u, splits) =>
            splits.map((s) => shortDay(new Date(s * 1000).toISOString().slice(0, 10))),
        },
        { values: (_u, splits) => splits.map((v) => number.format(v)), size: 48 },
      ],
      series: [
        {},
        ...areas.map((a, i) => ({
          label: a.name,
          stroke: COLORS[i % COLORS.length]!,
          dash: DASHES[i % DASHES.length]!,
          width: 2,
          spanGaps: false,
          points: { show: true, size: 5 },
        })),
      ],
    }),
    [times, ...areas.map((a) => a.incidentsByDay)],
    deps,
  );

  // Medians and false alarms: only areas with 5 or more incidents have them.
  const timed = areas.filter(
    (a) => a.medianMinutesToCorroborate !== null || a.medianMinutesToConfirm !== null,
  );
  const minutes = (v: number) => t('organize.stat.minutes', { value: decimal.format(v) });
  const times2 = usePlot(
    (width) =>
      barOptions(
        width,
        timed.map((a) => a.name),
        [
          { label: t('organize.stat.corroborate'), format: (v) => number.format(v) },
          { label: t('organize.stat.confirm'), format: (v) => number.format(v) },
        ],
      ),
    [
      timed.map((_, i) => i),
      timed.map((a) => a.medianMinutesToCorroborate),
      timed.map((a) => a.medianMinutesToConfirm),
    ],
    deps,
  );
  const rated = areas.filter((a) => a.falseAlarmRate !== null);
  const rates = usePlot(
    (width) =>
      barOptions(
        width,
        rated.map((a) => a.name),
        [{ label: t('organize.stat.falseAlarmRate'), format: (v) => percent.format(v) }],
      ),
    [rated.map((_, i) => i), rated.map((a) => a.falseAlarmRate)],
    deps,
  );

  const activeDays = series.days
    // null is "fewer than 5" (a day with incidents): kept as null, never read as 0.
    .map((day, i) => ({ day, values: areas.map((a) => a.incidentsByDay[i]) }))
    .filter((row) => row.values.some((v) => v !== 0 && v !== undefined));

  return (
    <div className="stats-charts">
      <p className="hint">{t('organize.chart.rule')}</p>
      <Chart title={t('organize.chart.perDay')} plot={perDay} testId="chart-per-day">
        <table className="visually-hidden">
          <caption>{t('organize.chart.perDayTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organize.chart.day')}</th>
              {areas.map((a) => (
                <th scope="col" key={a.areaId}>
                  {a.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {activeDays.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.day}</th>
                {row.values.map((v, i) => (
                  <td key={areas[i]!.areaId}>
                    {show(v === undefined ? 0 : v, (n) => number.format(n))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Chart>
      <Chart title={t('organize.chart.times')} plot={times2} testId="chart-times">
        <AreaTable
          caption={t('organize.chart.timesTable')}
          lines={areas}
          columns={[
            [t('organize.stat.corroborate'), (a) => show(a.medianMinutesToCorroborate, minutes)],
            [t('organize.stat.confirm'), (a) => show(a.medianMinutesToConfirm, minutes)],
          ]}
        />
      </Chart>
      <Chart title={t('organize.chart.falseAlarms')} plot={rates} testId="chart-false-alarms">
        <AreaTable
          caption={t('organize.chart.falseAlarmsTable')}
          lines={areas}
          columns={[
            [t('organize.stat.incidents'), (a) => show(a.incidents, (n) => number.format(n))],
            [
              t('organize.stat.falseAlarmRate'),
              (a) => show(a.falseAlarmRate, (n) => percent.format(n)),
            ],
          ]}
        />
      </Chart>
    </div>
  );
}

function AreaTable({
  caption,
  lines,
  columns,
}: {
  caption: string;
  lines: Line[];
  columns: [string, (line: Line) => string][];
}) {
  const { t } = useTranslation();
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('organize.chart.area')}</th>
          {columns.map(([label]) => (
            <th scope="col" key={label}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.areaId}>
            <th scope="row">{line.name}</th>
            {columns.map(([label, value]) => (
              <td key={label}>{value(line)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default StatsCharts;
