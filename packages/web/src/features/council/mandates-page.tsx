import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CouncilItem } from '@tocsin/core/api/council';
import type { DecisionView } from '@tocsin/core/api/organizing';
import { MANDATE_POSITIONS, type MandatePosition } from '@tocsin/core/council/mandates';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { useWrite } from '../assemblies/use-write';
import { useLoad } from '../organizer/use-load';
import './council.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';
import { councilApi } from '../../lib/api/organizing/council';

/**
 * A committee and the council: the next council agenda with the committee's mandate on each item
 * (its secretary or chair records one after the committee carried a motion), and the report-back
 * of the last council meeting: how its delegates voted, votes against the mandate flagged.
 */
export function MandatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('council.mandates.title'));
  const { bodyId = '' } = useParams();
  const load = useCallback(async () => {
    const [mandates, council, decisions, ratifications] = await Promise.all([
      councilApi.bodyMandates(bodyId),
      councilApi.council(),
      assembliesApi.decisions(bodyId),
      councilApi.ratifications(),
    ]);
    const report = council.lastMeeting
      ? await councilApi.reportBack(bodyId, council.lastMeeting.id)
      : null;
    // The council decisions this committee is asked to ratify and has not answered yet.
    const asked = ratifications.ratifications.filter(
      (r) =>
        r.state === 'pending' && r.answers.some((a) => a.bodyId === bodyId && a.ratify === null),
    );
    return { mandates, decisions, report, asked };
  }, [bodyId]);
  const state = useLoad(load);
  const data = state.data;
  return (
    <div className="council">
      <h1 tabIndex={-1}>{t('council.mandates.title')}</h1>
      <p className="hint">{t('council.mandates.intro')}</p>
      <p>
        <Link to="/council">{t('council.back')}</Link>
      </p>
      {state.error ? <p className="notice notice--error">{describeError(state.error, t)}</p> : null}
      {!data ? (
        state.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <section className="card" aria-labelledby="mandates-next">
            <h2 id="mandates-next">{data.mandates.meeting?.title ?? t('council.next.none')}</h2>
            <ul className="mandate-items" data-testid="mandate-items">
              {(data.mandates.meeting?.agenda ?? []).map((item) => {
                const mandate = data.mandates.mandates.find((m) => m.itemId === item.id);
                return (
                  <li key={item.id} data-testid="mandate-item">
                    <strong>{item.title}</strong>{' '}
                    <span className="hint" data-testid="mandate-position">
                      ·{' '}
                      {mandate
                        ? t(`council.position.${mandate.position}`)
                        : t('council.mandates.noneYet')}
                    </span>
                    {data.mandates.canRecord ? (
                      <MandateForm
                        bodyId={bodyId}
                        item={item}
                        decisions={data.decisions}
                        reload={state.reload}
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
          {data.mandates.canRecord ? (
            <>
              <ToCouncil bodyId={bodyId} decisions={data.decisions} reload={state.reload} />
              <section className="card" aria-labelledby="ratify-title" data-testid="ratify">
                <h2 id="ratify-title">{t('council.ratify.title')}</h2>
                {data.asked.length === 0 ? (
                  <p className="hint">{t('council.ratify.none')}</p>
                ) : (
                  <ul className="mandate-items">
                    {data.asked.map((r) => (
                      <li key={r.decisionId} data-testid="ratify-item">
                        <strong>{r.text}</strong>
                        <RatifyForm
                          bodyId={bodyId}
                          decisionId={r.decisionId}
                          decisions={data.decisions}
                          reload={state.reload}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          ) : null}
          <section className="card" aria-labelledby="report-back" data-testid="report-back">
            <h2 id="report-back">{t('council.report.title')}</h2>
            {!data.report ? (
              <p className="hint">{t('council.report.none')}</p>
            ) : (
              <ul>
                {data.report.items.map((item) => (
                  <li key={item.itemId}>
                    <strong>{item.title}</strong>{' '}
                    <span className="hint">
                      ·{' '}
                      {item.mandate
                        ? t(`council.position.${item.mandate}`)
                        : t('council.mandates.noneYet')}
                    </span>
                    <ul>
                      {item.votes.map((v) => (
                        <li
                          key={`${v.motionId}:${v.delegate.id}`}
                          data-testid="report-vote"
                          className={v.againstMandate ? 'against-mandate' : undefined}
                        >
                          {t('council.report.vote', {
                            name: v.delegate.name,
                            choice: v.choice
                              ? t(`council.choice.${v.choice}`)
                              : t('council.report.noVote'),
                          })}
                          {v.againstMandate ? (
                            <strong className="flag"> {t('council.report.against')}</strong>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function MandateForm({
  bodyId,
  item,
  decisions,
  reload,
}: {
  bodyId: string;
  item: CouncilItem;
  decisions: DecisionView[];
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const write = useWrite(reload);
  const [position, setPosition] = useState<MandatePosition>('for');
  const [motionId, setMotionId] = useState(decisions[0]?.motionId ?? '');
  const [note, setNote] = useState('');
  const ids = { position: useId(), note: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void write.run(`mandate:${item.id}`, (requestId) =>
      councilApi.setMandate(bodyId, item.id, {
        requestId,
        position,
        motionId,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
  };
  if (decisions.length === 0) return <p className="hint">{t('council.mandates.needMotion')}</p>;
  return (
    <form onSubmit={submit} className="mandate-form">
      <div className="field">
        <label htmlFor={ids.position}>{t('council.mandates.position')}</label>
        <select
          id={ids.position}
          value={position}
          onChange={(event) => setPosition(event.target.value as MandatePosition)}
        >
          {MANDATE_POSITIONS.map((p) => (
            <option key={p} value={p}>
              {t(`council.position.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <MotionSelect decisions={decisions} value={motionId} onChange={setMotionId} />
      <div className="field">
        <label htmlFor={ids.note}>{t('council.mandates.note')}</label>
        <input
          id={ids.note}
          value={note}
          maxLength={1000}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={write.busy}>
        {t('council.mandates.save')}
      </button>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </form>
  );
}

/** The committee sends one of its carried motions to the next council meeting's agenda. */
function ToCouncil({
  bodyId,
  decisions,
  reload,
}: {
  bodyId: string;
  decisions: DecisionView[];
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const write = useWrite(reload);
  const [motionId, setMotionId] = useState(decisions[0]?.motionId ?? '');
  const [sent, setSent] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void write.run(`to-council:${motionId}`, async (requestId) => {
      const answer = await councilApi.toCouncilAgenda(bodyId, { requestId, motionId });
      setSent(answer.item.title);
    });
  };
  return (
    <section className="card" aria-labelledby="to-council-title" data-testid="to-council">
      <h2 id="to-council-title">{t('council.toCouncil.title')}</h2>
      {decisions.length === 0 ? (
        <p className="hint">{t('council.mandates.needMotion')}</p>
      ) : (
        <form onSubmit={submit} className="mandate-form">
          <MotionSelect decisions={decisions} value={motionId} onChange={setMotionId} />
          <button type="submit" className="button" disabled={write.busy}>
            {t('council.toCouncil.send')}
          </button>
          {sent ? (
            <p className="notice" role="status">
              {t('council.toCouncil.sent', { title: sent })}
            </p>
          ) : null}
          {write.error ? <p className="notice notice--error">{write.error}</p> : null}
        </form>
      )}
    </section>
  );
}

/** The committee's answer to a council decision that needs ratification, by its carried motion. */
function RatifyForm({
  bodyId,
  decisionId,
  decisions,
  reload,
}: {
  bodyId: string;
  decisionId: string;
  decisions: DecisionView[];
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const write = useWrite(reload);
  const [motionId, setMotionId] = useState(decisions[0]?.motionId ?? '');
  const answer = (ratify: boolean) =>
    void write.run(`ratify:${decisionId}`, (requestId) =>
      councilApi.ratify(bodyId, decisionId, { requestId, ratify, motionId }),
    );
  if (decisions.length === 0) return <p className="hint">{t('council.mandates.needMotion')}</p>;
  return (
    <div className="mandate-form">
      <MotionSelect decisions={decisions} value={motionId} onChange={setMotionId} />
      <div className="actions">
        <button type="button" className="button" disabled={write.busy} onClick={() => answer(true)}>
          {t('council.ratify.yes')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={write.busy}
          onClick={() => answer(false)}
        >
          {t('council.ratify.no')}
        </button>
      </div>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </div>
  );
}

/** The committee's carried motion that a mandate, a council agenda item or an answer rests on. */
function MotionSelect({
  decisions,
  value,
  onChange,
}: {
  decisions: DecisionView[];
  value: string;
  onChange: (motionId: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('council.mandates.motion')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {decisions.map((d) => (
          <option key={d.id} value={d.motionId}>
            {d.text.length > 80 ? `${d.text.slice(0, 79)}…` : d.text}
          </option>
        ))}
      </select>
    </div>
  );
}
