import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/api';

export interface Action {
  /** True while a change runs: its buttons are disabled. */
  busy: boolean;
  /** What went wrong with the last change, for the reader; null once another starts. */
  error: string | null;
  run: (action: () => Promise<unknown>) => Promise<void>;
}

/**
 * Runs an organizer's change, then `onDone` (a reload, say): busy while they run, and a failure
 * described rather than thrown.
 */
export function useAction(onDone?: () => Promise<void>): Action {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onDone?.();
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
