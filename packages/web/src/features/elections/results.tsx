import { useTranslation } from 'react-i18next';
import type { ElectionResult } from '@tocsin/core/api/elections';

type Stv = NonNullable<ElectionResult['stv']>;

const PALETTE = ['#1f6feb', '#b35900', '#2f7d32', '#8e44ad', '#c0392b', '#00838f', '#6d4c41'];

/** The stage table: every candidate's total at the end of each stage, as the count gives it. */
export function StageTable({ stv }: { stv: Stv }) {
  const { t } = useTranslation();
  const names = Object.keys(stv.stages[0]?.votes ?? {});
  return (
    <div
      className="stage-table__wrap"
      tabIndex={0}
      role="region"
      aria-label={t('elections.results.stages')}
    >
      <table className="stage-table" data-testid="stage-table">
        <caption>{t('elections.results.stages')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('elections.results.candidate')}</th>
            {stv.stages.map((stage, i) => (
              <th scope="col" key={i}>
                {t('elections.results.stage', { n: i + 1 })}
                <br />
                <span className="hint">
                  {stage.action === 'first'
                    ? t('elections.results.first')
                    : t(`elections.results.${stage.action}`, { name: stage.candidate ?? '' })}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">
                {name}
                {stv.elected.includes(name) ? ` ✓` : ''}
              </th>
              {stv.stages.map((stage, i) => (
                <td key={i}>{stage.votes[name] ?? '—'}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('elections.results.exhausted')}</th>
            {stv.stages.map((stage, i) => (
              <td key={i}>{stage.exhausted}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/**
 * The transfers per stage as a chart: one group of bars per stage (each candidate's total), the
 * quota as a line. Plain SVG; the table above holds the same numbers for screen readers.
 */
export function TransferChart({ stv }: { stv: Stv }) {
  const { t } = useTranslation();
  const names = Object.keys(stv.stages[0]?.votes ?? {});
  const quota = Number(stv.quota);
  const max = Math.max(
    quota,
    ...stv.stages.flatMap((s) => Object.values(s.votes).map((v) => Number(v))),
    1,
  );
  const groupWidth = Math.max(names.length * 14 + 12, 40);
  const width = stv.stages.length * groupWidth + 10;
  const height = 140;
  const y = (v: number) => height - 20 - (v / max) * (height - 30);
  return (
    <figure className="transfer-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('elections.results.chart')}
        data-testid="transfer-chart"
      >
        {stv.stages.map((stage, s) =>
          names.map((name, c) => {
            const v = Number(stage.votes[name] ?? 0);
            const x = 10 + s * groupWidth + c * 14;
            return (
              <rect
                key={`${s}-${name}`}
                x={x}
                y={y(v)}
                width={12}
                height={Math.max(0, height - 20 - y(v))}
                fill={PALETTE[c % PALETTE.length]}
              >
                <title>{`${name}: ${stage.votes[name] ?? '0'}`}</title>
              </rect>
            );
          }),
        )}
        <line
          x1={0}
          x2={width}
          y1={y(quota)}
          y2={y(quota)}
          stroke="currentColor"
          strokeDasharray="4 3"
        />
        {stv.stages.map((_, s) => (
          <text key={s} x={10 + s * groupWidth} y={height - 5} fontSize={10} fill="currentColor">
            {s + 1}
          </text>
        ))}
      </svg>
      <figcaption>
        <ul className="transfer-chart__legend">
          {names.map((name, c) => (
            <li key={name}>
              <span
                className="swatch"
                style={{ background: PALETTE[c % PALETTE.length] }}
                aria-hidden="true"
              />
              {name}
            </li>
          ))}
          <li>
            <span className="swatch swatch--quota" aria-hidden="true" />
            {t('elections.results.quotaLine', { quota: stv.quota })}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
