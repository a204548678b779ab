import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "Paste a message": free text from a chat, read by the core SALUTE parser into the form. */
export function PastePanel({ onRead }: { onRead: (text: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  return (
    <div className="card paste">
      <div className="field">
        <label htmlFor={id}>{t('report.pasteLabel')}</label>
        <textarea
          id={id}
          rows={6}
          maxLength={2000}
          aria-describedby={hintId}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={hintId} className="hint">
          {t('report.pasteHint')}
        </p>
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={!text.trim()}
        onClick={() => onRead(text)}
      >
        {t('report.pasteRead')}
      </button>
    </div>
  );
}
