import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { COVERAGE_BANDS, DOOR_OUTCOMES } from '@tocsin/core/canvassing/outcomes';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { AreaPicker } from './area-picker';
import { BAND_COLOURS, CoverageMap } from './coverage-map';
import { shown, useMyAreas } from './use-my-areas';
import './canvassing.css';
import { communityApi } from '../../lib/api/organizing/community';

/** The canvassing group's progress: a choropleth of blocks, totals per turf and for the area. */
export function CoveragePage() {
  const { t } = useTranslation();
  usePageTitle(t('canvass.coverage.title'));
  const [params, setParams] = useSearchParams();
  const mine = useMyAreas();
  const areaId = params.get('areaId') ?? mine.areaId;
  const load = useCallback(
    () => (areaId ? communityApi.coverage(areaId) : Promise.reject(new Error('no area'))),
    [areaId],
  );
  const coverage = useLoad(load);
  const fewer = t('community.fewer');
  const data = coverage.data;
  return (
    <div className="community">
      <p>
        <Link to="/canvass">{t('canvass.title')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('canvass.coverage.title')}</h1>
      {mine.areas ? (
        <AreaPicker
          areas={mine.areas}
          areaId={areaId}
          onChange={(id) => setParams({ areaId: id })}
        />
      ) : null}
      {coverage.error && areaId ? (
        <p className="notice notice--error">{describeError(coverage.error, t)}</p>
      ) : null}
      {!data ? (
        coverage.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <CoverageMap label={t('canvass.coverage.label')} cells={data.cells} />
          <ul className="legend">
            {COVERAGE_BANDS.map((band) => (
              <li key={band}>
                <span aria-hidden="true" style={{ background: BAND_COLOURS[band] }} />
                {t(`canvass.coverage.legend.${band}`)}
              </li>
            ))}
          </ul>
          <section className="card" aria-labelledby="totals-heading">
            <h2 id="totals-heading">{t('canvass.coverage.totals')}</h2>
            <table className="totals">
              <tbody>
                <tr>
                  <th scope="row">{t('canvass.doors')}</th>
                  <td data-testid="coverage-total">{shown(data.totals.doors, fewer)}</td>
                </tr>
                {DOOR_OUTCOMES.map((o) => (
                  <tr key={o}>
                    <th scope="row">{t(`community.outcomes.${o}`)}</th>
                    <td>{shown(data.totals.outcomes[o], fewer)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="per-turf-heading">
            <h2 id="per-turf-heading">{t('canvass.coverage.perTurf')}</h2>
            <ul className="plain">
              {data.turfs.map((turf) => (
                <li key={turf.id}>
                  <Link to={`/canvass/turfs/${turf.id}`}>{turf.name}</Link> · {turf.date}
                  <br />
                  <span className="hint">
                    {t('canvass.coverage.visited', {
                      visited: turf.cellsVisited,
                      count: turf.cellCount,
                    })}{' '}
                    · {t('canvass.doors')}: {shown(turf.doors, fewer)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
