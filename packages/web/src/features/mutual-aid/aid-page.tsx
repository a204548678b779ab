import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AID_CATEGORIES,
  AID_URGENCIES,
  type AidCategory,
  type AidUrgency,
} from '@tocsin/core/mutual-aid/requests';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { useWrite } from '../assemblies/use-write';
import { AreaPicker } from '../canvassing/area-picker';
import { shown, useMyAreas } from '../canvassing/use-my-areas';
import '../canvassing/canvassing.css';
import { communityApi } from '../../lib/api/organizing/community';

/**
 * Mutual aid: the board (kind, area, urgency, age: never who asked), asking and offering, my own
 * requests, offers and the requests I took, and, for coordinators, pairing.
 */
export function AidPage() {
  const { t } = useTranslation();
  usePageTitle(t('aid.title'));
  const { areas, areaId, setAreaId, error } = useMyAreas();
  const loadBoard = useCallback(
    () => (areaId ? communityApi.aidBoard(areaId) : Promise.resolve([])),
    [areaId],
  );
  const board = useLoad(loadBoard);
  const loadMine = useCallback(() => communityApi.aidMine(), []);
  const mine = useLoad(loadMine);
  const reload = useCallback(async () => {
    await Promise.all([board.reload(), mine.reload()]);
  }, [board, mine]);
  const write = useWrite(reload);
  const [taken, setTaken] = useState<Record<string, string>>({});
  const coordinator = !!areaId && !!mine.data?.coordinates.length;
  return (
    <div className="community">
      <h1 tabIndex={-1}>{t('aid.title')}</h1>
      <p className="hint">{t('aid.intro')}</p>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      {areas ? <AreaPicker areas={areas} areaId={areaId} onChange={setAreaId} /> : <Loading />}
      <section className="card" aria-labelledby="board-heading" data-testid="aid-board">
        <h2 id="board-heading">{t('aid.board')}</h2>
        {board.error ? (
          <p className="notice notice--error">{describeError(board.error, t)}</p>
        ) : null}
        {board.data?.length === 0 ? <p className="hint">{t('aid.empty')}</p> : null}
        <ul className="plain">
          {board.data?.map((item) => (
            <li key={item.id} data-testid="board-item">
              <strong>{t(`community.categories.${item.category}`)}</strong> ·{' '}
              {t(`community.urgencies.${item.urgency}`)} ·{' '}
              {areas?.find((a) => a.id === item.areaId)?.name ?? ''} ·{' '}
              {t('aid.age', { count: item.ageHours })}
              <br />
              {taken[item.id] ? (
                <span role="status" className="hint">
                  {taken[item.id]}
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={write.busy}
                  onClick={() =>
                    void write.run(`take:${item.id}`, async (requestId) => {
                      const answer = await communityApi.takeAid(item.id, requestId);
                      setTaken((m) => ({
                        ...m,
                        [item.id]:
                          answer.state === 'matched' ? t('aid.matchedNow') : t('aid.taken'),
                      }));
                    })
                  }
                >
                  {t('aid.take')}
                </button>
              )}
            </li>
          ))}
        </ul>
        {write.error ? <p className="notice notice--error">{write.error}</p> : null}
      </section>
      {areaId ? <AskForm areaId={areaId} onDone={reload} /> : null}
      {areaId ? <OfferForm areaId={areaId} onDone={reload} /> : null}
      <Mine data={mine.data} onDone={reload} />
      {coordinator && areaId ? <Queue areaId={areaId} onDone={reload} /> : null}
      {areaId ? <Stats areaId={areaId} /> : null}
    </div>
  );
}

