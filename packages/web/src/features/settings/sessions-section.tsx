import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../app/use-now';
import { describeError, endpoints } from '../../lib/api';
import type { SessionInfo } from '@tocsin/core/api/membership';
import { formatDateTime, timeAgo } from '../../lib/time';
import { useSession } from '../session/session-provider';
import { Confirm } from '../../ui/confirm';

const METHODS = ['device_key', 'passkey', 'recovery'] as const;
type Method = (typeof METHODS)[number];
const isMethod = (m: string): m is Method => (METHODS as readonly string[]).includes(m);

/** My logged-in devices: end one, end all (this one too), or log out here. */
export function SessionsSection() {
  const { t, i18n } = useTranslation();
  const { city, logout, logoutEverywhere } = useSession();
  const now = useNow();
  const [sessions, setSessions] = useState<SessionInfo[]>([]);
  const [confirmAll, setConfirmAll] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSessions(await endpoints.sessions());
    } catch (caught) {
      setError(describeError(caught, t));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(describeError(caught, t));
    }
  };

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('settings.sessionsTitle')}</h2>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="plain-list" data-testid="sessions">
        {sessions.map((s) => (
          <li key={s.id} className="row">
            <span>
              <strong>
                {s.current ? t('settings.sessionCurrent') : t('settings.sessionOther')}
              </strong>
              {' · '}
              {isMethod(s.method) ? t(`settings.method.${s.method}`) : s.method}
              <br />
              <span className="hint">
                {t('settings.sessionSince', {
                  date: formatDateTime(s.createdAt, i18n.language, city?.timeZone ?? 'UTC'),
                  ago: timeAgo(s.lastSeenAt, now, t),
                })}
              </span>
            </span>
            {!s.current ? (
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  void act(async () => {
                    await endpoints.endSession(s.id);
                    await load();
                  })
                }
              >
                {t('settings.endSession')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {confirmAll ? (
        <Confirm
          question={t('settings.endAllSure')}
          confirm={t('settings.endAll')}
          tone="danger"
          onConfirm={() => void act(logoutEverywhere)}
          onCancel={() => setConfirmAll(false)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => void act(logout)}>
            {t('settings.logout')}
          </button>
          <button type="button" className="button" onClick={() => setConfirmAll(true)}>
            {t('settings.endAll')}
          </button>
        </div>
      )}
    </section>
  );
}
