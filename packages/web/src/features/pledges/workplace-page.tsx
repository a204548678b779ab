import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { WorkplaceView } from '@tocsin/core/api/pledges';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { useAction } from '../organizer/use-action';
import { useLoad } from '../organizer/use-load';
import { useShownCount } from './shown-count';
import './pledges.css';
import { pledgesApi } from '../../lib/api/organizing/pledges';

/** A workplace's profile; for its organizers the structure chart and who waits to be confirmed. */
export function WorkplacePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const shown = useShownCount();
  const load = useCallback(() => pledgesApi.workplace(id), [id]);
  const workplace = useLoad(load);
  usePageTitle(workplace.data?.name ?? t('pledges.workplace.title'));
  if (workplace.error) {
    return <p className="notice notice--error">{describeError(workplace.error, t)}</p>;
  }
  if (!workplace.data) return <Loading />;
  const w = workplace.data;
  return (
    <div className="pledges">
      <h1 tabIndex={-1}>{w.name}</h1>
      <section className="card">
        <dl>
          {w.employer ? (
            <>
              <dt>{t('pledges.workplace.employer')}</dt>
              <dd>{w.employer}</dd>
            </>
          ) : null}
          {w.sector ? (
            <>
              <dt>{t('pledges.workplace.sector')}</dt>
              <dd>{w.sector}</dd>
            </>
          ) : null}
          {w.address ? (
            <>
              <dt>{t('pledges.workplace.address')}</dt>
              <dd>{w.address}</dd>
            </>
          ) : null}
          {w.unionStatus ? (
            <>
              <dt>{t('pledges.workplace.union')}</dt>
              <dd>{w.unionStatus}</dd>
            </>
          ) : null}
        </dl>
        {w.headcount ? (
          <p>
            {t('pledges.workplace.headcount', {
              count: w.headcount.estimate,
              date: w.headcount.asOf,
            })}
          </p>
        ) : null}
        <p>{t('pledges.workplace.members', { count: shown(w.confirmedMembers) })}</p>
      </section>
      {w.canOrganize ? <Organize workplace={w} reload={workplace.reload} /> : null}
    </div>
  );
}

function Organize({
  workplace,
  reload,
}: {
  workplace: WorkplaceView;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const shown = useShownCount();
  const loadStructure = useCallback(
    () => pledgesApi.workplaceStructure(workplace.id),
    [workplace.id],
  );
  const structure = useLoad(loadStructure);
  const loadPending = useCallback(() => pledgesApi.pendingWorkers(workplace.id), [workplace.id]);
  const pending = useLoad(loadPending);
  const action = useAction(async () => {
    await Promise.all([structure.reload(), pending.reload(), reload()]);
  });
  const [unit, setUnit] = useState({
    kind: 'department' as 'department' | 'shift',
    name: '',
    headcount: '',
  });
  const addUnit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await pledgesApi.addWorkplaceUnit(workplace.id, {
        kind: unit.kind,
        name: unit.name,
        ...(unit.headcount ? { headcount: Number(unit.headcount) } : {}),
      });
      setUnit({ ...unit, name: '', headcount: '' });
    });
  };
  const link = `${window.location.origin}/workplaces/${workplace.id}/join`;
  return (
    <>
      <section className="card">
        <h2>{t('pledges.workplace.link')}</h2>
        <p className="join-link">{link}</p>
      </section>
      <section className="card">
        <h2>{t('pledges.workplace.structure')}</h2>
        {structure.data ? (
          <div className="table-wrap">
            <table data-testid="structure-chart">
              <thead>
                <tr>
                  <th scope="col">{t('pledges.workplace.unit')}</th>
                  <th scope="col">{t('pledges.workplace.estimate')}</th>
                  <th scope="col">{t('pledges.workplace.confirmedColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {structure.data.units.map((u) => (
                  <tr key={u.id ?? 'unassigned'}>
                    <th scope="row">
                      {u.kind === 'unassigned'
                        ? t('pledges.workplace.unassigned')
                        : `${u.name} (${t(`pledges.workplace.${u.kind}`)})`}
                    </th>
                    <td>{u.headcount ?? t('pledges.workplace.unknown')}</td>
                    <td>{shown(u.confirmedMembers)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Loading />
        )}
        <form onSubmit={addUnit}>
          <h3>{t('pledges.workplace.addUnit')}</h3>
          <label className="field">
            <span>{t('pledges.workplace.unit')}</span>
            <select
              value={unit.kind}
              onChange={(e) => setUnit({ ...unit, kind: e.target.value as 'department' | 'shift' })}
            >
              <option value="department">{t('pledges.workplace.department')}</option>
              <option value="shift">{t('pledges.workplace.shift')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('pledges.workplace.unitName')}</span>
            <input
              value={unit.name}
              required
              maxLength={100}
              onChange={(e) => setUnit({ ...unit, name: e.target.value })}
            />
          </label>
          <label className="field">
            <span>{t('pledges.workplace.estimate')}</span>
            <input
              type="number"
              min={1}
              value={unit.headcount}
              onChange={(e) => setUnit({ ...unit, headcount: e.target.value })}
            />
          </label>
          <button type="submit" className="button" disabled={action.busy}>
            {t('pledges.workplace.add')}
          </button>
        </form>
      </section>
      <section className="card">
        <h2>{t('pledges.workplace.pendingTitle')}</h2>
        {pending.data?.length === 0 ? (
          <p className="hint">{t('pledges.workplace.noPending')}</p>
        ) : null}
        <ul>
          {pending.data?.map((p) => (
            <li key={p.id} data-testid="pending-worker">
              {p.name}{' '}
              <button
                type="button"
                className="button button--small"
                disabled={action.busy}
                onClick={() => void action.run(() => pledgesApi.confirmWorker(workplace.id, p.id))}
              >
                {t('pledges.workplace.confirm')}
              </button>
            </li>
          ))}
        </ul>
        {action.error ? <p className="notice notice--error">{action.error}</p> : null}
      </section>
    </>
  );
}