function CategoryField({
  value,
  onChange,
}: {
  value: AidCategory;
  onChange: (c: AidCategory) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('aid.ask.category')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as AidCategory)}>
        {AID_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`community.categories.${c}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function AskForm({ areaId, onDone }: { areaId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const ids = { urgency: useId(), description: useId(), auto: useId(), behalf: useId() };
  const [category, setCategory] = useState<AidCategory>('groceries');
  const [urgency, setUrgency] = useState<AidUrgency>('this_week');
  const [description, setDescription] = useState('');
  const [autoMatch, setAutoMatch] = useState(false);
  const [onBehalf, setOnBehalf] = useState(false);
  const [done, setDone] = useState(false);
  const write = useWrite(onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void write.run('ask', async (requestId) => {
      await communityApi.askAid({
        requestId,
        category,
        areaId,
        urgency,
        description,
        autoMatch,
        onBehalf,
      });
      setDescription('');
      setDone(true);
    });
  };
  return (
    <section className="card" aria-labelledby="ask-heading">
      <h2 id="ask-heading">{t('aid.ask.title')}</h2>
      <form onSubmit={submit}>
        <CategoryField value={category} onChange={setCategory} />
        <div className="field">
          <label htmlFor={ids.urgency}>{t('aid.ask.urgency')}</label>
          <select
            id={ids.urgency}
            value={urgency}
            onChange={(e) => setUrgency(e.target.value as AidUrgency)}
          >
            {AID_URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`community.urgencies.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.description}>{t('aid.ask.description')}</label>
          <textarea
            id={ids.description}
            required
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="check">
          <input
            id={ids.auto}
            type="checkbox"
            checked={autoMatch}
            onChange={(e) => setAutoMatch(e.target.checked)}
          />
          <label htmlFor={ids.auto}>{t('aid.ask.autoMatch')}</label>
        </div>
        <div className="check">
          <input
            id={ids.behalf}
            type="checkbox"
            checked={onBehalf}
            onChange={(e) => setOnBehalf(e.target.checked)}
          />
          <label htmlFor={ids.behalf}>{t('aid.ask.onBehalf')}</label>
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={write.busy || !description.trim()}
        >
          {t('aid.ask.submit')}
        </button>
      </form>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
      {done ? (
        <p role="status" className="notice notice--info">
          {t('aid.ask.done')}
        </p>
      ) : null}
    </section>
  );
}

