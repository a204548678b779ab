import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { useAction } from '../organizer/use-action';
import { useLoad } from '../organizer/use-load';
import { useMe } from '../session/session-provider';
import { useShownCount } from './shown-count';
import './pledges.css';
import { pledgesApi } from '../../lib/api/organizing/pledges';

/** The campaigns I may see, my workplace, and (for organizers) a new campaign. */
export function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('pledges.title'));
  const me = useMe();
  const shown = useShownCount();
  const loadCampaigns = useCallback(() => pledgesApi.campaigns(), []);
  const campaigns = useLoad(loadCampaigns);
  const loadWorkplace = useCallback(() => pledgesApi.myWorkplace(), []);
  const workplace = useLoad(loadWorkplace);
  const organizer =
    me.status === 'active' && me.roles.some((r) => r.role === 'organizer' || r.role === 'admin');
  return (
    <div className="pledges">
      <h1 tabIndex={-1}>{t('pledges.title')}</h1>
      <p className="hint">{t('pledges.intro')}</p>
      <section className="card">
        <h2>{t('pledges.myWorkplace')}</h2>
        {workplace.data ? (
          <p data-testid="my-workplace">
            {workplace.data.workplaceId === null
              ? t('pledges.noWorkplace')
              : workplace.data.confirmed
                ? t('pledges.confirmed', { name: workplace.data.name })
                : t('pledges.pending', { name: workplace.data.name })}
          </p>
        ) : null}
        {workplace.data?.confirmed && workplace.data.workplaceId ? (
          <p>
            <Link to={`/workplaces/${workplace.data.workplaceId}`}>{workplace.data.name}</Link>
          </p>
        ) : null}
      </section>
      {campaigns.error ? (
        <p className="notice notice--error">{describeError(campaigns.error, t)}</p>
      ) : null}
      {!campaigns.data ? (
        campaigns.error ? null : (
          <Loading />
        )
      ) : campaigns.data.length === 0 ? (
        <p className="notice notice--info">{t('pledges.none')}</p>
      ) : (
        <ul className="card">
          {campaigns.data.map((c) => (
            <li key={c.id} data-testid="campaign">
              <Link to={`/campaigns/${c.id}`}>{c.title}</Link>{' '}
              <span className="hint">
                · {t(`pledges.state.${c.state}`)} ·{' '}
                {t('pledges.campaign.totals', {
                  pledgers: shown(c.totals.pledgers),
                  triggered: c.totals.workplacesTriggered,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {organizer ? <NewCampaign /> : null}
    </div>
  );
}

function NewCampaign() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useAction();
  const [form, setForm] = useState({
    title: '',
    action: '',
    count: '',
    percent: '',
    workplaces: '',
    pledgers: '',
  });
  const num = (value: string) => (value.trim() === '' ? undefined : Number(value));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const workplaces = num(form.workplaces);
    const pledgers = num(form.pledgers);
    void action.run(async () => {
      const created = await pledgesApi.createCampaign({
        id: crypto.randomUUID(),
        title: form.title,
        action: form.action,
        workplace: { count: num(form.count), percent: num(form.percent) },
        ...(workplaces !== undefined || pledgers !== undefined
          ? { city: { workplaces, pledgers } }
          : {}),
      });
      await navigate(`/campaigns/${created.id}`);
    });
  };
  const field = (name: keyof typeof form, label: string, type: 'text' | 'number' = 'number') => (
    <label className="field">
      <span>{label}</span>
      {name === 'action' ? (
        <textarea
          value={form[name]}
          required
          maxLength={2000}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        />
      ) : (
        <input
          type={type}
          value={form[name]}
          required={name === 'title'}
          min={type === 'number' ? 1 : undefined}
          max={name === 'percent' ? 100 : undefined}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        />
      )}
    </label>
  );
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('pledges.create.title')}</h2>
      {field('title', t('pledges.create.name'), 'text')}
      {field('action', t('pledges.create.action'), 'text')}
      {field('count', t('pledges.create.workplaceCount'))}
      {field('percent', t('pledges.create.workplacePercent'))}
      {field('workplaces', t('pledges.create.cityWorkplaces'))}
      {field('pledgers', t('pledges.create.cityPledgers'))}
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t('pledges.create.submit')}
      </button>
    </form>
  );
}
