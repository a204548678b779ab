import { lazy, Suspense, useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupMemberView } from '@tocsin/core/api/views';
import { usePageTitle } from '../../app/use-page-title';
import { describeError, endpoints } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { AreaPicker } from './area-picker';
import { shown, useMyAreas } from './use-my-areas';
import './canvassing.css';
import { communityApi } from '../../lib/api/organizing/community';

// h3-js and the map load only when a turf is drawn.
const TurfDraw = lazy(() => import('./turf-draw').then((m) => ({ default: m.TurfDraw })));

/** The turfs of my area: mine first; the canvassing group assigns new ones here. */
export function CanvassPage() {
  const { t } = useTranslation();
  usePageTitle(t('canvass.title'));
  const { areas, areaId, setAreaId, error } = useMyAreas();
  const load = useCallback(
    () => (areaId ? communityApi.turfs(areaId) : Promise.resolve([])),
    [areaId],
  );
  const turfs = useLoad(load);
  const fewer = t('community.fewer');
  return (
    <div className="community">
      <h1 tabIndex={-1}>{t('canvass.title')}</h1>
      <p className="hint">{t('canvass.intro')}</p>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      {areas ? <AreaPicker areas={areas} areaId={areaId} onChange={setAreaId} /> : <Loading />}
      {areaId ? (
        <p>
          <Link to={`/canvass/map?areaId=${areaId}`}>{t('canvass.map')}</Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="turfs-heading">
        <h2 id="turfs-heading">{t('canvass.turfs')}</h2>
        {turfs.error ? (
          <p className="notice notice--error">{describeError(turfs.error, t)}</p>
        ) : null}
        {turfs.data && turfs.data.length === 0 ? (
          <p className="hint">{t('canvass.noTurfs')}</p>
        ) : null}
        <ul className="plain">
          {[...(turfs.data ?? [])]
            .sort((a, b) => Number(b.mine) - Number(a.mine))
            .map((turf) => (
              <li key={turf.id} data-testid="turf">
                <Link to={`/canvass/turfs/${turf.id}`}>{turf.name}</Link>{' '}
                {turf.mine ? <strong>({t('canvass.mine')})</strong> : null}
                <br />
                <span className="hint">
                  {turf.date} · {t('canvass.cells', { count: turf.cellCount })} ·{' '}
                  {t('canvass.doors')}: {shown(turf.doors, fewer)} ·{' '}
                  {t('canvass.pair', { names: turf.assignees.map((a) => a.handle).join(', ') })}
                </span>
              </li>
            ))}
        </ul>
      </section>
      {areaId ? <NewTurf areaId={areaId} onDone={turfs.reload} /> : null}
    </div>
  );
}

function NewTurf({ areaId, onDone }: { areaId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const ids = { name: useId(), date: useId() };
  const [name, setName] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [pair, setPair] = useState<string[]>([]);
  // A turf is the whole area, or the blocks tapped on the map (H3 cells of about one block).
  const [shape, setShape] = useState<'area' | 'drawn'>('area');
  const [cells, setCells] = useState<string[]>([]);
  const [members, setMembers] = useState<GroupMemberView[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setMembers(null);
    void (async () => {
      try {
        const groups = await endpoints.groups(areaId);
        const group = groups.find((g) => g.slug === 'canvassing');
        const list = group ? await endpoints.groupMembers(group.id) : [];
        if (live) setMembers(list);
      } catch {
        if (live) setMembers([]);
      }
    })();
    return () => {
      live = false;
    };
    setCells([]);
  }, [areaId]);

  const toggle = (id: string) =>
    setPair((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const where = shape === 'drawn' ? { cells } : { areaId };
      await communityApi.createTurf({
        id: crypto.randomUUID(),
        name,
        ...where,
        assignees: pair,
        date,
      });
      setMessage({ ok: true, text: t('canvass.create.done') });
      setName('');
      setPair([]);
      setCells([]);
      await onDone();
    } catch (caught) {
      setMessage({ ok: false, text: describeError(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="new-turf-heading">
      <h2 id="new-turf-heading">{t('canvass.create.title')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={ids.name}>{t('canvass.create.name')}</label>
          <input
            id={ids.name}
            value={name}
            maxLength={80}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <fieldset className="outcome-choices">
          <legend>{t('canvass.create.shape')}</legend>
          <label>
            <input
              type="radio"
              name="turf-shape"
              checked={shape === 'area'}
              onChange={() => setShape('area')}
            />
            {t('canvass.create.whole')}
          </label>
          <label>
            <input
              type="radio"
              name="turf-shape"
              checked={shape === 'drawn'}
              onChange={() => setShape('drawn')}
            />
            {t('canvass.create.drawn')}
          </label>
        </fieldset>
        {shape === 'drawn' ? (
          <Suspense fallback={<Loading />}>
            <TurfDraw areaId={areaId} cells={cells} onChange={setCells} />
          </Suspense>
        ) : null}
        <div className="field">
          <label htmlFor={ids.date}>{t('canvass.create.date')}</label>
          <input
            id={ids.date}
            type="date"
            value={date}
            required
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <fieldset className="outcome-choices">
          <legend>{t('canvass.create.assignees')}</legend>
          {members === null ? <Loading /> : null}
          {members?.length === 0 ? <p className="hint">{t('canvass.create.noGroup')}</p> : null}
          {members?.map((m) => (
            <label key={m.id}>
              <input type="checkbox" checked={pair.includes(m.id)} onChange={() => toggle(m.id)} />
              {m.displayName ?? m.handle}
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          className="button"
          disabled={
            busy || pair.length !== 2 || !name.trim() || (shape === 'drawn' && cells.length === 0)
          }
        >
          {t('canvass.create.submit')}
        </button>
      </form>
      {message ? (
        <p role="status" className={`notice ${message.ok ? 'notice--info' : 'notice--error'}`}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