function OfferForm({ areaId, onDone }: { areaId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const ids = { availability: useId(), until: useId() };
  const [category, setCategory] = useState<AidCategory>('groceries');
  const [availability, setAvailability] = useState('');
  const [until, setUntil] = useState('');
  const [done, setDone] = useState(false);
  const write = useWrite(onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    void write.run('offer', async (requestId) => {
      await communityApi.offerAid({
        requestId,
        category,
        areaId,
        availability,
        ...(until ? { until } : {}),
      });
      setAvailability('');
      setDone(true);
    });
  };
  return (
    <section className="card" aria-labelledby="offer-heading">
      <h2 id="offer-heading">{t('aid.offer.title')}</h2>
      <form onSubmit={submit}>
        <CategoryField value={category} onChange={setCategory} />
        <div className="field">
          <label htmlFor={ids.availability}>{t('aid.offer.availability')}</label>
          <input
            id={ids.availability}
            required
            maxLength={140}
            value={availability}
            onChange={(e) => setAvailability(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.until}>{t('aid.offer.until')}</label>
          <input
            id={ids.until}
            type="date"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={write.busy || !availability.trim()}
        >
          {t('aid.offer.submit')}
        </button>
      </form>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
      {done ? (
        <p role="status" className="notice notice--info">
          {t('aid.offer.done')}
        </p>
      ) : null}
    </section>
  );
}

type Mine = Awaited<ReturnType<typeof communityApi.aidMine>>;

function Mine({ data, onDone }: { data: Mine | null; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const write = useWrite(onDone);
  if (!data) return <Loading />;
  const close = (id: string, outcome: 'fulfilled' | 'withdrawn') =>
    void write.run(`close:${id}:${outcome}`, (requestId) =>
      communityApi.closeAid(id, { requestId, outcome }),
    );
  return (
    <section className="card" aria-labelledby="mine-heading" data-testid="aid-mine">
      <h2 id="mine-heading">{t('aid.mine.title')}</h2>
      <h3>{t('aid.mine.requests')}</h3>
      {data.requests.length === 0 ? <p className="hint">{t('aid.mine.none')}</p> : null}
      <ul className="plain">
        {data.requests.map((r) => (
          <li key={r.id} data-testid="my-request">
            <strong>{t(`community.categories.${r.category}`)}</strong> · {t(`aid.state.${r.state}`)}
            {r.outcome ? ` · ${t(`aid.outcome.${r.outcome}`)}` : ''}
            {r.description ? (
              <>
                <br />
                {r.description}
              </>
            ) : null}
            <br />
            {r.matchId ? (
              <Link to={`/aid/matches/${r.matchId}`}>{t('aid.mine.open')}</Link>
            ) : null}{' '}
            {r.state !== 'closed' ? (
              <>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={write.busy}
                  onClick={() => close(r.id, 'fulfilled')}
                >
                  {t('aid.mine.fulfilled')}
                </button>{' '}
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={write.busy}
                  onClick={() => close(r.id, 'withdrawn')}
                >
                  {t('aid.mine.withdraw')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t('aid.mine.takes')}</h3>
      {data.takes.length === 0 ? <p className="hint">{t('aid.mine.none')}</p> : null}
      <ul className="plain">
        {data.takes.map((take) => (
          <li key={take.requestId} data-testid="my-take">
            <strong>{t(`community.categories.${take.category}`)}</strong> ·{' '}
            {t(`aid.state.${take.state}`)}{' '}
            {take.matchId ? (
              <Link to={`/aid/matches/${take.matchId}`}>{t('aid.mine.open')}</Link>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t('aid.mine.offers')}</h3>
      {data.offers.filter((o) => !o.withdrawn).length === 0 ? (
        <p className="hint">{t('aid.mine.none')}</p>
      ) : null}
      <ul className="plain">
        {data.offers
          .filter((o) => !o.withdrawn)
          .map((o) => (
            <li key={o.id}>
              <strong>{t(`community.categories.${o.category}`)}</strong> · {o.availability}
              {o.until ? ` · ${o.until}` : ''}{' '}
              <button
                type="button"
                className="button button--quiet"
                disabled={write.busy}
                onClick={() =>
                  void write.run(`withdraw:${o.id}`, () => communityApi.withdrawOffer(o.id))
                }
              >
                {t('aid.offer.withdraw')}
              </button>
            </li>
          ))}
      </ul>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </section>
  );
}

function Queue({ areaId, onDone }: { areaId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const load = useCallback(() => communityApi.aidQueue(areaId), [areaId]);
  const queue = useLoad(load);
  const write = useWrite(async () => {
    await queue.reload();
    await onDone();
  });
  if (queue.error) return null; // Not a coordinator of this area.
  return (
    <section className="card" aria-labelledby="queue-heading" data-testid="aid-queue">
      <h2 id="queue-heading">{t('aid.queue.title')}</h2>
      {!queue.data ? <Loading /> : null}
      {queue.data?.length === 0 ? <p className="hint">{t('aid.queue.empty')}</p> : null}
      <ul className="plain">
        {queue.data?.map((item) => (
          <li key={item.id} data-testid="queue-item">
            <strong>{t(`community.categories.${item.category}`)}</strong> ·{' '}
            {t(`community.urgencies.${item.urgency}`)} · {t('aid.age', { count: item.ageHours })}
            <br />
            {item.onBehalf ? t('aid.queue.onBehalf') : null}{' '}
            {item.requesterHandle
              ? t('aid.queue.requester', { handle: item.requesterHandle })
              : null}
            {item.description ? (
              <>
                <br />
                {item.description}
              </>
            ) : null}
            <br />
            {item.takers.length === 0 ? (
              <span className="hint">{t('aid.queue.noTakers')}</span>
            ) : null}
            {item.takers.map((taker) => (
              <button
                key={taker.takeId}
                type="button"
                className="button button--quiet"
                disabled={write.busy}
                onClick={() =>
                  void write.run(`match:${item.id}`, (requestId) =>
                    communityApi.matchAid(item.id, { requestId, takeId: taker.takeId }),
                  )
                }
              >
                {t('aid.queue.pair', { handle: taker.handle })}
                {taker.hasCoveringOffer ? ` (${t('aid.queue.covers')})` : ''}
              </button>
            ))}
          </li>
        ))}
      </ul>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </section>
  );
}

function Stats({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => communityApi.aidStats(areaId), [areaId]);
  const stats = useLoad(load);
  const fewer = t('community.fewer');
  if (!stats.data) return null;
  return (
    <section className="card" aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('aid.stats.title')}</h2>
      <table className="totals">
        <thead>
          <tr>
            <th scope="col">{t('aid.ask.category')}</th>
            <th scope="col">{t('aid.stats.open')}</th>
            <th scope="col">{t('aid.stats.fulfilled')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.data.categories.map((c) => (
            <tr key={c.category}>
              <th scope="row">{t(`community.categories.${c.category}`)}</th>
              <td>{shown(c.open, fewer)}</td>
              <td>{shown(c.fulfilled, fewer)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
