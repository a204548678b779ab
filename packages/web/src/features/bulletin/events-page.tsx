import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { EventSummary } from '@tocsin/core/api/bulletin';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { formatTime } from '../../lib/time';
import { Loading } from '../../ui/loading';
import { LazyMap } from '../map/lazy-map';
import { useAction } from '../organizer/use-action';
import { useLoad } from '../organizer/use-load';
import { useSession } from '../session/session-provider';
import { absolute, cityDayOf, useHeadcount } from './shared';
import './bulletin.css';
import { dateTimeFormat } from '../../lib/intl';
import { assembliesApi } from '../../lib/api/organizing/assemblies';
import { bulletinApi } from '../../lib/api/organizing/bulletin';

/**
 * Events in the coming weeks as a calendar list (one heading a day), for all bodies or one
 * (`?body=`); the member's calendar address and its rotate button; a form for those who announce.
 */
export function EventsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('events.title'));
  const { city } = useSession();
  const timeZone = city?.timeZone ?? 'UTC';
  const shown = useHeadcount();
  const [params, setParams] = useSearchParams();
  const bodyId = params.get('body') ?? '';
  const loadEvents = useCallback(() => bulletinApi.events(bodyId ? { bodyId } : {}), [bodyId]);
  const events = useLoad(loadEvents);
  const loadBodies = useCallback(() => assembliesApi.bodies(), []);
  const bodies = useLoad(loadBodies);
  const days = new Map<string, EventSummary[]>();
  for (const event of events.data ?? []) {
    const day = cityDayOf(new Date(event.startsAt), timeZone);
    days.set(day, [...(days.get(day) ?? []), event]);
  }
  const dayName = (day: string) =>
    dateTimeFormat(i18n.language, {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${day}T12:00:00Z`));
  const navigate = useNavigate();
  const located = (events.data ?? []).flatMap((e) =>
    e.point
      ? [
          {
            id: e.id,
            at: e.point,
            label: `${e.title} · ${dayName(cityDayOf(new Date(e.startsAt), timeZone))}`,
          },
        ]
      : [],
  );
  const writable = (bodies.data ?? []).filter(
    (b) =>
      b.roles.includes('chair') ||
      b.roles.includes('secretary') ||
      b.canChair ||
      b.kind === 'working_group',
  );
  return (
    <div className="bulletin">
      <h1 tabIndex={-1}>{t('events.title')}</h1>
      <p className="hint">{t('events.intro')}</p>
      {bodies.data && bodies.data.length > 0 ? (
        <label className="field">
          <span>{t('events.bodyFilter')}</span>
          <select
            value={bodyId}
            onChange={(e) => setParams(e.target.value ? { body: e.target.value } : {})}
          >
            <option value="">{t('events.allBodies')}</option>
            {bodies.data.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {events.error ? (
        <p className="notice notice--error">{describeError(events.error, t)}</p>
      ) : null}
      {!events.data ? (
        events.error ? null : (
          <Loading />
        )
      ) : events.data.length === 0 ? (
        <p className="notice notice--info">{t('events.empty')}</p>
      ) : (
        <div data-testid="events-calendar">
          {[...days].map(([day, list]) => (
            <section key={day} className="bulletin-day">
              <h2>{dayName(day)}</h2>
              <ul className="bulletin-list">
                {list.map((e) => (
                  <li key={e.id} className="card" data-testid="event-item">
                    <Link to={`/events/${e.id}`}>{e.title}</Link>
                    <p className="hint">
                      {formatTime(e.startsAt, i18n.language, timeZone)}–
                      {formatTime(e.endsAt, i18n.language, timeZone)} · {e.body.name} ·{' '}
                      {e.publicPlace}
                    </p>
                    <p className="hint">
                      {t('events.going', { n: shown(e.going) })}
                      {e.myAnswer
                        ? ` · ${t('events.mine', { answer: t(`events.event.answer.${e.myAnswer}`) })}`
                        : ''}{' '}
                      · {e.visibility === 'public' ? t('events.public') : t('events.members')}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {located.length > 0 ? (
        <section className="card" aria-labelledby="events-map-title" data-testid="events-map">
          <h2 id="events-map-title">{t('events.map.title')}</h2>
          <p className="hint">{t('events.map.hint')}</p>
          <LazyMap
            label={t('events.map.label', { count: located.length })}
            pins={located}
            onOpenPin={(id) => void navigate(`/events/${id}`)}
          />
        </section>
      ) : null}
      <CalendarUrl />
      {writable.length > 0 ? (
        <NewEvent bodies={writable.map((b) => ({ id: b.id, name: b.name }))} />
      ) : null}
    </div>
  );
}

function CalendarUrl() {
  const { t } = useTranslation();
  const loadUrl = useCallback(() => bulletinApi.calendarUrl(), []);
  const url = useLoad(loadUrl);
  const [rotated, setRotated] = useState(false);
  const action = useAction(url.reload);
  return (
    <section className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('events.calendar.title')}</h2>
      <p className="hint">{t('events.calendar.hint')}</p>
      {url.data ? (
        <label className="field">
          <span>{t('events.calendar.label')}</span>
          <input readOnly value={absolute(url.data.url)} data-testid="calendar-url" />
        </label>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            await bulletinApi.rotateCalendar();
            setRotated(true);
          })
        }
      >
        {t('events.calendar.rotate')}
      </button>
      {rotated ? (
        <p className="notice notice--ok" role="status">
          {t('events.calendar.rotated')}
        </p>
      ) : null}
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
    </section>
  );
}

/** `2026-12-06T18:00` from a datetime-local input, as an instant with the phone's offset. */
function localToIso(value: string): string {
  return new Date(value).toISOString();
}

function NewEvent({ bodies }: { bodies: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useAction();
  const [form, setForm] = useState({
    bodyId: bodies[0]?.id ?? '',
    title: '',
    description: '',
    startsAt: '',
    endsAt: '',
    place: '',
    publicPlace: '',
    visibility: 'members' as 'members' | 'public',
    roles: '',
  });
  // An optional point for the events map: the server keeps only its coarse cell's centre.
  const [point, setPoint] = useState<{ lat: number; lng: number } | null>(null);
  const [mapShown, setMapShown] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const roles = form.roles
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [role = '', needed = '0'] = line.split(',').map((p) => p.trim());
          return { role, needed: Number(needed) || 0 };
        });
      const created = await bulletinApi.createEvent(form.bodyId, {
        requestId: crypto.randomUUID(),
        title: form.title,
        description: form.description,
        startsAt: localToIso(form.startsAt),
        endsAt: localToIso(form.endsAt),
        place: form.place,
        ...(form.publicPlace ? { publicPlace: form.publicPlace } : {}),
        visibility: form.visibility,
        roles,
        ...(point ? { point } : {}),
      });
      await navigate(`/events/${created.id}`);
    });
  };
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-event">
      <h2 id="new-event">{t('events.create.title')}</h2>
      <label className="field">
        <span>{t('events.create.body')}</span>
        <select value={form.bodyId} onChange={set('bodyId')}>
          {bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('events.create.name')}</span>
        <input value={form.title} required maxLength={140} onChange={set('title')} />
      </label>
      <label className="field">
        <span>{t('events.create.description')}</span>
        <textarea value={form.description} maxLength={4000} onChange={set('description')} />
      </label>
      <label className="field">
        <span>{t('events.create.startsAt')}</span>
        <input type="datetime-local" value={form.startsAt} required onChange={set('startsAt')} />
      </label>
      <label className="field">
        <span>{t('events.create.endsAt')}</span>
        <input type="datetime-local" value={form.endsAt} required onChange={set('endsAt')} />
      </label>
      <label className="field">
        <span>{t('events.create.place')}</span>
        <input value={form.place} required maxLength={200} onChange={set('place')} />
      </label>
      <label className="field">
        <span>{t('events.create.publicPlace')}</span>
        <input value={form.publicPlace} maxLength={120} onChange={set('publicPlace')} />
      </label>
      <div className="field" data-testid="event-point">
        <span>{t('events.create.point')}</span>
        {mapShown ? (
          <>
            <LazyMap label={t('events.create.pointMap')} onPick={setPoint} picked={point} />
            <p className="hint" role="status">
              {point ? t('events.create.pointSet') : t('events.create.pointHint')}
            </p>
          </>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => setMapShown(true)}>
            {t('events.create.pointShow')}
          </button>
        )}
      </div>
      <label className="field">
        <span>{t('events.create.visibility')}</span>
        <select value={form.visibility} onChange={set('visibility')}>
          <option value="members">{t('events.members')}</option>
          <option value="public">{t('events.public')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('events.create.roles')}</span>
        <textarea
          value={form.roles}
          placeholder={t('events.create.rolesHint')}
          onChange={set('roles')}
        />
      </label>
      {action.error ? <p className="notice notice--error">{action.error}</p> : null}
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {t('events.create.submit')}
      </button>
    </form>
  );
}
