import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { validateCommand } from '../../domain/meeting/permissions.ts';
import { initialState, reduce } from '../../domain/meeting/reducer.ts';
import type { MeetingCommand, MeetingEvent, MeetingSetup, MeetingState } from '../../domain/meeting/types.ts';
import type { Database } from '../store/schema.ts';
import type { LiveBus } from './bus.ts';
import { appendEvent, eventsAfter } from './event-log.ts';
import type { ServerMessage } from './protocol.ts';

export interface LiveClient {
  readonly personId: string;
  send(message: string): void;
  close(code: number, reason: string): void;
}

interface Room {
  meetingId: string;
  setId: string;
  state: MeetingState;
  clients: Set<LiveClient>;
  /** Commands and catch-ups run one at a time per room, so local events are applied in order. */
  queue: Promise<unknown>;
}

export interface HubDeps {
  db: Kysely<Database>;
  bus: LiveBus;
  logger: Logger;
  now: () => Date;
  loadSetup: (meetingId: string) => Promise<MeetingSetup>;
  /**
   * With one process, a room loaded after a restart knows that anyone still marked present but not
   * reconnected within this time has gone (with several processes only their own process knows).
   */
  stalePresenceAfterMs?: number | undefined;
}

/** `retry`: not refused, just not now (the server is stopping); the client keeps it and resends. */
export type SubmitResult = { ok: true; seq: number } | { ok: false; reason: string; retry?: boolean };

/** The live rooms this process serves: each holds the reduced state and the sockets subscribed to it. */
export class MeetingHub {
  private readonly rooms = new Map<string, Promise<Room>>();
  private closing = false;

  constructor(private readonly deps: HubDeps) {
    deps.bus.onSignal((signal) => {
      if (signal.kind === 'meeting') void this.catchUpIfOpen(signal.meetingId, signal.seq);
      else this.revoke(signal.setId, signal.personId);
    });
  }

  private room(meetingId: string): Promise<Room> {
    let room = this.rooms.get(meetingId);
    if (!room) {
      room = (async () => {
        const setup = await this.deps.loadSetup(meetingId);
        const events = await eventsAfter(this.deps.db, meetingId, 0);
        const state = events.reduce(reduce, initialState(setup));
        const loaded: Room = {
          meetingId,
          setId: setup.setId,
          state,
          clients: new Set<LiveClient>(),
          queue: Promise.resolve(),
        };
        if (this.deps.stalePresenceAfterMs !== undefined && state.present.length) {
          setTimeout(() => void this.clearStalePresence(loaded), this.deps.stalePresenceAfterMs).unref();
        }
        return loaded;
      })();
      room.catch(() => this.rooms.delete(meetingId));
      this.rooms.set(meetingId, room);
    }
    return room;
  }

  private serialize<T>(room: Room, work: () => Promise<T>): Promise<T> {
    const next = room.queue.then(work, work);
    room.queue = next.catch(() => {});
    return next;
  }

  private broadcast(room: Room, events: MeetingEvent[]): void {
    for (const event of events) {
      const text = JSON.stringify({ t: 'event', meetingId: room.meetingId, event } satisfies ServerMessage);
      for (const client of room.clients) client.send(text);
    }
  }

  private async catchUp(room: Room): Promise<void> {
    const missed = await eventsAfter(this.deps.db, room.meetingId, room.state.lastSeq);
    if (!missed.length) return;
    room.state = missed.reduce(reduce, room.state);
    this.broadcast(room, missed);
  }

  private async catchUpIfOpen(meetingId: string, seq: number): Promise<void> {
    const pending = this.rooms.get(meetingId);
    if (!pending) return;
    const room = await pending;
    if (room.state.lastSeq >= seq) return;
    await this.serialize(room, () => this.catchUp(room)).catch((error) =>
      this.deps.logger.error({ err: error }, 'catch-up failed'),
    );
  }

  /** Subscribes an authorised client: sends the setup and every event after `afterSeq`, then marks them present. */
  async join(client: LiveClient, meetingId: string, afterSeq: number): Promise<void> {
    const room = await this.room(meetingId);
    await this.serialize(room, async () => {
      await this.catchUp(room);
      room.clients.add(client);
      const events = await eventsAfter(this.deps.db, meetingId, Math.min(afterSeq, room.state.lastSeq));
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
      await this.submit(client, meetingId, null, { type: 'presence.leave' }).catch(() => {});
    }
    if (room.clients.size === 0) this.rooms.delete(meetingId);
  }

  async submit(
    client: LiveClient,
    meetingId: string,
    clientCommandId: string | null,
    command: MeetingCommand,
  ): Promise<SubmitResult> {
    if (this.closing) return { ok: false, reason: 'Revans is restarting.', retry: true };
    const room = await this.room(meetingId);
    return this.serialize(room, async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const verdict = validateCommand(room.state, client.personId, command);
        if (!verdict.ok) return { ok: false, reason: verdict.reason } as const;
        const result = await appendEvent(this.deps.db, room.state, {
          actorId: client.personId,
          command,
          clientCommandId,
          at: this.deps.now().toISOString(),
        });
        if (result.kind === 'duplicate') return { ok: true, seq: result.seq } as const;
        if (result.kind === 'behind') {
          await this.catchUp(room);
          continue;
        }
        room.state = result.state;
        this.broadcast(room, [result.event]);
        this.deps.bus.publish({ kind: 'meeting', meetingId, seq: result.event.seq });
        return { ok: true, seq: result.event.seq } as const;
      }
      return { ok: false, reason: 'The meeting is very busy; please try again.' } as const;
    });
  }

  private async clearStalePresence(room: Room): Promise<void> {
    for (const personId of room.state.present) {
      if ([...room.clients].some((c) => c.personId === personId)) continue;
      const ghost: LiveClient = { personId, send: () => {}, close: () => {} };
      await this.submit(ghost, room.meetingId, null, { type: 'presence.leave' }).catch(() => {});
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

  stateOf(meetingId: string): Promise<MeetingState> | undefined {
    return this.rooms.get(meetingId)?.then((room) => room.state);
  }
}
