import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MotionView } from '@tocsin/core/api/organizing';
import type { MotionReceipts } from '@tocsin/core/api/secret-votes';
import { VOTE_CHOICES, type VoteChoice } from '@tocsin/core/assemblies/votes';
import { ApiError, describeError } from '../../lib/api';
import {
  castDelay,
  castSecretBallot,
  heldMotionToken,
  myMotionReceipt,
  type CastRecord,
} from './secret-ballot';
import { assembliesApi } from '../../lib/api/organizing/assemblies';

/**
 * A secret vote on the member's phone (ADR 0025): one tap gets a blind-signed token (with the
 * session) and, after a random wait, casts the choice with the token alone. The receipt stays on
 * this phone to find in the list shown once the vote closes.
 */
export function SecretVote({ motion }: { motion: MotionView }) {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState<CastRecord | null>(() => myMotionReceipt(motion.id));
  const [sending, setSending] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [elsewhere, setElsewhere] = useState(false);
  const [requestId] = useState(() => crypto.randomUUID());
  const send = async (choice: VoteChoice) => {
    setError(null);
    const delay = castDelay();
    setSending(Math.ceil(delay / 1000));
    try {
      setReceipt(await castSecretBallot(motion.id, choice, requestId, delay));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'already_voted') {
        if (!heldMotionToken(motion.id)) setElsewhere(true);
      } else setError(describeError(caught, t));
    } finally {
      setSending(null);
    }
  };
  if (receipt) {
    return (
      <div className="vote" data-testid="secret-vote">
        <p role="status">{t('meetings.vote.cast')}</p>
        <p>
          <code className="receipt" data-testid="my-receipt">
            {receipt.receipt}
          </code>
        </p>
      </div>
    );
  }
  if (elsewhere) return <p className="notice notice--info">{t('meetings.vote.elsewhere')}</p>;
  return (
    <fieldset className="vote" data-testid="secret-vote">
      <legend>{t('meetings.vote.title')}</legend>
      <p className="hint">{t('meetings.vote.secretHint')}</p>
      <div className="vote__choices">
        {VOTE_CHOICES.map((c) => (
          <button
            key={c}
            type="button"
            className={`button vote__choice vote__choice--${c}`}
            disabled={sending !== null}
            onClick={() => void send(c)}
          >
            {t(`meetings.vote.choice.${c}`)}
          </button>
        ))}
      </div>
      {sending !== null ? (
        <p className="hint" role="status">
          {t('meetings.vote.sending', { count: sending })}
        </p>
      ) : null}
      {error ? <p className="notice notice--error">{error}</p> : null}
    </fieldset>
  );
}

/** Once a secret vote closed: every receipt with its choice; the member's own marked. */
export function SecretReceipts({ motion }: { motion: MotionView }) {
  const { t } = useTranslation();
  const [list, setList] = useState<MotionReceipts | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mine = myMotionReceipt(motion.id)?.receipt;
  useEffect(() => {
    assembliesApi.motionReceipts(motion.id).then(setList, setError);
  }, [motion.id, motion.state]);
  return (
    <details className="receipts" open={mine !== undefined}>
      <summary>{t('meetings.vote.receipts')}</summary>
      <p className="hint">{t('meetings.vote.receiptsIntro')}</p>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      {!list ? null : list.ballots.length === 0 ? (
        <p className="hint">{t('meetings.vote.noBallots')}</p>
      ) : (
        <ol className="receipt-list" data-testid="receipt-list">
          {list.ballots.map((b) => (
            <li key={b.receipt} className={b.receipt === mine ? 'receipt-list__mine' : undefined}>
              <code>{b.receipt}</code>
              {b.choice ? (
                <span className="hint"> · {t(`meetings.vote.choice.${b.choice}`)}</span>
              ) : null}
              {b.receipt === mine ? <strong> {t('meetings.vote.mine')}</strong> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
