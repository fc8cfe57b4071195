import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serverMessage } from '../../src/contract/live.ts';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import { memoryPendingStore } from '../../src/web/live/connection.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { liveClient, type TestLiveClient } from '../support/live.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

/** Opens a raw socket and collects every message until closed or the time runs out. */
async function rawSession(url: string, headers: Record<string, string>, messages: object[], ms = 800) {
  const received: {
    data: unknown[];
    closed: { code: number; reason: string } | null;
    status: number | null;
  } = { data: [], closed: null, status: null };
  await new Promise<void>((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (req, res) => {
      received.status = res.statusCode ?? null;
      req.destroy();
      resolve();
    });
    socket.on('open', () => {
      for (const m of messages) socket.send(JSON.stringify(m));
      setTimeout(() => {
        socket.close();
        resolve();
      }, ms);
    });
    socket.on('message', (data) => received.data.push(JSON.parse(String(data))));
    socket.on('close', (code, reason) => {
      received.closed = { code, reason: String(reason) };
      resolve();
    });
    socket.on('error', () => resolve());
  });
  return received;
}

/** Joins the room on a raw socket, sends one command once the snapshot is in, and returns its answer. */
function refusedRaw(base: string, cookie: string, meetingId: string, command: MeetingCommand) {
  return new Promise<unknown>((resolve, reject) => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/live`, {
      headers: { cookie, origin: 'http://localhost:3000' },
    });
    const timer = setTimeout(() => reject(new Error('no answer to the command')), 5000);
    socket.on('open', () => socket.send(JSON.stringify({ t: 'join', meetingId, afterSeq: 0 })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { t: string };
      if (message.t === 'snapshot')
        socket.send(JSON.stringify({ t: 'cmd', meetingId, id: 'raw-1', command }));
      if (message.t === 'nack' || message.t === 'ack') {
        clearTimeout(timer);
        socket.close();
        resolve(message);
      }
    });
  });
}

/**
 * Joins the room on a raw socket and, once the snapshot is in, sends each message as it is (strings
 * as they are, anything else as JSON); resolves with everything received once `answers` more messages
 * came after the snapshot.
 */
function rawAfterJoin(base: string, cookie: string, meetingId: string, messages: unknown[], answers: number) {
  return new Promise<{ t: string; [key: string]: unknown }[]>((resolve, reject) => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/live`, {
      headers: { cookie, origin: 'http://localhost:3000' },
    });
    const received: { t: string; [key: string]: unknown }[] = [];
    let afterSnapshot = -1;
    const timer = setTimeout(() => reject(new Error(`only these came: ${JSON.stringify(received)}`)), 5000);
    socket.on('open', () => socket.send(JSON.stringify({ t: 'join', meetingId, afterSeq: 0 })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      received.push(message);
      if (afterSnapshot >= 0) afterSnapshot++;
      if (message.t === 'snapshot' && afterSnapshot < 0) {
        afterSnapshot = 0;
        for (const m of messages) socket.send(typeof m === 'string' ? m : JSON.stringify(m));
      }
      if (afterSnapshot === answers) {
        clearTimeout(timer);
        socket.close();
        resolve(received);
      }
    });
  });
}

