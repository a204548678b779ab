import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { useWrite } from '../assemblies/use-write';
import '../canvassing/canvassing.css';
import { communityApi } from '../../lib/api/organizing/community';

/** A match's private thread: its two people only; deleted 7 days after the request closes. */
export function MatchPage() {
  const { t } = useTranslation();
  usePageTitle(t('aid.match.title'));
  const { id = '' } = useParams();
  const load = useCallback(() => communityApi.aidMatch(id), [id]);
  const match = useLoad(load);
  const write = useWrite(match.reload);
  const [body, setBody] = useState('');
  const messageId = useId();
  if (match.error) return <p className="notice notice--error">{describeError(match.error, t)}</p>;
  if (!match.data) return <Loading />;
  const view = match.data;
  const send = (event: FormEvent) => {
    event.preventDefault();
    void write.run('message', async (requestId) => {
      await communityApi.aidMessage(id, { requestId, body });
      setBody('');
    });
  };
  return (
    <div className="community">
      <p>
        <Link to="/aid">{t('aid.title')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('aid.match.title')}</h1>
      <p>
        <strong>{t(`community.categories.${view.category}`)}</strong> ·{' '}
        {t(`community.urgencies.${view.urgency}`)} ·{' '}
        {view.otherHandle
          ? t('aid.match.with', { handle: view.otherHandle })
          : t('aid.match.removed')}
      </p>
      {view.description ? <p>{view.description}</p> : null}
      <ul className="plain thread" aria-live="polite" data-testid="thread">
        {view.messages.map((m) => (
          <li key={m.id} className={m.mine ? 'mine' : ''}>
            <span className="visually-hidden">
              {m.mine ? t('aid.match.me') : t('aid.match.them')}:{' '}
            </span>
            {m.body}
          </li>
        ))}
      </ul>
      {view.state === 'matched' ? (
        <form onSubmit={send} className="card">
          <div className="field">
            <label htmlFor={messageId}>{t('aid.match.message')}</label>
            <textarea
              id={messageId}
              maxLength={500}
              required
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button--primary"
            disabled={write.busy || !body.trim()}
          >
            {t('aid.match.send')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={write.busy}
            onClick={() =>
              void write.run('close', (requestId) =>
                communityApi.closeAid(view.requestId, { requestId, outcome: 'fulfilled' }),
              )
            }
          >
            {t('aid.match.fulfilled')}
          </button>
        </form>
      ) : (
        <p className="notice notice--info">{t('aid.match.closed')}</p>
      )}
      {write.error ? <p className="notice notice--error">{write.error}</p> : null}
    </div>
  );
}
