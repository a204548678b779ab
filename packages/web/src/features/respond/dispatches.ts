import type { DispatchState } from '@tocsin/core/api/rapid-response';
import type { IncidentSummaryView as IncidentSummary } from '@tocsin/core/api/views';
import type { DispatchMessage } from '../../lib/stream';

/** A dispatch as this responder knows it: offers come over the stream, answers from the API. */
export interface DispatchItem {
  id: string;
  state: DispatchState;
  incident: IncidentSummary | null;
  receivedAt: number;
}

/** States in which the responder still has something to do. */
export const ACTIVE_DISPATCH: ReadonlySet<DispatchState> = new Set([
  'offered',
  'accepted',
  'on_scene',
]);

/** Folds a stream message or an answer into the list, newest first; stand-downs keep the incident. */
export function upsertDispatch(
  list: readonly DispatchItem[],
  message: Pick<DispatchMessage, 'id' | 'state'> & { incident?: IncidentSummary | null },
  now: number,
): DispatchItem[] {
  const known = list.find((d) => d.id === message.id);
  const item: DispatchItem = {
    id: message.id,
    state: message.state,
    incident: message.incident ?? known?.incident ?? null,
    receivedAt: known?.receivedAt ?? now,
  };
  return [item, ...list.filter((d) => d.id !== message.id)].slice(0, 50);
}
