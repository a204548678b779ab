import { useRef } from 'react';
import { useAction, type Action } from '../organizer/use-action';

export interface Write extends Omit<Action, 'run'> {
  /**
   * Runs a write with a request id kept for `key` until it succeeds: tapping again after a
   * failure repeats the same request, which the server does once only.
   */
  run: (key: string, write: (requestId: string) => Promise<unknown>) => Promise<void>;
}

export function useWrite(onDone?: () => Promise<void>): Write {
  const action = useAction(onDone);
  const ids = useRef(new Map<string, string>());
  const run = (key: string, write: (requestId: string) => Promise<unknown>) => {
    let id = ids.current.get(key);
    if (!id) {
      id = crypto.randomUUID();
      ids.current.set(key, id);
    }
    const requestId = id;
    return action.run(async () => {
      await write(requestId);
      ids.current.delete(key);
    });
  };
  return { busy: action.busy, error: action.error, run };
}
