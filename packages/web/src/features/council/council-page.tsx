import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DecisionView } from '@tocsin/core/api/organizing';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { MANDATE_EVENT } from '../../lib/stream-events';
import { formatDateTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useWrite } from '../assemblies/use-write';
import { useLoad } from '../organizer/use-load';
import { useSession } from '../session/session-provider';
import './council.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';
import { councilApi } from '../../lib/api/organizing/council';

/**
 * The citywide council: seats per committee and their delegates, the next meeting and its agenda,
 * a delegate's mandates from their committees, the ratification dashboard, and links to my
 * committees' mandate forms and report-back. Whoever chairs the council sends its decisions to
 * the committees for ratification here.
 */
export function CouncilPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('council.title'));
  const { city } = useSession();
  const when = (iso: string) => formatDateTime(iso, i18n.language, city?.timeZone ?? 'UTC');
  const load = useCallback(async () => {
    const [council, bodies, ratifications] = await Promise.all([
      councilApi.council(),
      assembliesApi.bodies(),
      councilApi.ratifications(),
    ]);
    // The council's chair: its decisions not yet sent to the committees for ratification.
    const chairing = bodies.some((b) => b.id === council.bodyId && b.canChair);
    const asked = new Set(ratifications.ratifications.map((r) => r.decisionId));
    const decisions = chairing
      ? (await assembliesApi.decisions(council.bodyId)).filter((d) => !asked.has(d.id))
      : null;
    return [council, bodies, ratifications, decisions] as const;
  }, []);
  const state = useLoad(load);
  const { reload } = state;
  // A committee whose seat I hold changed its mandate (the stream): read the mandates again.
  useEffect(() => {
    const onMandate = () => void reload();
    window.addEventListener(MANDATE_EVENT, onMandate);
    return () => window.removeEventListener(MANDATE_EVENT, onMandate);
  }, [reload]);
  const [council, bodies, ratifications, decisions] = state.data ?? [];
  const committees = (bodies ?? []).filter(
    (b) => b.kind === 'neighborhood' || b.kind === 'workplace',
  );
  return (
    <div className="council">
      <h1 tabIndex={-1}>{t('council.title')}</h1>
      <p className="hint">{t('council.intro')}</p>
      {state.error ? <p className="notice notice--error">{describeError(state.error, t)}</p> : null}
      {!council ? (
        state.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <section className="card" aria-labelledby="council-next">
            <h2 id="council-next">{t('council.next.title')}</h2>
            {council.nextMeeting ? (
              <div data-testid="council-next">
                <p>
                  <Link to={`/meetings/${council.nextMeeting.id}`}>
                    {council.nextMeeting.title}
                  </Link>{' '}
                  <span className="hint">· {when(council.nextMeeting.startsAt)}</span>
                </p>
                <ol className="council-agenda">
                  {council.nextMeeting.agenda.map((item) => (
                    <li key={item.id}>
                      {item.title}
                      {item.fromBody ? (
                        <span className="hint">
                          {' '}
                          · {t('council.next.from', { name: item.fromBody.name })}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </div>
            ) : (
              <p className="hint">{t('council.next.none')}</p>
            )}
          </section>
          {council.me.seats > 0 ? (
            <section className="card" aria-labelledby="council-mine" data-testid="my-mandates">
              <h2 id="council-mine">{t('council.mine.title', { count: council.me.seats })}</h2>
              {council.me.mandates.length === 0 ? (
                <p className="hint">{t('council.mine.none')}</p>
              ) : (
                <ul>
                  {council.me.mandates.map((m) => {
                    const item = council.nextMeeting?.agenda.find((i) => i.id === m.itemId);
                    return (
                      <li key={`${m.bodyId}:${m.itemId}`} data-testid="my-mandate">
                        <strong>{item?.title ?? ''}</strong>: {t(`council.position.${m.position}`)}{' '}
                        · <span className="hint">{m.bodyName}</span>
                        {m.note ? <p className="hint">{m.note}</p> : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ) : null}
          <section className="card" aria-labelledby="council-seats">
            <h2 id="council-seats">{t('council.seats.title', { count: council.totalSeats })}</h2>
            <p className="hint">
              {t('council.seats.rule', {
                minimum: council.rule.minimum,
                block: council.rule.block,
              })}
              {council.weightedVotes ? ` ${t('council.seats.weighted')}` : ''}
            </p>
            <ul className="council-seats" data-testid="council-seats">
              {council.committees.map((c) => (
                <li key={c.bodyId} data-testid="council-committee">
                  <strong>{c.name}</strong>{' '}
                  <span className="hint">
                    · {t(`council.kind.${c.kind}`)} · {t('council.seats.count', { count: c.seats })}
                  </span>
                  <ul>
                    {c.delegates.map((d) => (
                      <li key={d.holderId} data-testid="council-delegate">
                        {d.member.name}{' '}
                        <span className="hint">
                          · {t(`council.source.${d.source}`)} ·{' '}
                          {t('council.seats.until', { date: when(d.termEnd) })}
                        </span>
                      </li>
                    ))}
                    {c.vacant > 0 ? (
                      <li className="hint">{t('council.seats.vacant', { count: c.vacant })}</li>
                    ) : null}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
          {committees.length > 0 ? (
            <section className="card" aria-labelledby="council-committees">
              <h2 id="council-committees">{t('council.committees.title')}</h2>
              <ul>
                {committees.map((b) => (
                  <li key={b.id}>
                    <Link to={`/bodies/${b.id}/mandates`}>
                      {t('council.committees.link', { name: b.name })}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {decisions ? (
            <section
              className="card"
              aria-labelledby="council-decisions"
              data-testid="council-decisions"
            >
              <h2 id="council-decisions">{t('council.decisions.title')}</h2>
              {decisions.length === 0 ? (
                <p className="hint">{t('council.decisions.none')}</p>
              ) : (
                <ul className="council-decisions">
                  {decisions.map((d) => (
                    <li key={d.id} data-testid="council-decision">
                      <RequireRatification decision={d} reload={state.reload} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ) : null}
          <section className="card" aria-labelledby="council-ratify" data-testid="ratifications">
            <h2 id="council-ratify">{t('council.ratification.title')}</h2>
            {(ratifications?.ratifications ?? []).length === 0 ? (
              <p className="hint">{t('council.ratification.none')}</p>
            ) : (
              <ul>
                {ratifications?.ratifications.map((r) => (
                  <li key={r.decisionId} data-testid="ratification">
                    <strong>{r.text}</strong>{' '}
                    <span className="hint">· {t(`council.ratification.state.${r.state}`)}</span>
                    <p className="hint">
                      {t('council.ratification.counts', {
                        ratified: r.ratified,
                        rejected: r.rejected,
                        pending: r.pending,
                        needed: r.needed,
                      })}
                    </p>
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

/** The chair sends a council decision to the seated committees, with the share it needs. */
function RequireRatification({
  decision,
  reload,
}: {
  decision: DecisionView;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const write = useWrite(reload);
  const [share, setShare] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sharePercent = share.trim() === '' ? undefined : Number(share);
    void write.run(`ratification:${decision.id}`, (requestId) =>
      councilApi.requireRatification(decision.id, {
        requestId,
        ...(sharePercent === undefined ? {} : { sharePercent }),
      }),
    );
  };
  return (
    <form className="mandate-form" onSubmit={submit}>
      <p>
        <strong>{decision.text}</strong>
      </p>
      <div className="field">
        <label htmlFor={id}>{t('council.decisions.share')}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          value={share}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setShare(e.target.value)}
        />
        <p className="hint" id={`${id}-hint`}>
          {t('council.decisions.shareHint')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={write.busy}>
          {t('council.decisions.require')}
        </button>
      </div>
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </form>
  );
}
