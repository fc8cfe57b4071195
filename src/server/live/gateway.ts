import type { Socket } from 'node:net';
import websocket from '@fastify/websocket';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import {
  type ClientMessage,
  clientMessage,
  commandEnvelope,
  type ServerMessage,
} from '../../contract/live.ts';
import { can } from '../../domain/access.ts';
import { refuse } from '../../domain/meeting/refusals.ts';
import { closedSentence } from '../../domain/programme-lifecycle.ts';
import { loadActor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { meetingSetResource } from '../features/meetings/service.ts';
import { frameOf } from './frame.ts';
import type { LiveClient, MeetingHub, SubmitResult } from './hub.ts';
import { refusalSentence } from './refusal-text.ts';
import { type SessionSocket, SocketSessions, sessionEndedClose } from './socket-sessions.ts';

const maxMessagesPerSecond = 30;

/**
 * The live socket: GET /api/live upgrades for signed-in people only (the session hook answers 401
 * first). Joining a meeting's room checks the access map against the database each time; only the
 * set's members and facilitator get in. A socket lives no longer than the session it was opened with.
 */
export async function registerLiveGateway(
  app: FastifyInstance,
  ctx: AppContext,
  hub: MeetingHub,
  allowedOrigins: string[],
): Promise<void> {
  // Upgrade requests refused before the handshake (e.g. 401) keep their raw socket outside both the
  // HTTP server's and ws's bookkeeping; track them so shutdown can end them too.
  const upgrading = new Set<import('node:stream').Duplex>();
  app.server.on('upgrade', (_request, socket) => {
    upgrading.add(socket);
    socket.once('close', () => upgrading.delete(socket));
  });
  const sessions = new SocketSessions();
  ctx.bus.onSignal((signal) => {
    if (signal.kind === 'session-ended') sessions.end(signal.sessionId);
  });
  const sweep = setInterval(() => {
    sessions
      .sweep(ctx.store.plain, ctx.now())
      .catch((error) => app.log.warn({ err: error }, 'session sweep failed'));
  }, ctx.config.liveSessionSweepMs);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
  await app.register(websocket, {
    // Without compression ws writes every frame at once and in order, so a room's shared frames can go
    // straight onto the socket between its own.
    options: { maxPayload: 64 * 1024, perMessageDeflate: false },
    // On shutdown drop sockets at once: clients reconnect to the next process and resume from the log.
    preClose(done) {
      for (const client of this.websocketServer.clients) client.terminate();
      for (const socket of upgrading) socket.destroy();
      this.websocketServer.close();
      done();
    },
  });

  app.get('/api/live', { websocket: true, schema: { hide: true } }, (socket: WebSocket, request) => {
    const actor = request.actor;
    if (actor.kind !== 'person') {
      socket.close(4401, 'Please sign in.');
      return;
    }
    // Another site's page could open this socket with the member's cookies: only our own pages may.
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.includes(origin)) {
      socket.close(4403, 'Connections from other sites are refused.');
      return;
    }
    const sessionId = request.sessionId!;
    const closer: SessionSocket = { close: (code, reason) => socket.close(code, reason) };
    sessions.add(sessionId, closer);
    socket.on('close', () => sessions.remove(sessionId, closer));
    serveSocket(socket, actor.personId, sessionId, request.log, ctx, hub, actor.language);
  });
}

/**
 * One signed-in person's socket. Kept apart from the upgrade request so that the 8,000 sockets of a
 * busy morning do not each keep their request (headers, session) alive.
 */
