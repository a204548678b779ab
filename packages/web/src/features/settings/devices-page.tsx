import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeviceInfo } from '@tocsin/core/api/membership';
import { usePageTitle } from '../../app/use-page-title';
import { describeError, endpoints } from '../../lib/api';
import { Confirm } from '../../ui/confirm';
import { useSession } from '../session/session-provider';
import { dateTimeFormat } from '../../lib/intl';

/**
 * The phones and passkeys that can log in to my account: remove one (a lost or seized phone),
 * or log out everywhere, which keeps only this device. Days only, as the server gives them.
 */
export function DevicesPage() {
  const { t, i18n } = useTranslation();
  const { logoutEverywhere } = useSession();
  usePageTitle(t('devices.title'));
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setDevices(await endpoints.devices());
    } catch (caught) {
      setError(describeError(caught, t));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const day = (iso: string) =>
    dateTimeFormat(i18n.language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T12:00:00Z`));

  const act = async (action: () => Promise<void>, message: string | null) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setAsking(null);
      setDone(message);
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page" aria-labelledby="devices-title">
      <h1 id="devices-title" tabIndex={-1}>
        {t('devices.title')}
      </h1>
      <p>{t('devices.intro')}</p>
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
      <section className="card" aria-labelledby="devices-list-title">
        <h2 id="devices-list-title">{t('devices.listLabel')}</h2>
        {devices && devices.length === 0 ? <p>{t('devices.none')}</p> : null}
        <ul className="plain-list" data-testid="devices">
          {(devices ?? []).map((d) => {
            const name = `${t(`devices.kind.${d.kind}`)} ${d.name.split(' ').pop() ?? ''}`;
            return (
              <li key={d.id} className="row" data-current={d.current ? 'yes' : 'no'}>
                <span>
                  <strong>{name}</strong>
                  {d.current ? ` · ${t('devices.current')}` : null}
                  <br />
                  <span className="hint">
                    {t('devices.added', { day: day(d.createdDay) })}
                    {' · '}
                    {d.lastUsedDay
                      ? t('devices.lastUsed', { day: day(d.lastUsedDay) })
                      : t('devices.neverUsed')}
                  </span>
                </span>
                {asking === d.id ? (
                  <Confirm
                    question={t('devices.revokeSure', { name })}
                    confirm={t('devices.revokeConfirm')}
                    tone="danger"
                    disabled={busy}
                    onConfirm={() =>
                      void act(async () => {
                        await endpoints.revokeDevice(d.id);
                        await load();
                      }, t('devices.revoked'))
                    }
                    onCancel={() => setAsking(null)}
                  />
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('devices.revoke', { name })}
                    onClick={() => setAsking(d.id)}
                  >
                    {t('devices.revokeShort')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card card--danger" aria-labelledby="everywhere-title">
        <h2 id="everywhere-title">{t('devices.everywhere')}</h2>
        <p>{t('devices.everywhereHint')}</p>
        {asking === 'everywhere' ? (
          <Confirm
            question={t('devices.everywhereSure')}
            confirm={t('devices.everywhere')}
            tone="danger"
            disabled={busy}
            onConfirm={() => void act(logoutEverywhere, null)}
            onCancel={() => setAsking(null)}
          />
        ) : (
          <button type="button" className="button" onClick={() => setAsking('everywhere')}>
            {t('devices.everywhere')}
          </button>
        )}
      </section>
      <p>
        <Link to="/settings">{t('devices.back')}</Link>
      </p>
    </section>
  );
}
