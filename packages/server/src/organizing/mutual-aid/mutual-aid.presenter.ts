import {
  aidRedact,
  boardAgeHours,
  type AidMatchView,
  type BoardItem,
  type MyAidRequest,
} from '@tocsin/core';
import type { AidRequestRow } from './mutual-aid.repository';

/** A board item: only what the public audience may see (category, area, urgency, age). */
export function presentBoardItem(
  row: {
    id: string;
    category: BoardItem['category'];
    area_id: string;
    urgency: BoardItem['urgency'];
    created_at: Date;
  },
  now: Date,
): BoardItem {
  const shown = aidRedact('public', {
    category: row.category,
    areaId: row.area_id,
    urgency: row.urgency,
    ageHours: boardAgeHours(row.created_at, now),
  });
  return { id: row.id, ...(shown as Omit<BoardItem, 'id'>) };
}

export function presentMyRequest(
  row: AidRequestRow & { match_id?: string | null },
  now: Date,
  matchId: string | null = row.match_id ?? null,
): MyAidRequest {
  return {
    id: row.id,
    category: row.category,
    areaId: row.area_id,
    urgency: row.urgency,
    description: row.description,
    state: row.state,
    outcome: row.outcome,
    onBehalf: row.on_behalf,
    autoMatch: row.auto_match,
    matchId,
    ageHours: boardAgeHours(row.created_at, now),
  };
}

export function presentOffer(row: {
  id: string;
  category: MyAidRequest['category'];
  area_id: string;
  availability: string;
  until: string | null;
  withdrawn_at: Date | null;
}) {
  return {
    id: row.id,
    category: row.category,
    areaId: row.area_id,
    availability: row.availability,
    until: row.until,
    withdrawn: row.withdrawn_at !== null,
  };
}

export function presentMatch(
  match: { id: string },
  request: AidRequestRow,
  role: 'requester' | 'volunteer',
  otherHandle: string | null,
  messages: { id: string; author_id: string | null; body: string; created_at: Date }[],
  memberId: string,
): AidMatchView {
  return {
    id: match.id,
    requestId: request.id,
    role,
    category: request.category,
    areaId: request.area_id,
    urgency: request.urgency,
    description: request.description,
    state: request.state,
    outcome: request.outcome,
    otherHandle,
    onBehalf: request.on_behalf,
    messages: messages.map((m) => ({
      id: m.id,
      mine: m.author_id === memberId,
      body: m.body,
      at: m.created_at.toISOString(),
    })),
  };
}
