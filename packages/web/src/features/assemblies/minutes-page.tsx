import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MeetingView } from '@tocsin/core/api/organizing';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { Loading } from '../../ui/loading';
import { useLoad } from '../organizer/use-load';
import { MarkdownView } from './markdown-view';
import { useWrite } from './use-write';
import './assemblies.css';
import { assembliesApi } from '../../lib/api/organizing/assemblies';

/** A meeting's minutes, rendered from Markdown, printable; the secretary edits them here. */
export function MinutesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const loadMinutes = useCallback(() => assembliesApi.minutes(id), [id]);
  const loadMeeting = useCallback(() => assembliesApi.meeting(id), [id]);
  const minutes = useLoad(loadMinutes);
  const meeting = useLoad<MeetingView>(loadMeeting);
  const title = meeting.data ? t('meetings.minutes.title', { title: meeting.data.title }) : '';
  usePageTitle(title || t('meetings.meeting.minutes'));
  const error = minutes.error ?? meeting.error;
  if (!minutes.data || !meeting.data) {
    return error ? <p className="notice notice--error">{describeError(error, t)}</p> : <Loading />;
  }
  // The secretary (or whoever chairs) edits them once the meeting closed, until approved.
  const secretary = meeting.data.officer !== null && meeting.data.state === 'closed';
  return (
    <article className="minutes">
      <h1 tabIndex={-1}>{title}</h1>
      <p className="minutes__status">
        {minutes.data.approved ? t('meetings.minutes.approved') : t('meetings.minutes.draft')}
      </p>
      <div className="actions no-print">
        <Link to={`/meetings/${id}`}>{t('meetings.minutes.back')}</Link>
        <button type="button" className="button button--small" onClick={() => window.print()}>
          {t('meetings.minutes.print')}
        </button>
      </div>
      <div data-testid="minutes">
        <MarkdownView source={minutes.data.markdown} />
      </div>
      {secretary && !minutes.data.approved ? (
        <EditMinutes id={id} markdown={minutes.data.markdown} reload={minutes.reload} />
      ) : null}
    </article>
  );
}

function EditMinutes({
  id,
  markdown,
  reload,
}: {
  id: string;
  markdown: string;
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(markdown);
  const [saved, setSaved] = useState(false);
  const textId = useId();
  useEffect(() => setText(markdown), [markdown]);
  const write = useWrite(async () => {
    setSaved(true);
    await reload();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void write.run(`minutes:${text}`, (requestId) =>
      assembliesApi.saveMinutes(id, { requestId, markdown: text }),
    );
  };
  return (
    <details className="card no-print">
      <summary>{t('meetings.minutes.edit')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={textId}>{t('meetings.minutes.text')}</label>
          <textarea id={textId} rows={16} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={write.busy || !text.trim()}
        >
          {t('meetings.minutes.save')}
        </button>
        {saved ? <p role="status">{t('meetings.minutes.saved')}</p> : null}
        {write.error ? <p className="notice notice--error">{write.error}</p> : null}
      </form>
    </details>
  );
}
