import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/use-page-title';
import { describeError, endpoints } from '../../lib/api';
import { QrCode } from '../../ui/qr-code';
import { useMe } from '../session/session-provider';
import { handleFromCode, scanQr } from './scan-qr';
import './vouch.css';

/**
 * Vouching in person. A member on probation shows their code (a QR code of their nickname); an
 * active member scans it with the camera, or types the nickname under it, and vouches. The
 * server's rule decides: not the sponsor, not oneself, only a member on probation.
 */
export function VouchPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('vouch.title'));
  const handleId = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const stopRef = useRef<(() => void) | null>(null);
  const [handle, setHandle] = useState(() => handleFromCode(location.hash.slice(1)));
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const myCode = `${location.origin}/vouch#${me.handle}`;

  useEffect(() => () => stopRef.current?.(), []);

  const vouch = async (who: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await endpoints.vouchForHandle(who);
      setDone(t('vouch.done', { handle: who }));
      setHandle('');
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const startScan = () => {
    const video = videoRef.current;
    if (!video || !navigator.mediaDevices?.getUserMedia) {
      setError(t('vouch.noCamera'));
      return;
    }
    setError(null);
    setScanning(true);
    const scan = scanQr(video);
    stopRef.current = scan.stop;
    scan.result
      .then((text) => {
        if (text) setHandle(handleFromCode(text));
      })
      .catch(() => setError(t('vouch.noCamera')))
      .finally(() => {
        setScanning(false);
        stopRef.current = null;
      });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const who = handleFromCode(handle);
    if (who) void vouch(who);
  };

  return (
    <section className="page" aria-labelledby="vouch-title">
      <h1 id="vouch-title" tabIndex={-1}>
        {t('vouch.title')}
      </h1>
      {me.status === 'probation' ? (
        <section className="card" aria-labelledby="my-code-title">
          <h2 id="my-code-title">{t('vouch.myCodeTitle')}</h2>
          <p>{t('vouch.myCodeIntro')}</p>
          <QrCode text={myCode} label={t('vouch.myCodeLabel', { handle: me.handle })} />
          <p className="vouch-handle">
            <strong data-testid="my-handle">{me.handle}</strong>
          </p>
        </section>
      ) : null}
      {me.status === 'active' ? (
        <section className="card" aria-labelledby="scan-title">
          <h2 id="scan-title">{t('vouch.scanTitle')}</h2>
          <p>{t('vouch.scanIntro')}</p>
          {error ? (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          ) : null}
          {done ? (
            <p className="notice notice--ok" role="status">
              {done}
            </p>
          ) : null}
          <video
            ref={videoRef}
            className="vouch-camera"
            hidden={!scanning}
            muted
            playsInline
            aria-label={t('vouch.cameraLabel')}
          />
          {scanning ? (
            <button type="button" className="button" onClick={() => stopRef.current?.()}>
              {t('vouch.stopScan')}
            </button>
          ) : (
            <button type="button" className="button" onClick={startScan}>
              {t('vouch.scan')}
            </button>
          )}
          <form onSubmit={onSubmit}>
            <div className="field">
              <label htmlFor={handleId}>{t('vouch.handle')}</label>
              <input
                id={handleId}
                autoCapitalize="none"
                autoComplete="off"
                spellCheck={false}
                value={handle}
                onChange={(event) => setHandle(event.target.value)}
              />
            </div>
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || !handle.trim()}
            >
              {t('vouch.submit')}
            </button>
          </form>
        </section>
      ) : (
        <p className="notice notice--info">{t('vouch.notActive')}</p>
      )}
    </section>
  );
}
