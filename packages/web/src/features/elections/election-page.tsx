import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BallotList, ElectionView } from '@tocsin/core/api/elections';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { useMe, useSession } from '../session/session-provider';
import { useWrite } from '../assemblies/use-write';
import {
  castBallot,
  castDelay,
  getToken,
  heldToken,
  myReceipt,
  type CastRecord,
} from './ballot-box';
import { StageTable, TransferChart } from './results';
import './elections.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';
import { electionsApi } from '../../lib/api/organizing/elections';

/** One election: nominations, the secret ballot, the receipt, results and the ballot list. */
export function ElectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(() => electionsApi.election(id), [id]);
  const election = useLoad(load);
  const view = election.data;
  const heading = useTitle(view);
  usePageTitle(heading);
  if (election.error && !view) {
    return <p className="notice notice--error">{describeError(election.error, t)}</p>;
  }
  if (!view) return <Loading />;
  return (
    <div className="election" data-testid="election" data-phase={view.phase}>
      <h1 tabIndex={-1}>{heading}</h1>
      <Schedule view={view} />
      {view.phase === 'nominations' ? <Nominations view={view} reload={election.reload} /> : null}
      {view.phase === 'voting' ? <Vote view={view} reload={election.reload} /> : null}
      {view.phase === 'count' ? (
        <p className="notice notice--info">{t('elections.counting')}</p>
      ) : null}
      {view.result ? <Results view={view} /> : null}
      {view.phase !== 'nominations' ? <Ballots view={view} /> : null}
      <p>
        <Link to={`/bodies/${view.bodyId}/elections`}>{t('elections.back')}</Link>
      </p>
    </div>
  );
}

function useTitle(view: ElectionView | null): string {
  const { t } = useTranslation();
  if (!view) return t('elections.title');
  const office = t(`elections.office.${view.office}`);
  return view.kind === 'recall'
    ? t('elections.recallTitle', { office, name: view.recallOf?.member.name ?? '' })
    : t('elections.electionTitle', { office, count: view.seats });
}

/** A recall ballot's option, in words. */
function useRecallLabel(): (id: string) => string {
  const { t } = useTranslation();
  return (id) =>
    id === 'yes' ? t('elections.recall.option.yes') : t('elections.recall.option.no');
}

function Schedule({ view }: { view: ElectionView }) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const when = (iso: string) => formatDateTime(iso, i18n.language, city?.timeZone ?? 'UTC');
  return (
    <p className="hint">
      <span className="status-pill" data-testid="phase">
        {t(`elections.phase.${view.phase}`)}
      </span>{' '}
      {t('elections.window', {
        opens: when(view.votingOpensAt),
        closes: when(view.votingClosesAt),
      })}
      {view.kind === 'office' ? ` · ${t('elections.term', { count: view.termMonths })}` : ''}
    </p>
  );
}

