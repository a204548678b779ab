/** The kinds of request on a meeting's speakers list. */
export const SPEAKER_KINDS = [
  'point_of_order',
  'point_of_information',
  'direct_response',
  'speak',
] as const;
export type SpeakerKind = (typeof SPEAKER_KINDS)[number];

/** How `speak` requests are ordered: progressive stack, or plain first come, first served. */
export const SPEAKER_ORDERS = ['progressive', 'fifo'] as const;
export type SpeakerOrder = (typeof SPEAKER_ORDERS)[number];

/**
 * A waiting request to speak. `requestedAt` is in ms; `seq` (the order requests arrived, where
 * known) and then `id` break exact ties.
 */
export interface SpeakerRequest {
  readonly id: string;
  readonly memberId: string;
  readonly kind: SpeakerKind;
  readonly requestedAt: number;
  readonly seq?: number;
}

/** Points of order first, then points of information and direct responses, then `speak`. */
export function kindRank(kind: SpeakerKind): number {
  switch (kind) {
    case 'point_of_order':
      return 0;
    case 'point_of_information':
    case 'direct_response':
      return 1;
    case 'speak':
      return 2;
  }
}

/**
 * The speakers list in the order the chair calls it. Within the points (order, information and
 * direct response) first come is first served; `speak` requests go by fewest times spoken in this
 * meeting (progressive stack) and then by request time, or by request time alone under `fifo`.
 * `timesSpoken` counts the `speak` turns each member has had; missing means none.
 */
export function orderSpeakers<R extends SpeakerRequest>(
  requests: readonly R[],
  timesSpoken: ReadonlyMap<string, number>,
  order: SpeakerOrder = 'progressive',
): R[] {
  return [...requests].sort((a, b) => {
    const rank = kindRank(a.kind) - kindRank(b.kind);
    if (rank !== 0) return rank;
    if (a.kind === 'speak' && order === 'progressive') {
      const spoken = (timesSpoken.get(a.memberId) ?? 0) - (timesSpoken.get(b.memberId) ?? 0);
      if (spoken !== 0) return spoken;
    }
    if (a.requestedAt !== b.requestedAt) return a.requestedAt - b.requestedAt;
    if (a.seq !== undefined && b.seq !== undefined && a.seq !== b.seq) return a.seq - b.seq;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Who the chair calls next, or null when nobody waits. */
export function nextSpeaker<R extends SpeakerRequest>(
  requests: readonly R[],
  timesSpoken: ReadonlyMap<string, number>,
  order: SpeakerOrder = 'progressive',
): R | null {
  return orderSpeakers(requests, timesSpoken, order)[0] ?? null;
}

/** The default per-speaker time box, in seconds. */
export const DEFAULT_SPEAKER_SECONDS = 120;
