import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { EventView, RsvpAnswer } from '@tocsin/core/api/bulletin';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatDateTime, formatTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { useAction } from '../organizer/use-action';
import { useLoad } from '../organizer/use-load';
import { useSession } from '../session/session-provider';
import { absolute, useHeadcount } from './shared';
import './bulletin.css';
import { bulletinApi } from '../../lib/api/organizing/bulletin';

const ANSWERS: readonly RsvpAnswer[] = ['going', 'maybe', 'no'];

/**
 * One event: when and where, headcounts ("fewer than 5" to members, exact per role to its
 * organizers), the member's RSVP and role, check-in, and the organizers' after-action note.
 */
export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(() => bulletinApi.event(id), [id]);
  const event = useLoad(load);
  usePageTitle(event.data?.title ?? t('events.title'));
  if (!event.data) {
    return event.error ? (
      <p className="notice notice--error">{describeError(event.error, t)}</p>
    ) : (
      <Loading />
    );
  }
  return <EventDetails view={event.data} reload={event.reload} />;
}

function EventDetails({ view, reload }: { view: EventView; reload: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const timeZone = city?.timeZone ?? 'UTC';
  const shown = useHeadcount();
  return (
    <div className="bulletin">
      <h1 tabIndex={-1}>{view.title}</h1>
      <p className="hint">
        {view.body.name} · {view.visibility === 'public' ? t('events.public') : t('events.members')}
      </p>
      <dl className="bulletin-facts">
        <dt>{t('events.event.when')}</dt>
        <dd>
          {formatDateTime(view.startsAt, i18n.language, timeZone)}–
          {formatTime(view.endsAt, i18n.language, timeZone)}
        </dd>
        <dt>{t('events.event.where')}</dt>
        <dd>{view.place}</dd>
      </dl>
      {view.description ? (
        <section>
          <h2>{t('events.event.description')}</h2>
          <p className="bulletin-text">{view.description}</p>
        </section>
      ) : null}
      <section className="card" data-testid="event-headcounts" aria-labelledby="event-counts">
        <h2 id="event-counts">{t('events.event.headcounts')}</h2>
        {view.organizer ? <p className="hint">{t('events.event.organizerNote')}</p> : null}
        <ul>
          <li data-testid="event-going">
            {t('events.event.goingCount')}: {shown(view.going)}
          </li>
          <li>
            {t('events.event.maybeCount')}: {shown(view.maybe)}
          </li>
          {view.checkedIn ? (
            <li>
              {t('events.event.checkedIn')}: {shown(view.checkedIn)}
            </li>
          ) : null}
        </ul>
        {view.roles.length > 0 ? (
          <>
            <h3>{t('events.event.roles')}</h3>
            <ul>
              {view.roles.map((r) => (
                <li key={r.role} data-testid="event-role">
                  {t('events.event.roleLine', {
                    role: r.role,
                    signedUp: shown(r.signedUp),
                    needed: r.needed,
                  })}
                  {r.listed.length > 0
                    ? ` · ${t('events.event.listedNames', {
                        names: r.listed.map((p) => p.name).join(', '),
                      })}`
                    : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <Rsvp view={view} reload={reload} />
      {view.organizer ? <AfterAction view={view} reload={reload} /> : null}
      {!view.organizer && view.afterAction ? (
        <section className="card">
          <h2>{t('events.event.afterAction')}</h2>
          <p className="bulletin-text">{view.afterAction}</p>
        </section>
      ) : null}
      {view.publicUrl ? (
        <section className="card">
          <h2>{t('events.event.publicPage')}</h2>
          <p className="hint">{t('events.event.publicHint')}</p>
          <p className="bulletin-text">
            <a href={absolute(view.publicUrl)} data-testid="event-public-url">
              {absolute(view.publicUrl)}
            </a>
          </p>
        </section>
      ) : null}
    </div>
  );
}

function Rsvp({ view, reload }: { view: EventView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const action = useAction(reload);
  const checkIn = useAction(reload);
  const [answer, setAnswer] = useState<RsvpAnswer>(view.myAnswer ?? 'going');
  const [role, setRole] = useState(view.myRole ?? '');
  const [listed, setListed] = useState(view.myListed);
  const [saved, setSaved] = useState(false);
  const over = Date.parse(view.endsAt) < Date.now();
  const started = Date.parse(view.startsAt) - 2 * 60 * 60_000 < Date.now();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await bulletinApi.rsvp(view.id, {
        answer,
        role: answer === 'no' || !role ? null : role,
        listed: answer !== 'no' && role !== '' && listed,
      });
      setSaved(true);
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="event-rsvp">
      <h2 id="event-rsvp">{t('events.event.rsvp')}</h2>
      {view.myAnswer ? (
        <p data-testid="event-my-answer">
          {t('events.event.yourAnswer', { answer: t(`events.event.answer.${view.myAnswer}`) })}
          {view.myRole ? ` · ${view.myRole}` : ''}
        </p>
      ) : null}
      <fieldset className="bulletin-answers">
        <legend>{t('events.event.rsvp')}</legend>
        {ANSWERS.map((a) => (
          <label key={a} className="field field--inline">
            <input
              type="radio"
              name="rsvp"
              value={a}
              checked={answer === a}
              onChange={() => setAnswer(a)}
            />
            <span>{t(`events.event.answer.${a}`)}</span>
          </label>
        ))}
      </fieldset>
      {view.roles.length > 0 && answer !== 'no' ? (
        <>
          <label className="field">
            <span>{t('events.event.role')}</span>
            <select value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="">{t('events.event.noRole')}</option>
              {view.roles.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.role}
                </option>
              ))}
            </select>
          </label>
          {role ? (
            <label className="field field--inline">
              <input
                type="checkbox"
                checked={listed}
                onChange={(e) => setListed(e.target.checked)}
              />
              <span>{t('events.event.listed')}</span>
            </label>
          ) : null}
        </>
      ) : null}
      {saved ? (
        <p className="notice notice--ok" role="status">
          {t('events.event.saved')}
        </p>
      ) : null}
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
      <button type="submit" className="button button--primary" disabled={action.busy || over}>
        {t('events.event.save')}
      </button>
      {view.myCheckedIn ? (
        <p className="notice notice--ok">{t('events.event.checkedInYou')}</p>
      ) : started && !over ? (
        <button
          type="button"
          className="button"
          disabled={checkIn.busy}
          onClick={() => void checkIn.run(() => bulletinApi.checkInEvent(view.id))}
        >
          {t('events.event.checkIn')}
        </button>
      ) : null}
      {checkIn.error ? <p className="notice notice--error">{checkIn.error}</p> : null}
    </form>
  );
}

function AfterAction({ view, reload }: { view: EventView; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  const action = useAction(reload);
  const [note, setNote] = useState(view.afterAction ?? '');
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => bulletinApi.afterAction(view.id, { note }));
      }}
    >
      <label className="field">
        <span>{t('events.event.afterAction')}</span>
        <textarea value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
      </label>
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
      <button type="submit" className="button" disabled={action.busy}>
        {t('events.event.afterActionSave')}
      </button>
    </form>
  );
}
