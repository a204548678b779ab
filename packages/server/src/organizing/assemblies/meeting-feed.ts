import type { MeetingMessage, Principal } from '@tocsin/core';
import { enqueueEvents, transact, type AppContext } from '../../platform';
import { mayFollow, streamState } from './meetings.service';
import { findMotionMeeting } from './assemblies.repository';

/** One socket following a meeting: who it is and how to write to it. */
export interface MeetingFollower {
  readonly id: string;
  readonly principal: Principal;
  send(data: string): void;
}

/** At most five state messages a second per meeting. */
export const MEETING_STREAM_INTERVAL_MS = 200;

/**
 * The live state of meetings for the sockets that said hello with one. A change marks the meeting
 * dirty; its state is read and sent at most once per interval, so a burst of 2,000 ballots costs a
 * few reads, not 2,000, and every follower gets the latest state within one interval. A write on
 * this node also tells the other nodes, by a `meeting.changed` event through the outbox and the
 * bus, at most once per interval per meeting; each node's meeting topic hears it (`heard`) and
 * marks the meeting dirty for its own followers. One node (the in-memory bus) tells nobody.
 */
export class MeetingFeed {
  readonly #followers = new Map<string, Map<string, MeetingFollower>>();
  readonly #meetingOf = new Map<string, string>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #lastSent = new Map<string, number>();
  readonly #dirty = new Set<string>();
  readonly #flushing = new Set<string>();
  readonly #motionMeeting = new Map<string, string>();
  readonly #announcing = new Map<string, NodeJS.Timeout>();
  readonly #lastAnnounced = new Map<string, number>();

  constructor(
    private readonly ctx: AppContext,
    private readonly intervalMs = MEETING_STREAM_INTERVAL_MS,
  ) {}

  /** Whether a member may follow a meeting's live state (on the body's roll). */
  mayFollow(principal: Principal, meetingId: string): Promise<boolean> {
    return mayFollow(this.ctx, principal, meetingId);
  }

  /** Starts sending a meeting's state to a socket, if its member is on the body's roll. */
  async follow(follower: MeetingFollower, meetingId: string): Promise<boolean> {
    if (!(await this.mayFollow(follower.principal, meetingId))) return false;
    this.add(follower, meetingId);
    return true;
  }

  /** Adds a follower already allowed (`mayFollow`); its first state comes within one interval. */
  add(follower: MeetingFollower, meetingId: string): void {
    this.unfollow(follower.id);
    let set = this.#followers.get(meetingId);
    if (!set) this.#followers.set(meetingId, (set = new Map<string, MeetingFollower>()));
    set.set(follower.id, follower);
    this.#meetingOf.set(follower.id, meetingId);
    // A new follower changes nothing in the meeting: its state goes to this node's followers only.
    this.heard(meetingId);
  }

  unfollow(followerId: string): void {
    const meetingId = this.#meetingOf.get(followerId);
    if (!meetingId) return;
    this.#meetingOf.delete(followerId);
    const set = this.#followers.get(meetingId);
    set?.delete(followerId);
    if (set?.size === 0) this.#followers.delete(meetingId);
  }

  /** How many sockets follow a meeting on this node. */
  followers(meetingId: string): number {
    return this.#followers.get(meetingId)?.size ?? 0;
  }

  /**
   * A write on this node changed the meeting: its followers here get the new state within one
   * interval, and so, through the bus, do those of the other nodes.
   */
  changed(meetingId: string): void {
    this.#announce(meetingId);
    this.heard(meetingId);
  }

  /** Another node (or this one, through the bus) changed the meeting: tell the followers here. */
  heard(meetingId: string): void {
    if (!this.#followers.has(meetingId)) return;
    this.#dirty.add(meetingId);
    if (this.#timers.has(meetingId) || this.#flushing.has(meetingId)) return;
    const wait = Math.max(0, (this.#lastSent.get(meetingId) ?? 0) + this.intervalMs - Date.now());
    const timer = setTimeout(() => void this.#flush(meetingId), wait);
    timer.unref();
    this.#timers.set(meetingId, timer);
  }

  /** A motion changed (a ballot, a vote): its meeting's followers hear of it. */
  async motionChanged(motionId: string): Promise<void> {
    let meetingId = this.#motionMeeting.get(motionId);
    if (!meetingId) {
      meetingId = await findMotionMeeting(this.ctx.db, motionId);
      if (!meetingId) return;
      if (this.#motionMeeting.size > 10_000) this.#motionMeeting.clear();
      this.#motionMeeting.set(motionId, meetingId);
    }
    this.changed(meetingId);
  }

  async #flush(meetingId: string): Promise<void> {
    this.#timers.delete(meetingId);
    this.#dirty.delete(meetingId);
    this.#flushing.add(meetingId);
    this.#lastSent.set(meetingId, Date.now());
    try {
      const state = await streamState(this.ctx, meetingId);
      const set = this.#followers.get(meetingId);
      if (state && set) {
        const message: MeetingMessage = { type: 'meeting', meetingId, state };
        const data = JSON.stringify(message);
        for (const follower of set.values()) follower.send(data);
      }
    } catch (error) {
      this.ctx.logger.warn({ err: error }, 'meeting state not sent');
    } finally {
      this.#flushing.delete(meetingId);
      if (this.#dirty.has(meetingId)) {
        this.#dirty.delete(meetingId);
        this.heard(meetingId);
      }
    }
  }

  /** One `meeting.changed` per interval per meeting, after the first change of a burst at once. */
  #announce(meetingId: string): void {
    if (this.ctx.bus.kind === 'memory' || this.#announcing.has(meetingId)) return;
    const wait = Math.max(
      0,
      (this.#lastAnnounced.get(meetingId) ?? 0) + this.intervalMs - Date.now(),
    );
    const timer = setTimeout(() => void this.#publish(meetingId), wait);
    timer.unref();
    this.#announcing.set(meetingId, timer);
  }

  async #publish(meetingId: string): Promise<void> {
    this.#announcing.delete(meetingId);
    if (this.#lastAnnounced.size > 10_000) this.#lastAnnounced.clear();
    this.#lastAnnounced.set(meetingId, Date.now());
    try {
      // Its own transaction, after the write's: the other nodes read what the write committed.
      await transact(this.ctx, (tx) =>
        enqueueEvents(
          this.ctx,
          tx,
          [{ name: 'meeting.changed', payload: { meetingId } }],
          this.ctx.clock.now(),
        ),
      );
    } catch (error) {
      this.ctx.logger.warn({ err: error }, 'meeting change not announced');
    }
  }

  /** A follow that could not be checked (the database was away): logged, the socket kept. */
  failed(error: unknown): void {
    this.ctx.logger.warn({ err: error }, 'meeting follow not checked');
  }

  close(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    for (const timer of this.#announcing.values()) clearTimeout(timer);
    this.#announcing.clear();
    this.#followers.clear();
    this.#meetingOf.clear();
  }
}
