import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BodyElections, OfficeHolderView } from '@tocsin/core/api/elections';
import { ELECTION_OFFICES, type ElectionOffice } from '@tocsin/core/elections/phase';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { useSession } from '../session/session-provider';
import { useWrite } from '../assemblies/use-write';
import './elections.css';
import { electionsApi } from '../../lib/api/organizing/elections';

/** A body's elections, its office holders (with recall), terms ending soon; the chair calls one. */
export function ElectionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('elections.title'));
  const { bodyId = '' } = useParams();
  const load = useCallback(() => electionsApi.bodyElections(bodyId), [bodyId]);
  const body = useLoad(load);
  const data = body.data;
  return (
    <div className="elections">
      <h1 tabIndex={-1}>{t('elections.title')}</h1>
      <p className="hint">{t('elections.intro')}</p>
      {body.error ? <p className="notice notice--error">{describeError(body.error, t)}</p> : null}
      {!data ? (
        body.error ? null : (
          <Loading />
        )
      ) : (
        <Body data={data} bodyId={bodyId} reload={body.reload} />
      )}
    </div>
  );
}

function Body({
  data,
  bodyId,
  reload,
}: {
  data: BodyElections;
  bodyId: string;
  reload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const when = (iso: string) => formatDateTime(iso, i18n.language, city?.timeZone ?? 'UTC');
  const [proposed, setProposed] = useState<ElectionOffice | null>(null);
  return (
    <>
      {data.endingTerms.map((term) => (
        <div key={term.holderId} className="notice notice--info" data-testid="ending-term">
          {t('elections.endingTerm', {
            office: t(`elections.office.${term.office}`),
            date: when(term.termEnd),
          })}{' '}
          {data.canManage ? (
            <button type="button" className="button" onClick={() => setProposed(term.office)}>
              {t('elections.callProposed')}
            </button>
          ) : null}
        </div>
      ))}
      <section className="card" aria-labelledby="elections-list-title">
        <h2 id="elections-list-title">{t('elections.list')}</h2>
        {data.elections.length === 0 ? <p className="hint">{t('elections.none')}</p> : null}
        <ul className="election-list" data-testid="election-list">
          {data.elections.map((e) => (
            <li key={e.id}>
              <Link to={`/elections/${e.id}`}>
                {e.kind === 'recall'
                  ? t('elections.recallTitle', {
                      office: t(`elections.office.${e.office}`),
                      name: e.recallOf?.member.name ?? '',
                    })
                  : t('elections.electionTitle', {
                      office: t(`elections.office.${e.office}`),
                      count: e.seats,
                    })}
              </Link>{' '}
              <span className="hint">
                · {t(`elections.phase.${e.phase}`)} · {when(e.votingClosesAt)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="holders-title">
        <h2 id="holders-title">{t('elections.holders.title')}</h2>
        {data.holders.length === 0 ? <p className="hint">{t('elections.holders.none')}</p> : null}
        <ul className="holders" data-testid="holders">
          {data.holders.map((h) => (
            <Holder key={h.id} holder={h} reload={reload} when={when} />
          ))}
        </ul>
      </section>
      {data.canManage ? (
        <CallElection
          key={proposed ?? 'none'}
          bodyId={bodyId}
          office={proposed ?? 'delegate'}
          reload={reload}
        />
      ) : null}
    </>
  );
}

function Holder({
  holder,
  reload,
  when,
}: {
  holder: OfficeHolderView;
  reload: () => Promise<void>;
  when: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const write = useWrite(reload);
  const recall = holder.recall;
  const live = recall && (recall.state === 'open' || recall.state === 'voting');
  return (
    <li data-testid="holder">
      <strong>{holder.member.name}</strong> · {t(`elections.office.${holder.office}`)} ·{' '}
      {t('elections.holders.until', { date: when(holder.termEnd) })}
      {live ? (
        <p className="hint" data-testid="recall-status">
          {recall.state === 'voting'
            ? t('elections.recall.voting')
            : t('elections.recall.petition', {
                signatures:
                  recall.signatures === null
                    ? t('elections.recall.fewerThanFive')
                    : String(recall.signatures),
                threshold: recall.threshold,
                date: when(recall.closesAt),
              })}{' '}
          {recall.electionId ? (
            <Link to={`/elections/${recall.electionId}`}>{t('elections.recall.goVote')}</Link>
          ) : null}
        </p>
      ) : null}
      {!live || (recall.state === 'open' && !recall.signedByMe) ? (
        <button
          type="button"
          className="button"
          disabled={write.busy}
          onClick={() =>
            void write.run(`recall:${holder.id}`, (requestId) =>
              electionsApi.signRecall(holder.id, requestId),
            )
          }
        >
          {t('elections.recall.sign')}
        </button>
      ) : recall.signedByMe && recall.state === 'open' ? (
        <p className="hint">{t('elections.recall.signed')}</p>
      ) : null}
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </li>
  );
}

/** A local date-time input's value as an ISO instant. */
const toIso = (local: string) => new Date(local).toISOString();

function CallElection({
  bodyId,
  office: initialOffice,
  reload,
}: {
  bodyId: string;
  office: ElectionOffice;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const write = useWrite(reload);
  const [office, setOffice] = useState<ElectionOffice>(initialOffice);
  const [seats, setSeats] = useState(1);
  const [termMonths, setTermMonths] = useState(12);
  const [opens, setOpens] = useState('');
  const [closes, setCloses] = useState('');
  const ids = { office: useId(), seats: useId(), term: useId(), opens: useId(), closes: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void write.run('call-election', (requestId) =>
      electionsApi.callElection(bodyId, {
        requestId,
        office,
        seats,
        termMonths,
        votingOpensAt: toIso(opens),
        votingClosesAt: toIso(closes),
      }),
    );
  };
  return (
    <section className="card" aria-labelledby="call-title">
      <h2 id="call-title">{t('elections.call.title')}</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.office}>{t('elections.call.office')}</label>
          <select
            id={ids.office}
            value={office}
            onChange={(event) => setOffice(event.target.value as ElectionOffice)}
          >
            {ELECTION_OFFICES.map((o) => (
              <option key={o} value={o}>
                {t(`elections.office.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.seats}>{t('elections.call.seats')}</label>
          <input
            id={ids.seats}
            type="number"
            min={1}
            max={50}
            required
            value={seats}
            onChange={(event) => setSeats(Number(event.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.term}>{t('elections.call.termMonths')}</label>
          <input
            id={ids.term}
            type="number"
            min={1}
            max={60}
            required
            value={termMonths}
            onChange={(event) => setTermMonths(Number(event.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.opens}>{t('elections.call.opens')}</label>
          <input
            id={ids.opens}
            type="datetime-local"
            required
            value={opens}
            onChange={(event) => setOpens(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.closes}>{t('elections.call.closes')}</label>
          <input
            id={ids.closes}
            type="datetime-local"
            required
            value={closes}
            onChange={(event) => setCloses(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={write.busy}>
          {t('elections.call.submit')}
        </button>
      </form>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </section>
  );
}
