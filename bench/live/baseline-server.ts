/**
 * The live benchmark's baseline: a bare `ws` server speaking the same wire protocol as /api/live, with
 * rooms and nothing else (no sign-in, no rules, no database). A command comes back to its room as an
 * event of the same shape and size as Revans' own, then an ack, so the same clients time both alike.
 * Usage: node --import tsx bench/live/baseline-server.ts PORT
 */
import { randomUUID } from 'node:crypto';
import { type WebSocket, WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 0);
const rooms = new Map<string, { seq: number; sockets: Set<WebSocket> }>();
const server = new WebSocketServer({ host: '127.0.0.1', port, path: '/api/live', maxPayload: 64 * 1024 });

server.on('connection', (socket, request) => {
  const personId = new URL(request.url ?? '/', 'http://x').searchParams.get('p') ?? randomUUID();
  const joined = new Set<string>();
  socket.send(JSON.stringify({ t: 'welcome', personId, serverTime: new Date().toISOString() }));
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw));
    if (message.t === 'join') {
      let room = rooms.get(message.meetingId);
      if (!room) {
        room = { seq: 0, sockets: new Set() };
        rooms.set(message.meetingId, room);
      }
      room.sockets.add(socket);
      joined.add(message.meetingId);
      socket.send(
        JSON.stringify({
          t: 'snapshot',
          meetingId: message.meetingId,
          setup: { meetingId: message.meetingId },
          events: [],
          serverTime: new Date().toISOString(),
        }),
      );
    } else if (message.t === 'cmd') {
      const room = rooms.get(message.meetingId);
      if (!room || !joined.has(message.meetingId)) return;
      const event = {
        seq: ++room.seq,
        at: new Date().toISOString(),
        actorId: personId,
        command: message.command,
        ...(message.command.type === 'question.add' ? { ids: { questionId: randomUUID() } } : {}),
      };
      const text = JSON.stringify({ t: 'event', meetingId: message.meetingId, event });
      for (const s of room.sockets) s.send(text);
      socket.send(JSON.stringify({ t: 'ack', id: message.id, seq: event.seq }));
    } else if (message.t === 'ping') {
      socket.send(JSON.stringify({ t: 'pong', c: message.c, s: Date.now() }));
    }
  });
  socket.on('close', () => {
    for (const meetingId of joined) {
      const room = rooms.get(meetingId);
      room?.sockets.delete(socket);
      if (room && room.sockets.size === 0) rooms.delete(meetingId);
    }
  });
});
server.on('listening', () => console.log(`baseline listening on ${port}`));
process.on('SIGTERM', () => process.exit(0));