function serveSocket(
  socket: WebSocket,
  personId: string,
  sessionId: string,
  log: FastifyBaseLogger,
  ctx: AppContext,
  hub: MeetingHub,
  /** The person's language, for the reasons given with refusals (the web app shows its own words by code). */
  language = 'en',
) {
  const joined = new Set<string>();
  // ws's own TCP socket (ws has used this field for years; there is no public handle for corking).
  const wire = (socket as unknown as { _socket?: Socket })._socket;
  const send = (message: ServerMessage) =>
    socket.readyState === socket.OPEN && socket.send(JSON.stringify(message));
  const client: LiveClient = {
    personId,
    send: (message) => {
      if (socket.readyState !== socket.OPEN) return;
      if (typeof message === 'string') socket.send(message);
      else if (wire) wire.write(frameOf(message));
      else socket.send(message.text);
    },
    close: (code, reason) => socket.close(code, reason),
  };
  let windowStart = Date.now();
  let inWindow = 0;
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, 30_000);
  socket.on('pong', () => {
    alive = true;
  });

  send({ t: 'welcome', personId, serverTime: ctx.now().toISOString() });

  const failed = (error: unknown) => {
    log.error({ err: error }, 'live message failed');
    send({
      t: 'error',
      code: 'bad-message',
      detail: 'Revans could not handle that message; nothing was changed.',
    });
  };
  const answer = (id: string, result: SubmitResult) => {
    if (result.ok) send({ t: 'ack', id, seq: result.seq });
    else if ('refusal' in result) {
      const { code, params } = result.refusal;
      const reason = refusalSentence(ctx.i18n, result.refusal, language);
      send({ t: 'nack', id, code, ...(params ? { params } : {}), reason });
    }
  };

  const notJoined = (meetingId: string) =>
    send({ t: 'error', code: 'not-found', meetingId, detail: 'Join the meeting before sending to it.' });

  const handle = async (parsed: Exclude<ClientMessage, { t: 'cmd' }>) => {
    if (parsed.t === 'ping') {
      send({ t: 'pong', c: parsed.c, s: ctx.now().getTime() });
    } else if (parsed.t === 'join') {
      // Fresh from the database on every join: a member removed or signed out a minute ago is refused.
      if (!(await sessionIsLive(ctx, sessionId))) {
        socket.close(sessionEndedClose.code, sessionEndedClose.reason);
        return;
      }
      const fresh = await loadActor(ctx.store.plain, (await userIdOf(ctx, personId)) ?? '');
      const set = await meetingSetResource(ctx, parsed.meetingId).catch(() => undefined);
      if (!fresh || !set || !can(fresh.actor, 'meeting.join', set)) {
        send({
          t: 'error',
          code: 'not-found',
          meetingId: parsed.meetingId,
          detail: 'There is no meeting here, or you cannot see it.',
        });
        return;
      }
      // A closed programme's rooms do not open again; records stay readable through the API.
      if (set.programmeClosed) {
        send({ t: 'error', code: 'programme-closed', meetingId: parsed.meetingId, detail: closedSentence });
        return;
      }
      joined.add(parsed.meetingId);
      await hub.join(client, parsed.meetingId, parsed.afterSeq);
    } else if (parsed.t === 'leave') {
      joined.delete(parsed.meetingId);
      await hub.leave(client, parsed.meetingId);
    }
  };

  socket.on('message', (raw) => {
    const now = Date.now();
    if (now - windowStart > 1000) {
      windowStart = now;
      inWindow = 0;
    }
    if (++inWindow > maxMessagesPerSecond) {
      send({ t: 'error', code: 'rate-limited', detail: 'Too many messages; slow down a little.' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(String(raw));
    } catch {
      json = undefined;
    }
    const message = clientMessage.safeParse(json);
    if (!message.success) {
      // A command the room does not know, or not in its shape, is refused for its id (the client
      // stops resending it); anything else is a message not understood.
      const envelope = commandEnvelope.safeParse(json);
      if (!envelope.success) {
        send({ t: 'error', code: 'bad-message', detail: 'That message was not understood.' });
      } else if (!joined.has(envelope.data.meetingId)) notJoined(envelope.data.meetingId);
      else answer(envelope.data.id, { ok: false, refusal: refuse('unknownRequest') });
      return;
    }
    const parsed = message.data;
    if (parsed.t !== 'cmd') {
      handle(parsed).catch(failed);
      return;
    }
    if (!joined.has(parsed.meetingId)) {
      notJoined(parsed.meetingId);
      return;
    }
    // Commands are answered without a detour through promises when the room can answer at once.
    // The sender gets the event and then its ack: held back until the ack, both leave in one write.
    const id = parsed.id;
    wire?.cork();
    const done = () => wire?.uncork();
    try {
      const result = hub.submit(client, parsed.meetingId, id, parsed.command);
      if (result instanceof Promise)
        result.then(
          (r) => {
            answer(id, r);
            done();
          },
          (error) => {
            failed(error);
            done();
          },
        );
      else {
        answer(id, result);
        done();
      }
    } catch (error) {
      failed(error);
      done();
    }
  });

  socket.on('close', () => {
    clearInterval(heartbeat);
    for (const meetingId of joined) void hub.leave(client, meetingId).catch(() => {});
  });
}

async function userIdOf(ctx: AppContext, personId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('person')
    .select('userId')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.userId ?? null;
}

async function sessionIsLive(ctx: AppContext, sessionId: string): Promise<boolean> {
  // The accounts library's tables name their columns in camelCase already: read them without the plugin.
  const row = await ctx.store.plain
    .selectFrom('session')
    .select('expiresAt')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row !== undefined && new Date(row.expiresAt) > ctx.now();
}