describe.each(storeKinds)('the live room on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;
  let meetingId: string;
  const clients: TestLiveClient[] = [];
  const join = (role: Role, options = {}) => {
    const client = liveClient(base, meetingId, w.cookies[role], options);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    const meeting = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/meetings`,
      cookie: w.cookies.facilitatorA,
      payload: { localStart: '2027-01-20T10:00', timeZone: 'Europe/London' },
    });
    meetingId = meeting.json().id;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  it('shows everyone in the set the same meeting as it happens', async () => {
    const facilitator = join('facilitatorA');
    const member = join('memberA');
    const other = join('memberA2');
    await facilitator.until((s) => s.present.length === 3);
    // Opened early: a problem brought between the opening and the start is in the meeting.
    const title = 'Partnership with the county council';
    expect(member.connection.state!.setup.problems.map((p) => p.title)).not.toContain(title);
    const brought = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/problems`,
      cookie: w.cookies.memberA,
      payload: {
        title,
        story: 'Two years of talks and no agreement on who leads.',
        kind: 'work-project',
        intake: { real: true, current: true, openEnded: true, mineToActOn: true },
      },
    });
    expect(brought.statusCode).toBe(201);
    facilitator.send({ type: 'meeting.start' });
    const started = await member.until(
      (s) => s.status === 'live' && s.setup.problems.some((p) => p.title === title),
    );
    expect(started.stageIndex).toBe(0);
    expect((await other.until((s) => s.status === 'live')).present).toHaveLength(3);
    const stored = await t.ctx.store.plain
      .selectFrom('meeting')
      .select('setup_json')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.setup_json!).problems.map((p: { title: string }) => p.title)).toContain(title);
    facilitator.send({ type: 'stage.goto', index: 1 });
    await member.until((s) => s.setup.agenda[s.stageIndex ?? -1]?.key === 'check-in');
    member.send({ type: 'checkin.say', text: 'Tired but glad to be here.' });
    const seen = await other.until((s) => s.checkIns[w.people.memberA] !== undefined);
    expect(seen.checkIns[w.people.memberA]).toBe('Tired but glad to be here.');
    const target = seen.lastSeq;
    const states = await Promise.all(
      [facilitator, member, other].map((c) => c.until((s) => s.lastSeq >= target)),
    );
    expect(states.map((s) => s.lastSeq)).toEqual([target, target, target]);
    expect(states[0]).toEqual(states[2]);
  });

  it('refuses a command the rules do not allow, with a code and a sentence, and logs nothing', async () => {
    const member = join('memberA2');
    await member.until((s) => s.status === 'live');
    const before = member.connection.state!.lastSeq;
    member.send({ type: 'stage.goto', index: 4 });
    const status = await member.untilStatus((s) => s.lastRefusal !== null);
    expect(status.lastRefusal).toEqual({ code: 'controls.stageGoto', params: { context: 'facilitated' } });
    // A client that does not translate codes gets the English sentence from the server's catalogue.
    const nack = await refusedRaw(base, w.cookies.memberA2, meetingId, { type: 'stage.goto', index: 4 });
    expect(nack).toEqual({
      t: 'nack',
      id: 'raw-1',
      code: 'controls.stageGoto',
      params: { context: 'facilitated' },
      reason: 'Only the facilitator or the chair can move between stages.',
    });
    const rows = await t.ctx.store.plain
      .selectFrom('meeting_event')
      .select('seq')
      .where('meeting_id', '=', meetingId)
      .execute();
    expect(Math.max(...rows.map((r) => r.seq))).toBe(before);
  });

  it('refuses a command not in its shape for its id, answers a message it cannot read, and logs nothing', async () => {
    const member = join('memberA2');
    await member.until((s) => s.status === 'live');
    const before = member.connection.state!;
    const cmd = (id: string, command: unknown) => ({ t: 'cmd', meetingId, id, command });
    const malformed = [
      cmd('m-1', { type: 'checkin.say', text: 42 }),
      cmd('m-2', { type: 'timer.extend', minutes: 'ten' }),
      cmd('m-3', { type: 'hand.clear' }),
      cmd('m-4', { type: 'rules.show', shown: 'yes' }),
      cmd('m-5', { type: 'report.outcome', actionId: 'a', outcome: 'maybe' }),
      cmd('m-6', { type: 'nonsense' }),
      cmd('m-7', 'hand.raise'),
      cmd('m-8', null),
    ];
    const unreadable = [
      'not json',
      { t: 'cmd', meetingId, command: { type: 'hand.raise' } },
      { ...cmd('m-9', { type: 'hand.raise' }), extra: true },
      { t: 'cmd', meetingId: 'not-a-meeting', id: 'm-10', command: { type: 'hand.raise' } },
      { t: 'shout' },
    ];
    const received = await rawAfterJoin(
      base,
      w.cookies.memberA2,
      meetingId,
      [...malformed, ...unreadable],
      malformed.length + unreadable.length,
    );
    const answers = received.slice(received.findIndex((m) => m.t === 'snapshot') + 1);
    expect(answers.filter((m) => m.t === 'nack')).toEqual(
      malformed.map((m) => ({
        t: 'nack',
        id: m.id,
        code: 'unknownRequest',
        reason: 'The meeting does not know that request.',
      })),
    );
    expect(answers.filter((m) => m.t === 'error')).toEqual(
      unreadable.map(() => ({ t: 'error', code: 'bad-message', detail: 'That message was not understood.' })),
    );
    // Everything the server sent is in the shape the contract describes, the snapshot's whole log too.
    for (const message of received) expect(serverMessage.safeParse(message).error).toBeUndefined();
    // memberA2 was already in the room: the raw socket's coming and going adds no event either.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rows = await t.ctx.store.plain
      .selectFrom('meeting_event')
      .select('seq')
      .where('meeting_id', '=', meetingId)
      .execute();
    expect(Math.max(...rows.map((r) => r.seq))).toBe(before.lastSeq);
    expect(member.connection.state).toEqual(before);
  });

  it('refuses text holding a NUL character in every room command, and the room goes on', async () => {
    const member = join('memberA2');
    await member.until((s) => s.status === 'live');
    const before = member.connection.state!;
    const nul = 'Tired\u0000 but here';
    const cmd = (id: string, command: unknown) => ({ t: 'cmd', meetingId, id, command });
    const refused = [
      cmd('n-1', { type: 'checkin.say', text: nul }),
      cmd('n-2', { type: 'question.add', text: nul }),
      cmd('n-3', { type: 'action.add', text: nul }),
      cmd('n-4', { type: 'problem.new', title: nul, statement: 'A statement' }),
    ];
    const received = await rawAfterJoin(
      base,
      w.cookies.memberA2,
      meetingId,
      [
        ...refused,
        cmd('n\u0000-5', { type: 'hand.raise' }),
        cmd('n-6', { type: 'checkin.say', text: 'Here.' }),
      ],
      refused.length + 2,
    );
    const answers = received.slice(received.findIndex((m) => m.t === 'snapshot') + 1);
    expect(answers[0]).toEqual({
      t: 'nack',
      id: 'n-1',
      code: 'text.nulCharacter',
      params: { context: 'checkIn' },
      reason: 'This contains a character Revans cannot keep (U+0000, the NUL character); please remove it.',
    });
    // Whatever else the rules say first (it is not the member's turn to ask or act), none gets through.
    expect(answers.slice(0, refused.length).map((m) => m.t)).toEqual(refused.map(() => 'nack'));
    // A command id holding a NUL is a message not understood; the room still takes the next command.
    expect(answers).toContainEqual({
      t: 'error',
      code: 'bad-message',
      detail: 'That message was not understood.',
    });
    const checkedIn = await member.until((s) => s.checkIns[w.people.memberA2] === 'Here.');
    expect(checkedIn.lastSeq).toBe(before.lastSeq + 1);
    expect(Object.values(checkedIn.checkIns).join(' ')).not.toContain('\u0000');
  });

  it('catches a reconnecting client up and applies a resent command once', async () => {
    const store = memoryPendingStore();
    // A command typed while offline waits in the store and goes out when the socket opens.
    store.save(meetingId, [
      { id: 'offline-1', command: { type: 'checkin.say', text: 'Typed on the train.' } },
    ]);
    const late = join('memberA2', { pendingStore: store });
    await late.until((s) => s.checkIns[w.people.memberA2] === 'Typed on the train.');
    late.close();
    const again = join('memberA2', {
      pendingStore: {
        load: () => [{ id: 'offline-1', command: { type: 'checkin.say', text: 'Typed on the train.' } }],
        save: () => {},
      },
    });
    await again.untilStatus((s) => s.pending === 0 || s.connection === 'open');
    await again.until((s) => s.checkIns[w.people.memberA2] !== undefined);
    await new Promise((r) => setTimeout(r, 300));
    const checkins = await t.ctx.store.plain
      .selectFrom('meeting_event')
      .select('command_json')
      .where('meeting_id', '=', meetingId)
      .where('client_command_id', '=', 'offline-1')
      .execute();
    expect(checkins).toHaveLength(1);
  });

  it('answers a resent stage move as done, although moving there again would be refused', async () => {
    // The chair's move went through, but the acknowledgement was lost with the connection.
    const moved = { id: 'offline-goto', command: { type: 'stage.goto', index: 2 } as MeetingCommand };
    const store = memoryPendingStore();
    store.save(meetingId, [moved]);
    const again = join('facilitatorA', { pendingStore: store });
    await again.until((s) => s.stageIndex === 2);
    again.close();
    const resend = memoryPendingStore();
    resend.save(meetingId, [moved]);
    const third = join('facilitatorA', { pendingStore: resend });
    const status = await third.untilStatus((s) => s.connection === 'open' && s.pending === 0);
    expect(status.lastRefusal).toBeNull();
    const rows = await t.ctx.store.plain
      .selectFrom('meeting_event')
      .select('seq')
      .where('meeting_id', '=', meetingId)
      .where('client_command_id', '=', 'offline-goto')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('lets no coordinator, admin, other set member or anonymous client into the room', async () => {
    const url = `${base.replace('http', 'ws')}/api/live`;
    const joinMessage = { t: 'join', meetingId, afterSeq: 0 };
    for (const role of ['coordinator', 'admin', 'memberB', 'outsider'] as Role[]) {
      const session = await rawSession(url, { cookie: w.cookies[role], origin: 'http://localhost:3000' }, [
        joinMessage,
      ]);
      const kinds = session.data.map((m) => (m as { t: string }).t);
      expect(kinds, role).toEqual(['welcome', 'error']);
      expect(JSON.stringify(session.data)).not.toContain('Tired but glad');
    }
    const anonymous = await rawSession(url, { origin: 'http://localhost:3000' }, [joinMessage]);
    expect(anonymous.status).toBe(401);
    expect(anonymous.data).toEqual([]);
    const crossSite = await rawSession(url, { cookie: w.cookies.memberA, origin: 'https://evil.example' }, [
      joinMessage,
    ]);
    expect(crossSite.closed?.code).toBe(4403);
    expect(JSON.stringify(crossSite.data)).not.toContain('Tired but glad');
  });

  it('closes the room to someone taken out of the set, at once', async () => {
    const leaving = join('memberA2');
    await leaving.until((s) => s.status === 'live');
    const removed = await t.call({
      method: 'DELETE',
      url: `/api/sets/${w.setA}/members/${w.people.memberA2}`,
      cookie: w.cookies.coordinator,
    });
    expect(removed.statusCode).toBe(200);
    const status = await leaving.untilStatus((s) => s.connection === 'closed');
    // The page says so in the reader's language: `meeting.live.error.forbidden`.
    expect(status.error).toBe('forbidden');
  });
});

