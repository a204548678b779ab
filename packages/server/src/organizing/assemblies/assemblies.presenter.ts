import {
  councilTally,
  isQuorate,
  orderSpeakers,
  requiredAttendance,
  runningTallyShown,
  type ActionItemView,
  type BodyView,
  type MeetingLiveState,
  type MeetingSummary,
  type MotionView,
  type Quorum,
} from '@tocsin/core';
import type { Executor } from '../../platform';
import type { BodyAccess } from './assemblies.policy';
import {
  agendaOf,
  attendanceCount,
  ballotCounts,
  motionRows,
  rollSize,
  speakerRows,
  timesSpoken,
  type ActionItemRow,
  type BodyRow,
  type MeetingRow,
  type MotionRow,
} from './assemblies.repository';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function presentBody(access: BodyAccess, size: number): BodyView {
  const { body } = access;
  return {
    id: body.id,
    kind: body.kind,
    name: body.name,
    areaId: body.area_id,
    groupId: body.group_id,
    rollSize: size,
    roles: access.roles,
    canAppoint: access.canAppoint,
    canChair: access.chairing,
    canRecord: access.recording,
    chair: body.chair_id ? { id: body.chair_id, name: body.chair_name ?? '' } : null,
    secretary: body.secretary_id
      ? { id: body.secretary_id, name: body.secretary_name ?? '' }
      : null,
    secondingRequired: body.seconding_required,
  };
}

export function quorumOf(meeting: MeetingRow): Quorum | null {
  if (meeting.quorum_members !== null) return { members: meeting.quorum_members };
  if (meeting.quorum_percent !== null) return { percent: meeting.quorum_percent };
  return null;
}

export function presentSummary(meeting: MeetingRow): MeetingSummary {
  return {
    id: meeting.id,
    bodyId: meeting.body_id,
    title: meeting.title,
    startsAt: iso(meeting.starts_at),
    place: meeting.place,
    remote: meeting.remote,
    state: meeting.state,
    recurrence: meeting.recurrence,
    previousId: meeting.previous_id,
  };
}

type Counts = Awaited<ReturnType<typeof ballotCounts>>;

/**
 * A motion as every member sees it. The running tally counts the ballots in as the closing count
 * will: in the council, each weighs the seats its voter holds now (`councilTally`, the one rule);
 * elsewhere, once.
 */
export function presentMotion(
  row: MotionRow,
  counts: Counts,
  body: Pick<BodyRow, 'kind' | 'weighted_votes'>,
): MotionView {
  const mine = counts.filter((c) => c.motionId === row.id);
  let running = { yes: 0, no: 0, abstain: 0 };
  let voted = 0;
  for (const c of mine) {
    voted += c.n;
    if (c.choice) running[c.choice] += c.n;
  }
  if (body.kind === 'council') {
    running = councilTally(
      mine.flatMap((c) =>
        c.choice ? [{ choice: c.choice, seats: c.seats ?? 0, count: c.n }] : [],
      ),
      body.weighted_votes,
    );
  }
  const closed = row.state === 'carried' || row.state === 'failed' || row.state === 'invalid';
  const tally = closed
    ? { yes: row.yes ?? 0, no: row.no ?? 0, abstain: row.abstain ?? 0 }
    : running;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    text: row.text,
    originalText: row.original_text,
    amends: row.amends_id,
    mover: { id: row.mover_id ?? '00000000-0000-0000-0000-000000000000', name: row.mover_name },
    seconder:
      row.seconder_id && row.seconder_name
        ? { id: row.seconder_id, name: row.seconder_name }
        : null,
    state: row.state,
    agendaItem: row.agenda_item,
    movedAt: iso(row.moved_at),
    vote:
      row.vote_method && row.vote_majority && row.vote_opened_at
        ? {
            method: row.vote_method,
            majority: row.vote_majority,
            openedAt: iso(row.vote_opened_at),
            voted,
            // A secret vote shows only how many ballots are in until it closes.
            tally: closed || runningTallyShown(row.vote_method) ? tally : null,
          }
        : null,
    result: closed
      ? { ...tally, carried: row.state === 'carried', quorate: row.quorate ?? false }
      : null,
    decisionId: row.decision_id,
  };
}

export function presentActionItem(row: ActionItemRow): ActionItemView {
  return {
    id: row.id,
    decisionId: row.decision_id,
    text: row.text,
    owner: row.owner_member_id
      ? { kind: 'member', id: row.owner_member_id, name: row.owner_member_name ?? '' }
      : row.owner_group_id
        ? { kind: 'group', id: row.owner_group_id, name: row.owner_group_name ?? '' }
        : null,
    due: row.due,
    status: row.status,
  };
}

/** The live state every member of the body sees (the GET and the stream share it). */
export async function liveState(
  db: Executor,
  body: BodyRow,
  meeting: MeetingRow,
): Promise<MeetingLiveState> {
  const [agenda, attendance, size, speakers, spoken, motions, counts] = await Promise.all([
    agendaOf(db, meeting.id),
    attendanceCount(db, meeting.id),
    rollSize(db, body),
    speakerRows(db, meeting.id),
    timesSpoken(db, meeting.id),
    motionRows(db, { meetingId: meeting.id }),
    ballotCounts(db, meeting.id, body.kind === 'council'),
  ]);
  const quorum = quorumOf(meeting);
  const waiting = speakers
    .filter((s) => s.state === 'waiting')
    .map((s) => ({
      id: s.id,
      memberId: s.member_id,
      kind: s.kind,
      requestedAt: s.requested_at.getTime(),
      seq: Number(s.seq),
      row: s,
    }));
  const queue = orderSpeakers(waiting, spoken, meeting.speaker_order).map(({ row }) => ({
    id: row.id,
    member: { id: row.member_id, name: row.name },
    kind: row.kind,
    requestedAt: iso(row.requested_at),
  }));
  const current = speakers.find((s) => s.state === 'speaking');
  return {
    ...presentSummary(meeting),
    bodyName: body.name,
    openedAt: isoOrNull(meeting.opened_at),
    closedAt: isoOrNull(meeting.closed_at),
    quorum,
    requiredAttendance: requiredAttendance(quorum, size),
    rollSize: size,
    attendance,
    quorate: isQuorate(quorum, attendance, size),
    agenda: agenda.map((item) => ({
      position: item.position,
      title: item.title,
      minutes: item.minutes,
    })),
    currentItem: meeting.current_item,
    speakerOrder: meeting.speaker_order,
    speakerSeconds: meeting.speaker_seconds,
    queue,
    currentSpeaker:
      current && current.started_at
        ? {
            id: current.id,
            member: { id: current.member_id, name: current.name },
            kind: current.kind,
            requestedAt: iso(current.requested_at),
            startedAt: iso(current.started_at),
            seconds: meeting.speaker_seconds,
          }
        : null,
    motions: motions.map((row) => presentMotion(row, counts, body)),
  };
}
