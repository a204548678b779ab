import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/use-page-title';
import { useNow } from '../../app/use-now';
import { describeError, endpoints } from '../../lib/api';
import { timeAgo } from '../../lib/time';
import { StateBadge } from '../../ui/state-badge';
import type { IncidentSummaryView as IncidentSummary } from '@tocsin/core/api/views';
import { dispatcherAreas } from '@tocsin/core/incidents/dispatch-desk';
import { LazyMap } from '../map/lazy-map';
import { useMe } from '../session/session-provider';
import { IncidentDesk } from './incident-desk';
import { chime, setSoundWanted, soundWanted } from './sound';
import { useBoard } from './use-board';
import { useQueue } from './use-queue';
import '../home/home.css';
import './dispatch.css';
import { activityText } from '../../lib/activity-text';

/** The keys of the console, as documented on screen (the same order). */
const SHORTCUTS = ['j', 'k', 'x', 'm', 'd', 'v', 'e', 's'] as const;
type Shortcut = (typeof SHORTCUTS)[number];

/** Inputs that take no typed letters: the console's keys still work on them (a ticked box). */
const KEYLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Keys typed into a field (or a choice, which picks by letter) are the field's. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return target.isContentEditable || ['SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * The dispatcher console (ADR 0023), laptop-first: the live queue of every area I dispatch or
 * verify for, a map of open incidents and responders on shift (rough areas only), and the
 * selected incident with send, stand down, verify, end and merge; keyboard shortcuts and an
 * opt-in sound on a new incident.
 */
