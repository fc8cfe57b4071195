import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ServerMessage } from '../../contract/live.ts';
import { validateCommand } from '../../domain/meeting/permissions.ts';
import { initialState, reduce } from '../../domain/meeting/reducer.ts';
import { type Refusal, refuse } from '../../domain/meeting/refusals.ts';
import type { MeetingCommand, MeetingEvent, MeetingSetup, MeetingState } from '../../domain/meeting/types.ts';
import type { Database, MeetingEventTable } from '../store/schema.ts';
import type { LiveBus, MeetingSignal } from './bus.ts';
import { type EventLog, eventRowsAfter, nextEvent, toEvent } from './event-log.ts';
import { eventWrite, projectionWrites } from './projections.ts';

/**
 * One text message for every socket of a room. The transport keeps its encoding of it here (for a
 * WebSocket, the whole frame), so a room of eight costs one encoding and eight writes, not eight of each.
 */
export class SharedMessage {
  encoded: Buffer | undefined;
  constructor(readonly text: string) {}
}

export interface LiveClient {
  readonly personId: string;
  send(message: string | SharedMessage): void;
  close(code: number, reason: string): void;
}

interface Room {
  meetingId: string;
  setId: string;
  state: MeetingState;
  /** The time of the log's last event: a new event is never earlier. */
  lastAt: string | null;
  clients: Set<LiveClient>;
  /** Commands and catch-ups run one at a time per room, so local events are applied in order. */
  queue: Promise<unknown>;
  /** Queued work not yet finished; while there is none, a command is validated at once. */
  pending: number;
  /** Client command ids in the log (actor + id -> seq): a resend is answered, never applied twice. */
  commands: Map<string, number>;
}

const commandKey = (actorId: string, clientCommandId: string) => `${actorId} ${clientCommandId}`;

export interface HubDeps {
  db: Kysely<Database>;
  log: EventLog;
  bus: LiveBus;
  logger: Logger;
  now: () => Date;
  /** The room's frozen setup (the first process to open the room freezes it). */
  loadSetup: (meetingId: string) => Promise<MeetingSetup>;
  /** The setup from the set as it is now: taken again when the meeting starts. */
  buildSetup: (meetingId: string) => Promise<MeetingSetup>;
  /**
   * With one process, a room loaded after a restart knows that anyone still marked present but not
   * reconnected within this time has gone (with several processes only their own process knows).
   */
  stalePresenceAfterMs?: number | undefined;
  /** Commands being validated or committed at once, across rooms, beyond which new ones are refused. */
  maxCommandsUnderway?: number | undefined;
}

/**
 * Far above what a busy morning keeps underway (tens), reached only when commands come faster than
 * they can be committed: refusing the excess as `busy` (the client resends it shortly) keeps the work
 * per command flat, where an unbounded backlog would grow the heap and collapse throughput for all.
 */
const defaultMaxCommandsUnderway = 2000;

/** `retry`: not refused, just not now (the server is stopping); the client keeps it and resends. */
export type SubmitResult =
  | { ok: true; seq: number }
  | { ok: false; refusal: Refusal }
  | { ok: false; retry: true };

type Attempt = SubmitResult | 'behind';

function remember(room: Room, rows: MeetingEventTable[]): void {
  for (const row of rows)
    if (row.client_command_id) room.commands.set(commandKey(row.actor_id, row.client_command_id), row.seq);
}

/** The live rooms this process serves: each holds the reduced state and the sockets subscribed to it. */
export class MeetingHub {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The same rooms once loaded, for the synchronous path. */
  private readonly loaded = new Map<string, Room>();
  private closing = false;
  private underway = 0;

  constructor(private readonly deps: HubDeps) {
    deps.bus.onSignal((signal) => {
      if (signal.kind === 'meeting') this.heard(signal);
      else if (signal.kind === 'revoke') this.revoke(signal.setId, signal.personId);
    });
  }

