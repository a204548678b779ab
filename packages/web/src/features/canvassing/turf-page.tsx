import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DOOR_OUTCOMES, type DoorOutcome } from '@tocsin/core/canvassing/outcomes';
import {
  AID_CATEGORIES,
  AID_URGENCIES,
  type AidCategory,
  type AidUrgency,
} from '@tocsin/core/mutual-aid/requests';
import { usePageTitle } from '../../app/use-page-title';
import { useServices } from '../../app/services';
import { describeError } from '../../lib/api';
import { isDoor, type DoorItem } from '../../lib/outbox';
import { Loading } from '../../ui/loading';
import { QrCode } from '../../ui/qr-code';
import { useLoad } from '../organizer/use-load';
import { useMe } from '../session/session-provider';
import { useOnline } from '../../app/use-online';
import { keepHeldInvite, takeHeldInvite, type HeldInvite } from './held-invite';
import { shown } from './use-my-areas';
import './canvassing.css';
import { communityApi } from '../../lib/api/organizing/community';

/**
 * A turf at the doors: pick the block, the outcome, an optional note; the door goes through the
 * outbox (offline it waits, with its id, and counts once). wants_to_join shows the invite's QR
 * code once the door is sent; needs_aid opens an aid request without anyone's name.
 */
export function TurfPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(() => communityApi.turf(id), [id]);
  const turf = useLoad(load);
  usePageTitle(turf.data?.name ?? t('canvass.turf.title'));
  const { outbox, store } = useServices();
  const me = useMe();
  const online = useOnline();
  const [doors, setDoors] = useState<DoorItem[]>([]);
  const [lastId, setLastId] = useState<string | null>(null);
  // The invite shown for a door recorded offline: made beforehand, held on the phone.
  const [heldShown, setHeldShown] = useState<{ doorId: string; invite: HeldInvite } | null>(null);
  const inPair = turf.data?.assignees.some((a) => a.id === me.id) ?? false;
  useEffect(() => {
    // While online, one of the pair keeps one invite on the phone for a door without network.
    if (inPair && online) void keepHeldInvite(store).catch(() => undefined);
  }, [inPair, online, store, lastId]);
  useEffect(
    () =>
      outbox.subscribe((items) => setDoors(items.filter(isDoor).filter((d) => d.turfId === id))),
    [outbox, id],
  );
  const waiting = doors.filter((d) => d.status !== 'sent' && d.status !== 'failed').length;
  const sentCount = doors.filter((d) => d.status === 'sent').length;
  const { reload } = turf;
  useEffect(() => {
    if (sentCount > 0) void reload();
  }, [sentCount, reload]);
  const last = doors.find((d) => d.id === lastId) ?? null;
  const fewer = t('community.fewer');

  if (turf.error) return <p className="notice notice--error">{describeError(turf.error, t)}</p>;
  if (!turf.data) return <Loading />;
  const view = turf.data;
  return (
    <div className="community">
      <p>
        <Link to="/canvass">{t('canvass.title')}</Link>
      </p>
      <h1 tabIndex={-1}>{view.name}</h1>
      <p className="hint">
        {view.date} · {t('canvass.pair', { names: view.assignees.map((a) => a.handle).join(', ') })}{' '}
        · {t('canvass.doors')}: <span data-testid="turf-doors">{shown(view.doors, fewer)}</span>
      </p>
      {waiting > 0 ? (
        <p className="notice notice--info" role="status" data-testid="doors-waiting">
          {t('canvass.turf.waiting', { count: waiting })}
        </p>
      ) : null}
      <DoorForm
        cells={view.cells.map((c) => c.cell)}
        onRecord={async (body) => {
          if (body.outcome === 'wants_to_join' && !navigator.onLine) {
            const held = await takeHeldInvite(store);
            if (held) {
              body = { ...body, heldInvite: true };
              setHeldShown({ doorId: body.id, invite: held });
            }
          }
          setLastId(body.id);
          await outbox.addDoor(id, body);
        }}
      />
      {last ? (
        <LastDoor item={last} held={heldShown?.doorId === last.id ? heldShown.invite : null} />
      ) : null}
      <section className="card" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('canvass.turf.notes')}</h2>
        {view.notes.length === 0 ? <p className="hint">{t('canvass.turf.noNotes')}</p> : null}
        <ul className="plain">
          {view.notes.map((n) => (
            <li key={n.id}>
              <span className="hint">
                {n.day} ·{' '}
                {t('canvass.turf.block', { n: view.cells.findIndex((c) => c.cell === n.cell) + 1 })}
              </span>
              <br />
              {n.note}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

interface DoorInput {
  id: string;
  cell: string;
  outcome: DoorOutcome;
  note?: string;
  aid?: { category: AidCategory; urgency: AidUrgency; description?: string };
  heldInvite?: boolean;
}

function DoorForm({
  cells,
  onRecord,
}: {
  cells: string[];
  onRecord: (body: DoorInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const ids = {
    cell: useId(),
    note: useId(),
    noteHint: useId(),
    cat: useId(),
    urg: useId(),
    desc: useId(),
  };
  const [cell, setCell] = useState(cells[0] ?? '');
  const [outcome, setOutcome] = useState<DoorOutcome | null>(null);
  const [note, setNote] = useState('');
  const [category, setCategory] = useState<AidCategory>('groceries');
  const [urgency, setUrgency] = useState<AidUrgency>('this_week');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const options = useMemo(() => cells.map((c, i) => ({ cell: c, n: i + 1 })), [cells]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return;
    setError(null);
    const door = {
      id: crypto.randomUUID(),
      cell,
      outcome,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(outcome === 'needs_aid'
        ? {
            aid: {
              category,
              urgency,
              ...(description.trim() ? { description: description.trim() } : {}),
            },
          }
        : {}),
    };
    // Clear for the next door at once: a canvasser's next tap must not be undone when this save
    // lands (on a slow phone it can land after it). A failed save puts this door back.
    const kept = { outcome, note, description };
    setOutcome(null);
    setNote('');
    setDescription('');
    try {
      await onRecord(door);
      setSaved((n) => n + 1);
    } catch (caught) {
      setOutcome(kept.outcome);
      setNote(kept.note);
      setDescription(kept.description);
      setError(describeError(caught, t));
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="door-form">
      <div className="field">
        <label htmlFor={ids.cell}>{t('canvass.turf.pickBlock')}</label>
        <select id={ids.cell} value={cell} onChange={(e) => setCell(e.target.value)}>
          {options.map((o) => (
            <option key={o.cell} value={o.cell}>
              {t('canvass.turf.block', { n: o.n })}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="outcome-choices">
        <legend>{t('canvass.turf.outcome')}</legend>
        {DOOR_OUTCOMES.map((o) => (
          <label key={o}>
            <input
              type="radio"
              name="outcome"
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {t(`community.outcomes.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'needs_aid' ? (
        <>
          <div className="field">
            <label htmlFor={ids.cat}>{t('canvass.turf.aidCategory')}</label>
            <select
              id={ids.cat}
              value={category}
              onChange={(e) => setCategory(e.target.value as AidCategory)}
            >
              {AID_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`community.categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.urg}>{t('canvass.turf.aidUrgency')}</label>
            <select
              id={ids.urg}
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
            <label htmlFor={ids.desc}>{t('canvass.turf.aidDescription')}</label>
            <textarea
              id={ids.desc}
              maxLength={500}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor={ids.note}>{t('canvass.turf.note')}</label>
        <textarea
          id={ids.note}
          maxLength={280}
          value={note}
          aria-describedby={ids.noteHint}
          onChange={(e) => setNote(e.target.value)}
        />
        <p className="hint" id={ids.noteHint}>
          {t('canvass.turf.noteHint')}
        </p>
      </div>
      <button type="submit" className="button button--primary" disabled={!outcome || !cell}>
        {t('canvass.turf.record')}
      </button>
      {error ? <p className="notice notice--error">{error}</p> : null}
      {saved > 0 ? (
        <p role="status" className="hint" data-testid="door-saved">
          {navigator.onLine ? t('canvass.turf.sent') : t('canvass.turf.queued')}
        </p>
      ) : null}
    </form>
  );
}

function LastDoor({ item, held }: { item: DoorItem; held: HeldInvite | null }) {
  const { t } = useTranslation();
  if (item.body.outcome === 'wants_to_join') {
    const invite = held ?? item.answer?.invite;
    return (
      <section className="card door-invite" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('canvass.turf.inviteTitle')}</h2>
        {item.status !== 'sent' && !held ? (
          <p className="hint">{t('canvass.turf.inviteLater')}</p>
        ) : invite ? (
          <>
            <QrCode text={invite.url} label={t('canvass.turf.inviteLabel')} />
            <p className="url" data-testid="door-invite-url">
              {invite.url}
            </p>
            <p className="hint">{t('canvass.turf.inviteHint')}</p>
          </>
        ) : (
          <p className="notice notice--info">{t('canvass.turf.noInvite')}</p>
        )}
      </section>
    );
  }
  if (item.body.outcome === 'needs_aid' && item.answer?.aidRequestId) {
    return <p className="notice notice--info">{t('canvass.turf.aidOpened')}</p>;
  }
  return null;
}
