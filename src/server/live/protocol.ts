import type { RefusalCode, RefusalParams } from '../../domain/meeting/refusals.ts';
import type { MeetingCommand, MeetingEvent, MeetingSetup } from '../../domain/meeting/types.ts';

/** What a browser sends over the live socket. */
export type ClientMessage =
  | { t: 'join'; meetingId: string; afterSeq: number }
  | { t: 'leave'; meetingId: string }
  /** `id` is the client's own id for the command, so a resend after a dropped connection applies once. */
  | { t: 'cmd'; meetingId: string; id: string; command: MeetingCommand }
  | { t: 'ping'; c: number };

/** What the server sends. */
export type ServerMessage =
  | { t: 'welcome'; personId: string; serverTime: string }
  | { t: 'snapshot'; meetingId: string; setup: MeetingSetup; events: MeetingEvent[]; serverTime: string }
  | { t: 'event'; meetingId: string; event: MeetingEvent }
  | { t: 'ack'; id: string; seq: number }
  /** A refused command: its code and values for clients that translate, and the sentence in English. */
  | { t: 'nack'; id: string; code: RefusalCode; params?: RefusalParams; reason: string }
  | {
      t: 'error';
      code: 'bad-message' | 'not-found' | 'unauthenticated' | 'rate-limited';
      detail: string;
      meetingId?: string;
    }
  | { t: 'pong'; c: number; s: number };
