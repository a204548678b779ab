import type { OperationKey, RequestBody, ResponseBody } from '@tocsin/core/api/contract';
import { api } from '../../lib/api/client';

// The council screen's own API calls, in its lazily loaded chunk (not in the start-up endpoints).

type Answer<K extends OperationKey> = ResponseBody<K>;
type Body<K extends OperationKey> = RequestBody<K>;

/** The council's chair asks the seated committees to ratify a council decision. */
export function requireRatification(
  decisionId: string,
  body: Body<'POST /api/v1/council/decisions/:decisionId/ratification'>,
) {
  return api.post<Answer<'POST /api/v1/council/decisions/:decisionId/ratification'>>(
    `/council/decisions/${encodeURIComponent(decisionId)}/ratification`,
    body,
  );
}
