import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Recovery codes as shown once (at join, and when new ones are made in settings): the list,
 * labelled by the caller's heading, and a button that copies the handle with the codes.
 */
export function RecoveryCodeList({
  handle,
  codes,
  labelId,
}: {
  handle: string;
  codes: readonly string[];
  labelId: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText([handle, ...codes].join('\n'));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <ol className="codes" aria-labelledby={labelId} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => void copy()}>
        {t('join.copy')}
      </button>
      {copied ? (
        <p className="hint" role="status">
          {t('join.copied')}
        </p>
      ) : null}
    </>
  );
}