  private room(meetingId: string): Promise<Room> {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = (async () => {
        const setup = await this.deps.loadSetup(meetingId);
        const rows = await eventRowsAfter(this.deps.db, meetingId, 0);
        const events = rows.map(toEvent);
        const state = events.reduce(reduce, initialState(setup));
        const loaded: Room = {
          meetingId,
          setId: setup.setId,
          state,
          lastAt: events.at(-1)?.at ?? null,
          clients: new Set<LiveClient>(),
          queue: Promise.resolve(),
          pending: 0,
          commands: new Map(),
        };
        remember(loaded, rows);
        if (this.rooms.get(meetingId) === room) this.loaded.set(meetingId, loaded);
        if (this.deps.stalePresenceAfterMs !== undefined && state.present.length) {
          setTimeout(() => void this.clearStalePresence(loaded), this.deps.stalePresenceAfterMs).unref();
        }
        return loaded;
      })();
      room.catch(() => this.forget(meetingId));
      this.rooms.set(meetingId, room);
    }
    return room;
  }

  private forget(meetingId: string): void {
    this.rooms.delete(meetingId);
    this.loaded.delete(meetingId);
  }

  private serialize<T>(room: Room, work: () => Promise<T>): Promise<T> {
    room.pending++;
    const next = room.queue.then(work, work);
    room.queue = next.catch(() => {}).finally(() => room.pending--);
    return next;
  }

  private broadcast(room: Room, events: MeetingEvent[]): void {
    for (const event of events) {
      const message = new SharedMessage(
        JSON.stringify({ t: 'event', meetingId: room.meetingId, event } satisfies ServerMessage),
      );
      for (const client of room.clients) client.send(message);
    }
  }

  private async catchUp(room: Room): Promise<void> {
    const rows = await eventRowsAfter(this.deps.db, room.meetingId, room.state.lastSeq);
    if (!rows.length) return;
    remember(room, rows);
    const missed = rows.map(toEvent);
    if (missed.some((e) => e.command.type === 'meeting.start')) {
      // Another process started the meeting on the set as it was then: take its setup and replay.
      await this.rebase(room, await this.deps.loadSetup(room.meetingId));
      await this.resendSnapshots(room);
      return;
    }
    room.state = missed.reduce(reduce, room.state);
    room.lastAt = missed.at(-1)?.at ?? room.lastAt;
    this.broadcast(room, missed);
  }

  /** The room's state replayed from the whole log over another setup. */
  private async rebase(room: Room, setup: MeetingSetup): Promise<void> {
    const rows = await eventRowsAfter(this.deps.db, room.meetingId, 0);
    remember(room, rows);
    room.state = rows.map(toEvent).reduce(reduce, initialState(setup));
    room.lastAt = rows.at(-1)?.at ?? null;
  }

  /** Everyone in the room starts again from the setup and the whole log. */
  private async resendSnapshots(room: Room): Promise<void> {
    const events = (await eventRowsAfter(this.deps.db, room.meetingId, 0)).map(toEvent);
    const message = new SharedMessage(
      JSON.stringify({
        t: 'snapshot',
        meetingId: room.meetingId,
        setup: room.state.setup,
        events,
        serverTime: this.deps.now().toISOString(),
      } satisfies ServerMessage),
    );
    for (const client of room.clients) client.send(message);
  }

  /**
   * The room may have been opened well before the start: problems brought, actions reported or
   * members added since then belong in it. Starting takes the setup again from the set as it is.
   */
  private async start(
    room: Room,
    client: LiveClient,
    clientCommandId: string | null,
    command: MeetingCommand,
  ): Promise<SubmitResult> {
    await this.catchUp(room);
    if (room.state.status !== 'not-started') return this.retry(room, client, clientCommandId, command, false);
    const before = { state: room.state, lastAt: room.lastAt };
    await this.rebase(room, await this.deps.buildSetup(room.meetingId));
    const result = await this.retry(room, client, clientCommandId, command, false);
    if (!result.ok) {
      room.state = before.state;
      room.lastAt = before.lastAt;
      return result;
    }
    await this.resendSnapshots(room);
    return result;
  }

  /**
   * A meeting's log grew, here or in another process. Our own appends come back too: those rooms have the
   * event already. Another process's event is applied from the signal when it is the room's next one and
   * nothing is queued; otherwise, in turn, from the signal if it still is the next, or from the log.
   */
  private heard(signal: MeetingSignal): void {
    const room = this.loaded.get(signal.meetingId);
    if (room && (room.state.lastSeq >= signal.seq || (room.pending === 0 && this.applyHeard(room, signal))))
      return;
    void this.catchUpIfOpen(signal);
  }

  private async catchUpIfOpen(signal: MeetingSignal): Promise<void> {
    const pending = this.rooms.get(signal.meetingId);
    if (!pending) return;
    const room = await pending;
    await this.serialize(room, async () => {
      if (room.state.lastSeq < signal.seq && !this.applyHeard(room, signal)) await this.catchUp(room);
    }).catch((error) => this.deps.logger.error({ err: error }, 'catch-up failed'));
  }

  /** Applies the signal's event if it is the room's next; a start replays the log (see `catchUp`). */
  private applyHeard(room: Room, { event, clientCommandId }: MeetingSignal): boolean {
    if (!event || event.seq !== room.state.lastSeq + 1 || event.command.type === 'meeting.start')
      return false;
    room.state = reduce(room.state, event);
    room.lastAt = event.at;
    if (clientCommandId) room.commands.set(commandKey(event.actorId, clientCommandId), event.seq);
    this.broadcast(room, [event]);
    return true;
  }

  /** Subscribes an authorised client: sends the setup and every event after `afterSeq`, then marks them present. */
  async join(client: LiveClient, meetingId: string, afterSeq: number): Promise<void> {
    const room = await this.room(meetingId);
    await this.serialize(room, async () => {
      await this.catchUp(room);
      room.clients.add(client);
      const from = Math.min(afterSeq, room.state.lastSeq);
      const events = (await eventRowsAfter(this.deps.db, meetingId, from)).map(toEvent);
      client.send(
        JSON.stringify({
          t: 'snapshot',
          meetingId,
          setup: room.state.setup,
          events,
          serverTime: this.deps.now().toISOString(),
        } satisfies ServerMessage),
      );
    });
    if (!room.state.present.includes(client.personId)) {
      await this.submit(client, meetingId, null, { type: 'presence.join' });
    }
  }

  async leave(client: LiveClient, meetingId: string): Promise<void> {
    const pending = this.rooms.get(meetingId);
    if (!pending || this.closing) return;
    const room = await pending;
    room.clients.delete(client);
    const stillHere = [...room.clients].some((c) => c.personId === client.personId);
    if (!stillHere && room.state.present.includes(client.personId)) {
      await this.leaveQuietly(client, meetingId);
    }
    if (room.clients.size === 0) this.forget(meetingId);
  }

  /**
   * Validates and appends one command. With nothing queued for the room it is validated against the
   * room at once and its append started; commands that arrive meanwhile wait their turn.
   */
  submit(
    client: LiveClient,
    meetingId: string,
    clientCommandId: string | null,
    command: MeetingCommand,
  ): SubmitResult | Promise<SubmitResult> {
    const limit = this.deps.maxCommandsUnderway ?? defaultMaxCommandsUnderway;
    if (this.underway >= limit && !command.type.startsWith('presence.'))
      return { ok: false, refusal: refuse('busy') };
    this.underway++;
    let result: SubmitResult | Promise<SubmitResult>;
    try {
      result = this.submitNow(client, meetingId, clientCommandId, command);
    } catch (error) {
      this.underway--;
      throw error;
    }
    if (!(result instanceof Promise)) {
      this.underway--;
      return result;
    }
    return result.finally(() => {
      this.underway--;
    });
  }

  private submitNow(
    client: LiveClient,
    meetingId: string,
    clientCommandId: string | null,
    command: MeetingCommand,
  ): SubmitResult | Promise<SubmitResult> {
    if (this.closing) return { ok: false, retry: true };
    const room = this.loaded.get(meetingId);
    if (command.type === 'meeting.start') {
      // Queued at once: a command right behind it (often in the same read) must wait for the start.
      const begin = (loaded: Room) =>
        this.serialize(loaded, () => this.start(loaded, client, clientCommandId, command));
      return room ? begin(room) : this.room(meetingId).then(begin);
    }
    if (room && room.pending === 0) {
      const first = this.attempt(room, client, clientCommandId, command);
      if (!(first instanceof Promise) && first !== 'behind') return first;
      return this.serialize(room, async () => {
        const result = await first;
        return result === 'behind' ? this.retry(room, client, clientCommandId, command, true) : result;
      });
    }
    return this.room(meetingId).then((loaded) =>
      this.serialize(loaded, () => this.retry(loaded, client, clientCommandId, command, false)),
    );
  }

  private async retry(
    room: Room,
    client: LiveClient,
    clientCommandId: string | null,
    command: MeetingCommand,
    behind: boolean,
  ): Promise<SubmitResult> {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (behind) await this.catchUp(room);
      const result = await this.attempt(room, client, clientCommandId, command);
      if (result !== 'behind') return result;
      behind = true;
    }
    return { ok: false, refusal: refuse('busy') };
  }

  private attempt(
    room: Room,
    client: LiveClient,
    clientCommandId: string | null,
    command: MeetingCommand,
  ): Attempt | Promise<Attempt> {
    const { meetingId } = room;
    const actorId = client.personId;
    const key = clientCommandId ? commandKey(actorId, clientCommandId) : null;
    const seen = key ? room.commands.get(key) : undefined;
    if (seen !== undefined) return { ok: true, seq: seen };
    const verdict = validateCommand(room.state, actorId, command);
    if (!verdict.ok) return { ok: false, refusal: verdict.refusal };
    const event = nextEvent(room.state.lastSeq, room.lastAt, {
      actorId,
      command,
      at: this.deps.now().toISOString(),
    });
    const next = reduce(room.state, event);
    const writes = [eventWrite(meetingId, event, clientCommandId), ...projectionWrites(next, event)];
    return this.deps.log.append(writes).then((outcome): Attempt => {
      if (outcome === 'behind') return 'behind';
      room.state = next;
      room.lastAt = event.at;
      if (key) room.commands.set(key, event.seq);
      this.broadcast(room, [event]);
      this.deps.bus.publish({ kind: 'meeting', meetingId, seq: event.seq, event, clientCommandId });
      return { ok: true, seq: event.seq };
    });
  }

  /** Presence is best effort: a person who cannot be marked gone is marked at the next change. */
  private async leaveQuietly(client: LiveClient, meetingId: string): Promise<void> {
    try {
      await this.submit(client, meetingId, null, { type: 'presence.leave' });
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not mark someone as gone');
    }
  }

  private async clearStalePresence(room: Room): Promise<void> {
    for (const personId of room.state.present) {
      if ([...room.clients].some((c) => c.personId === personId)) continue;
      const ghost: LiveClient = { personId, send: () => {}, close: () => {} };
      await this.leaveQuietly(ghost, room.meetingId);
    }
  }

  /** Someone left the set: close their subscriptions to its rooms at once. */
  revoke(setId: string, personId: string): void {
    for (const pending of this.rooms.values()) {
      void pending.then((room) => {
        if (room.setId !== setId) return;
        for (const client of room.clients) {
          if (client.personId === personId) {
            room.clients.delete(client);
            client.close(4403, 'You are no longer a member of this set.');
          }
        }
      });
    }
  }

  /**
   * Stops taking commands and lets running ones finish. Presence is left as it is: after a restart
   * people reconnect and the room carries on where it was.
   */
  async close(): Promise<void> {
    this.closing = true;
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    await Promise.allSettled(rooms.map((r) => (r.status === 'fulfilled' ? r.value.queue : undefined)));
  }

  /**
   * Who is in a meeting's live room now (read-only). A room open in this process answers from its state.
   * With one process, a room not open here has nobody in it; with several, it may be open elsewhere, and
   * presence is in the log like every other event, so the log is replayed (nothing is kept or changed).
   */
  async presentIn(meetingId: string): Promise<readonly string[]> {
    const open = this.rooms.get(meetingId);
    if (open) return (await open).state.present;
    if (this.deps.stalePresenceAfterMs !== undefined) return [];
    const rows = await eventRowsAfter(this.deps.db, meetingId, 0);
    if (!rows.length) return [];
    const setup = await this.deps.loadSetup(meetingId);
    return rows.map(toEvent).reduce(reduce, initialState(setup)).present;
  }

  stateOf(meetingId: string): Promise<MeetingState> | undefined {
    return this.rooms.get(meetingId)?.then((room) => room.state);
  }
}
