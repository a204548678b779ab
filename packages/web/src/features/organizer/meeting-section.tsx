import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area, CreatedInvite } from '@tocsin/core/api/membership';
import { MEETING_INVITE_LIMITS } from '@tocsin/core/api/membership';
import { describeError, endpoints } from '../../lib/api';
import { formatDateTime } from '../../lib/time';
import { Confirm } from '../../ui/confirm';
import { QrCode } from '../../ui/qr-code';
import { useSession } from '../session/session-provider';
import { useAction } from './use-action';
import { useLoad } from './use-load';
import './meeting.css';

/**
 * A meeting invite: one code (as a QR code for the projector) that up to 1,000 people use to
 * join the area on probation, with the organizer as sponsor; withdrawing it stops joins at once.
 * The code is shown once, right after it is made: the server keeps only its hash.
 */
export function MeetingSection({ area }: { area: Area }) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const labelId = useId();
  const usesId = useId();
  const hoursId = useId();
  const [label, setLabel] = useState('');
  const [uses, setUses] = useState(100);
  const [hours, setHours] = useState(3);
  const [created, setCreated] = useState<(CreatedInvite & { label: string }) | null>(null);
  const [projecting, setProjecting] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const { data: invites, error: loadError, reload } = useLoad(endpoints.invites);
  const { busy, error, run: act } = useAction(reload);
  const when = (iso: string) => formatDateTime(iso, i18n.language, city?.timeZone ?? 'UTC');
  const meetings = (invites ?? []).filter((i) => i.uses > 1);

  const create = (event: FormEvent) => {
    event.preventDefault();
    const name = label.trim();
    void act(async () => {
      const invite = await endpoints.createInvite({
        areaId: area.id,
        uses,
        expiresInHours: hours,
        label: name,
      });
      setCreated({ ...invite, label: name });
    });
  };

  const withdraw = (id: string) =>
    void act(async () => {
      await endpoints.revokeInvite(id);
      setAsking(null);
      if (created?.id === id) {
        setCreated(null);
        setProjecting(false);
      }
    });

  if (created && projecting) {
    return (
      <div className="projector" role="dialog" aria-modal="true" aria-labelledby="projector-title">
        <h2 id="projector-title">{created.label}</h2>
        <QrCode
          className="projector__qr"
          text={created.url}
          label={t('meeting.qrLabel', { label: created.label })}
        />
        <p className="projector__hint">{t('meeting.projectorHint')}</p>
        <p className="projector__url">{created.url}</p>
        <p>{t('meeting.expires', { date: when(created.expiresAt) })}</p>
        <button type="button" className="button" onClick={() => setProjecting(false)}>
          {t('meeting.closeProjector')}
        </button>
      </div>
    );
  }

  return (
    <>
      <form className="card" aria-labelledby="meeting-title" onSubmit={create}>
        <h2 id="meeting-title">{t('meeting.title', { area: area.name })}</h2>
        <p className="hint">{t('meeting.intro')}</p>
        <div className="field">
          <label htmlFor={labelId}>{t('meeting.label')}</label>
          <input
            id={labelId}
            required
            maxLength={80}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={usesId}>{t('meeting.uses')}</label>
          <input
            id={usesId}
            type="number"
            inputMode="numeric"
            min={2}
            max={MEETING_INVITE_LIMITS.maxUses}
            required
            value={uses}
            onChange={(event) => setUses(Number(event.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={hoursId}>{t('meeting.hours')}</label>
          <input
            id={hoursId}
            type="number"
            inputMode="numeric"
            min={1}
            max={MEETING_INVITE_LIMITS.maxHours}
            required
            value={hours}
            onChange={(event) => setHours(Number(event.target.value))}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy || !label.trim()}>
          {t('meeting.create')}
        </button>
      </form>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {created ? (
        <section
          className="card meeting-card"
          aria-labelledby="meeting-made-title"
          data-testid="meeting-invite"
        >
          <h2 id="meeting-made-title">{created.label}</h2>
          <QrCode text={created.url} label={t('meeting.qrLabel', { label: created.label })} />
          <p className="meeting-card__url">{created.url}</p>
          <p className="hint">
            {t('meeting.expires', { date: when(created.expiresAt) })}
            {' · '}
            {t('meeting.capacity', { uses: created.uses })}
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setProjecting(true)}
          >
            {t('meeting.project')}
          </button>
        </section>
      ) : null}
      <section className="card" aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('meeting.listTitle')}</h2>
        {loadError ? <p className="notice notice--error">{describeError(loadError, t)}</p> : null}
        {invites && meetings.length === 0 ? <p className="hint">{t('meeting.none')}</p> : null}
        <ul className="plain-list" data-testid="meetings">
          {meetings.map((invite) => (
            <li key={invite.id} className="row" data-state={invite.state}>
              <span>
                <strong>{invite.label ?? t('meeting.untitled')}</strong>
                {' · '}
                {t(`organize.invite.state.${invite.state}`)}
                <br />
                <span className="hint">
                  {t('meeting.usage', { used: invite.used, uses: invite.uses })}
                  {' · '}
                  {t('meeting.expires', { date: when(invite.expiresAt) })}
                </span>
              </span>
              {invite.state === 'open' ? (
                asking === invite.id ? (
                  <Confirm
                    question={t('meeting.withdrawSure', { label: invite.label ?? '' })}
                    confirm={t('meeting.withdrawConfirm')}
                    tone="danger"
                    disabled={busy}
                    onConfirm={() => withdraw(invite.id)}
                    onCancel={() => setAsking(null)}
                  />
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('meeting.withdrawNamed', { label: invite.label ?? '' })}
                    onClick={() => setAsking(invite.id)}
                  >
                    {t('meeting.withdraw')}
                  </button>
                )
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
