import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CampaignView } from '@tocsin/core/api/pledges';
import type { CampaignMessage } from '@tocsin/core/api/stream';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { CAMPAIGN_EVENT } from '../../lib/stream';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useAction } from '../organizer/use-action';
import { useLoad } from '../organizer/use-load';
import { useSession } from '../session/session-provider';
import { SectorChart } from './sector-chart';
import { useShownCount } from './shown-count';
import './pledges.css';
import { pledgesApi } from '../../lib/api/organizing/pledges';

// Leaflet only when the map is shown.
const CampaignMap = lazy(() => import('./campaign-map').then((m) => ({ default: m.CampaignMap })));

/** A campaign: the plan, its conditions, counts (k-anonymous, stepped), my pledge, map, chart. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const load = useCallback(() => pledgesApi.campaign(id), [id]);
  const campaign = useLoad(load);
  const loadPledge = useCallback(() => pledgesApi.myPledge(id), [id]);
  const pledge = useLoad(loadPledge);
  const loadHistory = useCallback(() => pledgesApi.campaignHistory(id), [id]);
  const history = useLoad(loadHistory);
  const [notice, setNotice] = useState<CampaignMessage | null>(null);
  usePageTitle(campaign.data?.title ?? t('pledges.title'));
  const { reload } = campaign;
  const reloadPledge = pledge.reload;
  useEffect(() => {
    const listener = (event: Event) => {
      const message = (event as CustomEvent<CampaignMessage>).detail;
      if (message.id !== id) return;
      setNotice(message);
      void reload();
      void reloadPledge();
    };
    window.addEventListener(CAMPAIGN_EVENT, listener);
    return () => window.removeEventListener(CAMPAIGN_EVENT, listener);
  }, [id, reload, reloadPledge]);
  const action = useAction(async () => {
    await Promise.all([campaign.reload(), pledge.reload()]);
  });
  if (campaign.error) {
    return <p className="notice notice--error">{describeError(campaign.error, t)}</p>;
  }
  if (!campaign.data) return <Loading />;
  const c = campaign.data;
  const mine = pledge.data;
  const on = c.state === 'on';
  return (
    <div className="pledges">
      <h1 tabIndex={-1}>{c.title}</h1>
      <p>
        <strong className={`state--${c.state}`} data-testid="campaign-state">
          {t(`pledges.state.${c.state}`)}
        </strong>
      </p>
      {notice || (on && mine?.pledged) ? (
        <p className="notice notice--warn" role="alert" data-testid="campaign-on">
          {t('pledges.campaign.onNotice', { action: notice?.action ?? c.action })}
        </p>
      ) : null}
      <section className="card">
        <h2>{t('pledges.campaign.action')}</h2>
        <p>{c.action}</p>
        <Conditions campaign={c} />
      </section>
      <section className="card pledge-box" aria-live="polite">
        {mine ? (
          <p data-testid="my-pledge">
            {mine.pledged ? t('pledges.campaign.pledged') : t('pledges.campaign.notPledged')}
          </p>
        ) : null}
        {mine?.pledged && !mine.canWithdraw && c.state === 'open' ? (
          <p className="hint">{t('pledges.campaign.binding')}</p>
        ) : null}
        {mine && !mine.pledged && c.state === 'open' ? (
          <button
            type="button"
            className="button button--primary button--large"
            disabled={action.busy}
            onClick={() => void action.run(() => pledgesApi.pledge(id))}
          >
            {t('pledges.campaign.pledge')}
          </button>
        ) : null}
        {mine?.canWithdraw ? (
          <button
            type="button"
            className="button"
            disabled={action.busy}
            onClick={() => void action.run(() => pledgesApi.withdrawPledge(id))}
          >
            {t('pledges.campaign.withdraw')}
          </button>
        ) : null}
        {action.error ? <p className="notice notice--error">{action.error}</p> : null}
      </section>
      <Counts campaign={c} />
      <section className="card">
        <h2>{t('pledges.campaign.chart')}</h2>
        {history.data && Object.keys(history.data.sectors).length > 0 ? (
          Object.entries(history.data.sectors).map(([sector, points]) => (
            <SectorChart key={sector} sector={sector} points={points} />
          ))
        ) : (
          <p className="hint">{t('pledges.campaign.noHistory')}</p>
        )}
      </section>
      {c.canManage && c.state !== 'closed' ? (
        <p>
          <button
            type="button"
            className="button button--danger"
            disabled={action.busy}
            onClick={() => void action.run(() => pledgesApi.closeCampaign(id))}
          >
            {t('pledges.campaign.close')}
          </button>
        </p>
      ) : null}
    </div>
  );
}

function Conditions({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const { workplace, city } = campaign.conditions;
  const join = (parts: string[]) => parts.join(` ${t('pledges.campaign.or')} `);
  const at = [
    workplace.count !== undefined
      ? t('pledges.campaign.workplaceCount', { count: workplace.count })
      : null,
    workplace.percent !== undefined
      ? t('pledges.campaign.workplacePercent', { percent: workplace.percent })
      : null,
  ].filter((s): s is string => s !== null);
  const citywide = [
    city.workplaces !== undefined
      ? t('pledges.campaign.cityWorkplaces', { count: city.workplaces })
      : null,
    city.pledgers !== undefined
      ? t('pledges.campaign.cityPledgers', { count: city.pledgers })
      : null,
  ].filter((s): s is string => s !== null);
  return (
    <>
      <h3>{t('pledges.campaign.conditions')}</h3>
      <ul>
        <li>{join(at)}</li>
        <li>{join(citywide)}</li>
      </ul>
    </>
  );
}

function Counts({ campaign }: { campaign: CampaignView }) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const shown = useShownCount();
  const placed = campaign.workplaces.flatMap((w) =>
    w.location
      ? [
          {
            id: w.id,
            name: w.name,
            location: w.location,
            triggered: w.triggered,
            label: shown(w.pledgers),
          },
        ]
      : [],
  );
  return (
    <section className="card">
      <h2>{t('pledges.campaign.workplaces')}</h2>
      <p data-testid="campaign-totals">
        {t('pledges.campaign.totals', {
          pledgers: shown(campaign.totals.pledgers),
          triggered: campaign.totals.workplacesTriggered,
        })}
      </p>
      <p className="hint">
        {t('pledges.campaign.published')}{' '}
        {t('pledges.campaign.publishedAt', {
          time: formatDateTime(campaign.publishedAt, i18n.language, city?.timeZone ?? 'UTC'),
        })}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('pledges.campaign.workplace')}</th>
              <th scope="col">{t('pledges.campaign.pledgers')}</th>
              <th scope="col">{t('pledges.campaign.percent')}</th>
              <th scope="col">{t('pledges.campaign.stateColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {campaign.workplaces.map((w) => (
              <tr key={w.id} data-testid="campaign-workplace">
                <th scope="row">{w.name}</th>
                <td>{shown(w.pledgers)}</td>
                <td>{w.percent !== undefined ? `${w.percent}%` : ''}</td>
                <td className={w.triggered ? 'state--triggered' : ''}>
                  {w.triggered ? t('pledges.campaign.triggered') : t('pledges.campaign.open')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {placed.length > 0 ? (
        <Suspense fallback={<Loading />}>
          <CampaignMap label={t('pledges.campaign.map')} workplaces={placed} />
        </Suspense>
      ) : null}
      {placed.length < campaign.workplaces.length ? (
        <p className="hint">{t('pledges.campaign.noPlace')}</p>
      ) : null}
    </section>
  );
}
