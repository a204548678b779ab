import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { CheckInQr } from './check-in-qr';
import { CurrentSpeaker, MotionSummary, Queue, currentItemTitle } from './parts';
import { useMeeting } from './use-meeting';
import './assemblies.css';

/**
 * The projector: large type for the back of the hall, live from the stream. The check-in QR code
 * and code show only to an officer's session (the screen is run from the chair's laptop).
 */
export function ScreenPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { view, error, status } = useMeeting(id);
  usePageTitle(view ? view.title : t('meetings.projector.title'));
  if (!view) {
    return (
      <main className="projector" id="main">
        {error ? <p className="notice notice--error">{describeError(error, t)}</p> : <Loading />}
      </main>
    );
  }
  const code = view.state === 'open' ? (view.officer?.code ?? null) : null;
  const checkInUrl = code ? `${window.location.origin}/meetings/${view.id}?code=${code}` : null;
  const item = currentItemTitle(view);
  // The motions still in play and the latest result.
  const shown = view.motions.filter((m) => m.state !== 'withdrawn').slice(-3);
  return (
    <main className="projector" id="main" data-stream={status}>
      <header className="projector__head">
        <h1>{view.title}</h1>
        <p className="projector__attendance" data-testid="screen-attendance">
          {t('meetings.meeting.attendance', { count: view.attendance, roll: view.rollSize })}
          {' · '}
          {view.quorate ? t('meetings.meeting.quorate') : t('meetings.meeting.inquorate')}
        </p>
      </header>
      <div className="projector__grid">
        <section aria-labelledby="screen-item" className="projector__item">
          <h2 id="screen-item">{t('meetings.meeting.current')}</h2>
          <p className="projector__big" data-testid="screen-item">
            {item ?? t('meetings.meeting.noItem')}
          </p>
          <h2>{t('meetings.speak.current')}</h2>
          <CurrentSpeaker state={view} />
          <h2>{t('meetings.speak.queue')}</h2>
          <Queue state={view} />
        </section>
        <section aria-labelledby="screen-motions" className="projector__motions">
          <h2 id="screen-motions">{t('meetings.projector.results')}</h2>
          {shown.length === 0 ? <p>{t('meetings.motion.none')}</p> : null}
          <ul className="motions" data-testid="screen-motions">
            {shown.map((motion) => (
              <li key={motion.id} className="motion" data-testid="motion" data-state={motion.state}>
                <MotionSummary motion={motion} motions={view.motions} />
              </li>
            ))}
          </ul>
        </section>
        {checkInUrl && code ? (
          <section aria-labelledby="screen-check-in" className="projector__check-in">
            <h2 id="screen-check-in">{t('meetings.projector.scan')}</h2>
            <CheckInQr
              text={checkInUrl}
              label={t('meetings.projector.qr', { title: view.title })}
            />
            <p className="projector__code" data-testid="screen-code">
              {code}
            </p>
          </section>
        ) : null}
      </div>
    </main>
  );
}