describe('the live room when more commands come than it can commit', () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let meetingId: string;

  beforeAll(async () => {
    // No room at all for commands underway: every one is answered busy, as under a real overload.
    t = await createTestApp('sqlite', { liveMaxUnderway: 0 });
    w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const meeting = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/meetings`,
      cookie: w.cookies.facilitatorA,
      payload: { localStart: '2027-01-20T10:00', timeZone: 'Europe/London' },
    });
    meetingId = meeting.json().id;
  });
  afterAll(() => t.close());

  it('answers busy, changes nothing, and the web client keeps the command to send again', async () => {
    const nack = await refusedRaw(base, w.cookies.facilitatorA, meetingId, { type: 'meeting.start' });
    expect(nack).toMatchObject({ t: 'nack', id: 'raw-1', code: 'busy' });
    expect((nack as { reason: string }).reason).toMatch(/busy/i);
    expect((await t.ctx.live.stateOf(meetingId))?.status).toBe('not-started');
    const chair = liveClient(base, meetingId, w.cookies.facilitatorA, { busyRetryMs: 50 });
    try {
      await chair.until((s) => s.present.length === 1);
      chair.connection.send({ type: 'meeting.start' });
      // Answered busy again and again, resent each time: still waiting, never dropped as refused.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(chair.connection.status.pending).toBe(1);
      expect(chair.connection.status.lastRefusal).toBeNull();
    } finally {
      chair.close();
    }
  });
});
