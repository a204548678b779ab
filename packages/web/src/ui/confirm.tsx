import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks once before a change: the question, any field it needs, then the confirming button and
 * Cancel, as one group named by the question.
 */
export function Confirm({
  question,
  confirm,
  tone = 'primary',
  large = false,
  emphasis = false,
  disabled = false,
  cancelDisabled = false,
  onConfirm,
  onCancel,
  children,
}: {
  question: string;
  /** The confirming button's words. */
  confirm: string;
  tone?: 'primary' | 'danger';
  large?: boolean;
  /** The question in bold, for what cannot be undone. */
  emphasis?: boolean;
  disabled?: boolean;
  cancelDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p>{emphasis ? <strong>{question}</strong> : question}</p>
      {children}
      <button
        type="button"
        className={`button button--${tone}${large ? ' button--large' : ''}`}
        disabled={disabled}
        onClick={onConfirm}
      >
        {confirm}
      </button>
      <button
        type="button"
        className="button button--quiet"
        disabled={cancelDisabled}
        onClick={onCancel}
      >
        {t('app.cancel')}
      </button>
    </div>
  );
}