export function DispatchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const now = useNow();
  const [sound, setSound] = useState(soundWanted);
  const [announce, setAnnounce] = useState('');
  const soundOn = useRef(sound);
  soundOn.current = sound;
  const onNew = useCallback(
    (incident: IncidentSummary) => {
      setAnnounce(t('console.newIncident', { what: activityText(t, incident) }));
      if (soundOn.current) chime();
    },
    [t],
  );
  const { queue, error, reload } = useQueue(me, onNew);
  const dispatcher = dispatcherAreas(me).length > 0;
  const board = useBoard(me);
  const [selected, setSelected] = useState<string | null>(null);
  const [marked, setMarked] = useState<string[]>([]);
  const [mergeError, setMergeError] = useState<string | null>(null);
  usePageTitle(t('console.title'));

  useEffect(() => {
    if (selected && !queue.some((i) => i.id === selected)) setSelected(queue[0]?.id ?? null);
    if (!selected && queue[0]) setSelected(queue[0].id);
    setMarked((m) => m.filter((id) => queue.some((i) => i.id === id)));
  }, [queue, selected]);

  const changed = useCallback(async () => {
    await Promise.all([reload(), board.reload()]);
  }, [reload, board]);

  const toggleMark = useCallback((id: string) => {
    setMarked((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id].slice(-2)));
  }, []);

  /** The two selected become one: the newer is merged into the older (the first report). */
  const mergeMarked = useCallback(async () => {
    const pair = queue.filter((i) => marked.includes(i.id));
    if (pair.length !== 2) return;
    const [older, newer] = [...pair].sort((a, b) => a.firstReportAt.localeCompare(b.firstReportAt));
    setMergeError(null);
    try {
      await endpoints.mergeIncident(newer!.id, older!.id);
      setMarked([]);
      setSelected(older!.id);
      await changed();
    } catch (caught) {
      setMergeError(describeError(caught, t));
    }
  }, [queue, marked, changed, t]);

  const toggleSound = useCallback(() => {
    setSound((on) => {
      setSoundWanted(!on);
      return !on;
    });
  }, []);

  const keys = useRef<(key: Shortcut) => void>(() => undefined);
  keys.current = (key) => {
    const at = queue.findIndex((i) => i.id === selected);
    const click = (selector: string) =>
      document.querySelector<HTMLElement>(`[data-testid="desk"] ${selector}`)?.click();
    if (key === 'j' || key === 'k') {
      const next = queue[Math.max(0, Math.min(queue.length - 1, at + (key === 'j' ? 1 : -1)))];
      if (next) setSelected(next.id);
    } else if (key === 'x' && selected) toggleMark(selected);
    else if (key === 'm') void mergeMarked();
    else if (key === 'd')
      document
        .querySelector<HTMLElement>('[data-testid="desk"] [data-shortcut="dispatch"]')
        ?.focus();
    else if (key === 'v') click('.verify__confirmed');
    else if (key === 'e') click('.verify__end');
    else if (key === 's') toggleSound();
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const key = event.key.toLowerCase();
      if (!(SHORTCUTS as readonly string[]).includes(key)) return;
      event.preventDefault();
      keys.current(key as Shortcut);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const mapIncidents = useMemo(
    () =>
      queue.map((i) => ({
        id: i.id,
        state: i.state,
        location: i.location,
        label: `${t(`state.${i.state}`)} · ${activityText(t, i)}`,
      })),
    [queue, t],
  );
  const cells = useMemo(
    () =>
      board.responders.map((r) => ({
        id: r.memberId,
        outline: r.outline,
        label: t('console.cell', { handle: r.handle }),
      })),
    [board.responders, t],
  );

  return (
    <section className="page console" aria-labelledby="console-title">
      <div className="console__head">
        <h1 id="console-title" tabIndex={-1}>
          {t('console.title')}
        </h1>
        <label className="console__sound">
          <input type="checkbox" checked={sound} onChange={toggleSound} /> {t('console.sound')}
        </label>
      </div>
      <p className="visually-hidden" role="status" data-testid="announce">
        {announce}
      </p>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      {board.error && dispatcher ? (
        <p className="notice notice--error">{describeError(board.error, t)}</p>
      ) : null}
      <div className="console__grid">
        <section aria-labelledby="queue-title" className="console__queue">
          <h2 id="queue-title">{t('console.queue', { count: queue.length })}</h2>
          {queue.length === 0 ? <p className="empty">{t('console.empty')}</p> : null}
          {queue.length > 1 ? (
            <div className="console__merge">
              <button
                type="button"
                className="button button--small"
                disabled={marked.length !== 2}
                onClick={() => void mergeMarked()}
              >
                {t('console.mergeMarked')}
              </button>
              <p className="hint">{t('console.mergeHint')}</p>
              {mergeError ? (
                <p className="notice notice--error" role="alert">
                  {mergeError}
                </p>
              ) : null}
            </div>
          ) : null}
          <ul className="feed" data-testid="queue">
            {queue.map((incident) => {
              const what = activityText(t, incident);
              return (
                <li
                  key={incident.id}
                  className={`incident-card incident-card--${incident.state} queue__row`}
                  data-incident={incident.id}
                >
                  <input
                    type="checkbox"
                    className="queue__mark"
                    checked={marked.includes(incident.id)}
                    onChange={() => toggleMark(incident.id)}
                    aria-label={t('console.mark', { what })}
                  />
                  <button
                    type="button"
                    className="incident-card__link queue__item"
                    aria-pressed={selected === incident.id}
                    onClick={() => setSelected(incident.id)}
                  >
                    <span className="incident-card__top">
                      <StateBadge state={incident.state} />
                      <span className="incident-card__ago">
                        {timeAgo(incident.lastReportAt, now, t)}
                      </span>
                    </span>
                    <span className="incident-card__what">{what}</span>
                    <span className="incident-card__where">
                      {incident.area?.name ?? t('home.noPlace')} ·{' '}
                      {t('home.reporters', { count: incident.reporters })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="map-title" className="console__map">
          <h2 id="map-title">{t('console.mapTitle')}</h2>
          <LazyMap
            label={t('console.mapLabel', { count: queue.length, responders: cells.length })}
            incidents={mapIncidents}
            cells={cells}
            selected={selected}
            onOpen={setSelected}
          />
          <p className="hint">{t('console.cellsHint')}</p>
        </section>
        <section aria-label={t('console.detail')} className="console__detail">
          {selected ? (
            <IncidentDesk
              key={selected}
              id={selected}
              others={queue.filter((i) => i.id !== selected)}
              onChanged={changed}
              responders={board.responders}
              dispatcher={dispatcher}
            />
          ) : (
            <p className="empty">{t('console.pick')}</p>
          )}
        </section>
      </div>
      <section aria-labelledby="keys-title" className="card console__keys">
        <h2 id="keys-title">{t('console.keysTitle')}</h2>
        <dl>
          {SHORTCUTS.map((key) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(`console.keys.${key}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </section>
  );
}