function Nominations({ view, reload }: { view: ElectionView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const me = useMe();
  const write = useWrite(reload);
  const [statement, setStatement] = useState('');
  const statementId = useId();
  const mine = view.nominations.find((n) => n.nominee.id === me.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = statement.trim();
    if (!text) return;
    void write.run(mine ? `accept:${mine.id}` : 'nominate-self', (requestId) =>
      mine
        ? electionsApi.acceptNomination(mine.id, { requestId, statement: text })
        : electionsApi.nominate(view.id, { requestId, nomineeId: me.id, statement: text }),
    );
  };
  return (
    <section className="card" aria-labelledby="nominations-title">
      <h2 id="nominations-title">{t('elections.nominations.title')}</h2>
      {view.nominations.length === 0 ? (
        <p className="hint">{t('elections.nominations.none')}</p>
      ) : null}
      <ul className="nominations" data-testid="nominations">
        {view.nominations.map((n) => (
          <li key={n.id}>
            <strong>{n.nominee.name}</strong>{' '}
            <span className="hint">
              {n.accepted
                ? t('elections.nominations.accepted')
                : t('elections.nominations.pending')}
              {n.nominatedBy.id !== n.nominee.id
                ? ` · ${t('elections.nominations.by', { name: n.nominatedBy.name })}`
                : ''}
            </span>
            {n.statement ? <p>{n.statement}</p> : null}
          </li>
        ))}
      </ul>
      {!view.me.onRoll ? null : mine?.accepted ? (
        <p className="notice notice--info">{t('elections.nominations.standing')}</p>
      ) : (
        <form onSubmit={submit}>
          <h3>
            {mine ? t('elections.nominations.acceptTitle') : t('elections.nominations.selfTitle')}
          </h3>
          <div className="field">
            <label htmlFor={statementId}>{t('elections.nominations.statement')}</label>
            <textarea
              id={statementId}
              required
              maxLength={2000}
              rows={3}
              value={statement}
              onChange={(event) => setStatement(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={write.busy}>
            {mine ? t('elections.nominations.accept') : t('elections.nominations.standSelf')}
          </button>
        </form>
      )}
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
      {view.me.onRoll ? <NominateOther view={view} reload={reload} /> : null}
    </section>
  );
}

/**
 * Nominating another member of the body, who stands once they accept with their own statement.
 * Whoever may see the roll by name (officers, the area's organizers) picks from it; any other
 * member names the nominee by nickname, and sees no list.
 */
function NominateOther({ view, reload }: { view: ElectionView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const me = useMe();
  const [nomineeId, setNomineeId] = useState('');
  const [handle, setHandle] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const write = useWrite(reload);
  const fieldId = useId();
  const hintId = useId();
  const seesRoll = view.me.seesRoll;
  const loadRoll = useCallback(
    () => (seesRoll ? assembliesApi.bodyRoll(view.bodyId) : Promise.resolve(null)),
    [seesRoll, view.bodyId],
  );
  const roll = useLoad(loadRoll);
  const nominated = new Set(view.nominations.map((n) => n.nominee.id));
  const choices = (roll.data?.members ?? []).filter((m) => m.id !== me.id && !nominated.has(m.id));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const named = seesRoll ? { nomineeId } : { nomineeHandle: handle.trim() };
    if (!named.nomineeId && !named.nomineeHandle) return;
    void write.run(`nominate:${JSON.stringify(named)}`, async (requestId) => {
      const nomination = await electionsApi.nominate(view.id, { requestId, ...named });
      setDone(nomination.nominee.name);
      setNomineeId('');
      setHandle('');
    });
  };
  return (
    <form onSubmit={submit} data-testid="nominate-other">
      <h3>{t('elections.nominations.otherTitle')}</h3>
      <p className="hint" id={hintId}>
        {t('elections.nominations.otherHint')}
        {seesRoll ? '' : ` ${t('elections.nominations.handleHint')}`}
      </p>
      <div className="field">
        <label htmlFor={fieldId}>
          {seesRoll ? t('elections.nominations.pick') : t('elections.nominations.handle')}
        </label>
        {seesRoll ? (
          <select
            id={fieldId}
            required
            aria-describedby={hintId}
            value={nomineeId}
            onChange={(event) => setNomineeId(event.target.value)}
          >
            <option value="">{t('elections.nominations.pickNone')}</option>
            {choices.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={fieldId}
            required
            maxLength={64}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            value={handle}
            onChange={(event) => setHandle(event.target.value)}
          />
        )}
      </div>
      {roll.error ? <p className="notice notice--error">{describeError(roll.error, t)}</p> : null}
      <button type="submit" className="button" disabled={write.busy}>
        {t('elections.nominations.nominate')}
      </button>
      {done ? (
        <p className="notice notice--ok" role="status">
          {t('elections.nominations.nominated', { name: done })}
        </p>
      ) : null}
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </form>
  );
}

function Vote({ view, reload }: { view: ElectionView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<CastRecord | null>(() => myReceipt(view.id));
  const [ranking, setRanking] = useState<string[]>([]);
  const [sending, setSending] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [requestId] = useState(() => crypto.randomUUID());
  const recallLabel = useRecallLabel();
  const label = (id: string): string => {
    const option = view.options.find((o) => o.id === id);
    if (!option) return id;
    return view.kind === 'recall' ? recallLabel(option.id) : option.label;
  };
  const send = async (choice: string[]) => {
    setError(null);
    try {
      const token = await getToken(view.id, view.publicKey, requestId);
      const delay = castDelay();
      setSending(Math.ceil(delay / 1000));
      const record = await castBallot(view.id, token, choice, delay);
      setReceipt(record);
      await reload();
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setSending(null);
    }
  };
  if (receipt) return <Receipt receipt={receipt} />;
  if (view.me.tokenIssued && !heldToken(view.id)) {
    return <p className="notice notice--info">{t('elections.vote.elsewhere')}</p>;
  }
  const move = (index: number, by: number) =>
    setRanking((current) => {
      const next = [...current];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });
  return (
    <section className="card ballot" aria-labelledby="ballot-title" data-testid="ballot">
      <h2 id="ballot-title">{t('elections.vote.title')}</h2>
      <p className="hint">{t('elections.vote.secret')}</p>
      {view.kind === 'recall' ? (
        <div className="ballot__recall">
          {view.options.map((o) => (
            <button
              key={o.id}
              type="button"
              className="button button--large"
              disabled={sending !== null}
              onClick={() => void send([o.id])}
            >
              {label(o.id)}
            </button>
          ))}
        </div>
      ) : (
        <>
          <p>{t('elections.vote.howTo')}</p>
          <ul className="ballot__options">
            {view.options
              .filter((o) => !ranking.includes(o.id))
              .map((o) => (
                <li key={o.id}>
                  <span>{o.label}</span>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setRanking((r) => [...r, o.id])}
                    aria-label={t('elections.vote.addNamed', { name: o.label })}
                  >
                    {t('elections.vote.add')}
                  </button>
                </li>
              ))}
          </ul>
          <h3>{t('elections.vote.ranking')}</h3>
          {ranking.length === 0 ? <p className="hint">{t('elections.vote.empty')}</p> : null}
          <ol className="ballot__ranking" data-testid="ranking">
            {ranking.map((id, i) => (
              <li key={id}>
                <span>{label(id)}</span>
                <span className="ballot__moves">
                  <button
                    type="button"
                    className="button"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('elections.vote.up', { name: label(id) })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={i === ranking.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('elections.vote.down', { name: label(id) })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setRanking((r) => r.filter((x) => x !== id))}
                    aria-label={t('elections.vote.remove', { name: label(id) })}
                  >
                    ✕
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--primary button--large"
            disabled={ranking.length === 0 || sending !== null}
            onClick={() => void send(ranking)}
          >
            {t('elections.vote.cast')}
          </button>
        </>
      )}
      {sending !== null ? (
        <p className="notice notice--info" role="status">
          {t('elections.vote.sending', { count: sending })}
        </p>
      ) : null}
      {error ? <p className="notice notice--error">{error}</p> : null}
    </section>
  );
}

function Receipt({ receipt }: { receipt: CastRecord }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t('elections.receipt.title')}</h2>
      <p>{t('elections.receipt.text')}</p>
      <p className="receipt" data-testid="receipt">
        <code>{receipt.receipt}</code>
      </p>
    </section>
  );
}

function Results({ view }: { view: ElectionView }) {
  const { t } = useTranslation();
  const result = view.result;
  if (!result) return null;
  return (
    <section className="card" aria-labelledby="results-title" data-testid="results">
      <h2 id="results-title">{t('elections.results.title')}</h2>
      <p>{t('elections.results.ballots', { count: result.ballots })}</p>
      {result.recall ? (
        <p data-testid="recall-result">
          {t('elections.recall.outcome', { yes: result.recall.yes, no: result.recall.no })}{' '}
          <strong>
            {result.recall.removed ? t('elections.recall.removed') : t('elections.recall.kept')}
          </strong>
        </p>
      ) : null}
      {result.stv ? (
        <>
          <p>
            {t('elections.results.quota', { quota: result.stv.quota })} ·{' '}
            {t('elections.results.elected', { names: result.stv.elected.join(', ') })}
          </p>
          <StageTable stv={result.stv} />
          <TransferChart stv={result.stv} />
          <p className="hint">
            {t('elections.results.seed', { seed: result.stv.seed.slice(0, 16) })}
          </p>
        </>
      ) : null}
      {!result.stv && !result.recall ? <p>{t('elections.results.nothing')}</p> : null}
      <p>
        <a href={`/api/v1/elections/${view.id}/blt`} download>
          {t('elections.results.download')}
        </a>
      </p>
    </section>
  );
}

function Ballots({ view }: { view: ElectionView }) {
  const { t } = useTranslation();
  const [list, setList] = useState<BallotList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mine = myReceipt(view.id)?.receipt;
  useEffect(() => {
    electionsApi.ballotList(view.id).then(setList, setError);
  }, [view.id, view.ballotsCast, view.phase]);
  const recallLabel = useRecallLabel();
  const label = (id: string): string => {
    if (view.kind === 'recall') return recallLabel(id);
    return view.options.find((o) => o.id === id)?.label ?? id;
  };
  return (
    <section className="card" aria-labelledby="ballots-title">
      <h2 id="ballots-title">{t('elections.ballots.title')}</h2>
      <p className="hint">{t('elections.ballots.intro')}</p>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      {!list ? null : list.ballots.length === 0 ? (
        <p className="hint">{t('elections.ballots.none')}</p>
      ) : (
        <ol className="ballot-list" data-testid="ballot-list">
          {list.ballots.map((b) => (
            <li key={b.receipt} className={b.receipt === mine ? 'ballot-list__mine' : undefined}>
              <code>{b.receipt}</code>
              {b.receipt === mine ? <strong> {t('elections.ballots.mine')}</strong> : null}
              {b.ranking ? (
                <span className="hint"> · {b.ranking.map(label).join(' > ')}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
