import { useCallback, useEffect, useRef, useState } from 'react';
import type { Refusal } from '../../../../domain/meeting/refusals.ts';
import type { MeetingCommand, MeetingState } from '../../../../domain/meeting/types.ts';
import { LiveConnection, type LiveStatus, type SocketLike } from '../../../live/connection.ts';
import { localPendingStore } from './pending-store.ts';

export interface LiveMeeting {
  state: MeetingState | null;
  status: LiveStatus;
  /** A refusal from the server not yet dismissed (the rules changed between click and arrival). */
  refusal: Refusal | null;
  send(command: MeetingCommand): void;
  dismissRefusal(): void;
}

const initialStatus: LiveStatus = {
  connection: 'connecting',
  clockOffsetMs: 0,
  pending: 0,
  lastRefusal: null,
  error: null,
};

/** crypto.randomUUID exists only in secure contexts (https, localhost); plain http on a LAN still works. */
export function commandId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function liveUrl(): string {
  return `${window.location.origin.replace(/^http/, 'ws')}/api/live`;
}

/** Joins a meeting's live room for as long as the component is mounted. */
export function useLiveMeeting(meetingId: string | null, personId: string): LiveMeeting {
  const [state, setState] = useState<MeetingState | null>(null);
  const [status, setStatus] = useState<LiveStatus>(initialStatus);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const connection = useRef<LiveConnection | null>(null);

  useEffect(() => {
    if (!meetingId) return;
    const live = new LiveConnection({
      url: liveUrl(),
      meetingId,
      openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      pendingStore: localPendingStore(personId),
      newId: commandId,
      onState: setState,
      onStatus: (next) => {
        setStatus(next);
        if (next.lastRefusal !== null) {
          setRefusal(next.lastRefusal);
          // Forget it on the connection, so the same sentence for a later command shows again.
          live.status = { ...live.status, lastRefusal: null };
        }
      },
    });
    connection.current = live;
    return () => {
      live.close();
      if (connection.current === live) connection.current = null;
    };
  }, [meetingId, personId]);

  const send = useCallback((command: MeetingCommand) => {
    setRefusal(null);
    connection.current?.send(command);
  }, []);
  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return { state, status, refusal, send, dismissRefusal };
}
