// A live socket lives no longer than the session it was opened with: each way a session ends closes the
// person's open meeting sockets at once, on the process that ended it and on every other process.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import { createCredentialAccount } from '../../src/server/auth/accounts.ts';
import { createTestApp, type TestApp, testConfig, testOrigin, testPassword } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { buildWorld, type World } from '../support/world.ts';

interface RoomSocket {
  /** Sends a command and resolves with the server's answer (ack or nack). */
  command(command: MeetingCommand): Promise<{ t: string }>;
  /** Resolves when the server closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  messagesAfter(index: number): { t: string }[];
  received(): number;
  close(): void;
}

/** A member's socket in the room, joined and holding the snapshot. */
function openRoom(base: string, cookie: string, meetingId: string): Promise<RoomSocket> {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/live`, {
    headers: { cookie, origin: testOrigin },
  });
  const messages: { t: string; id?: string }[] = [];
  const answers = new Map<string, (m: { t: string }) => void>();
  let next = 0;
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no snapshot')), 10_000);
    socket.on('open', () => socket.send(JSON.stringify({ t: 'join', meetingId, afterSeq: 0 })));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { t: string; id?: string };
      messages.push(message);
      if ((message.t === 'ack' || message.t === 'nack') && message.id) answers.get(message.id)?.(message);
      if (message.t === 'snapshot') {
        clearTimeout(timer);
        resolve({
          command: (command) =>
            new Promise((answered, failed) => {
              const id = `c${++next}`;
              const wait = setTimeout(() => failed(new Error(`no answer to ${command.type}`)), 5000);
              answers.set(id, (m) => {
                clearTimeout(wait);
                answered(m);
              });
              socket.send(JSON.stringify({ t: 'cmd', meetingId, id, command }));
            }),
          closed,
          messagesAfter: (index) => messages.slice(index),
          received: () => messages.length,
          close: () => socket.close(),
        });
      }
    });
  });
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  ]);

interface Member {
  personId: string;
  email: string;
  cookie: string;
}

/** A new member of set A with an account, signed in: each case ends a session of its own. */
async function newMember(t: TestApp, w: World, label: string): Promise<Member> {
  const email = `${label}@example.org`;
  const created = await t.call({
    method: 'POST',
    url: `/api/hosts/${w.hostId}/people`,
    cookie: w.cookies.admin,
    payload: { name: `Member ${label}`, email },
  });
  expect(created.statusCode, created.body).toBe(201);
  const personId = created.json().id as string;
  const userId = await createCredentialAccount(t.ctx, {
    email,
    name: `Member ${label}`,
    password: testPassword,
  });
  await t.ctx.store.plain.updateTable('person').set({ user_id: userId }).where('id', '=', personId).execute();
  const added = await t.call({
    method: 'POST',
    url: `/api/sets/${w.setA}/members`,
    cookie: w.cookies.admin,
    payload: { personId },
  });
  expect(added.statusCode, added.body).toBeLessThan(300);
  return { personId, email, cookie: await t.signIn(email) };
}

/** The ways a session ends, each run through the API as a person would. */
const triggers: {
  name: string;
  closeCode: number;
  end(t: TestApp, w: World, member: Member): Promise<void>;
}[] = [
  {
    name: 'signing out',
    closeCode: 4401,
    async end(t, _w, member) {
      const r = await t.call({
        method: 'POST',
        url: '/api/auth/sign-out',
        cookie: member.cookie,
        payload: {},
      });
      expect(r.statusCode, r.body).toBe(200);
    },
  },
  {
    name: 'resetting the password',
    closeCode: 4401,
    async end(t, _w, member) {
      const asked = await t.call({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        payload: { email: member.email, redirectTo: '/reset-password' },
      });
      expect(asked.statusCode, asked.body).toBe(200);
      const mail = await t.ctx.store.plain
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', member.email)
        .where('kind', '=', 'passwordReset')
        .executeTakeFirstOrThrow();
      const token = /reset-password\?token=([\w-]+)/.exec(mail.text_body)![1];
      const reset = await t.call({
        method: 'POST',
        url: '/api/auth/reset-password',
        payload: { token, newPassword: 'a brand new long password' },
      });
      expect(reset.statusCode, reset.body).toBe(200);
    },
  },
  {
    name: 'being taken out of the set',
    closeCode: 4403,
    async end(t, w, member) {
      const r = await t.call({
        method: 'DELETE',
        url: `/api/sets/${w.setA}/members/${member.personId}`,
        cookie: w.cookies.coordinator,
      });
      expect(r.statusCode, r.body).toBe(200);
    },
  },
  {
    name: 'being archived',
    closeCode: 4401,
    async end(t, w, member) {
      const r = await t.call({
        method: 'PATCH',
        url: `/api/people/${member.personId}`,
        cookie: w.cookies.admin,
        payload: { archived: true },
      });
      expect(r.statusCode, r.body).toBe(200);
    },
  },
  {
    name: "an admin's “sign this person out”",
    closeCode: 4401,
    async end(t, w, member) {
      const r = await t.call({
        method: 'DELETE',
        url: `/api/people/${member.personId}/sessions`,
        cookie: w.cookies.admin,
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().endedSessions).toBe(1);
    },
  },
  {
    name: 'signing that device out from the signed-in devices list',
    closeCode: 4401,
    async end(t, _w, member) {
      // The member, on another device, signs out the one with the open room.
      const other = await t.signIn(member.email);
      const listed = await t.call({ method: 'GET', url: '/api/me/sessions', cookie: other });
      expect(listed.statusCode, listed.body).toBe(200);
      const devices = listed.json().devices as { id: string; thisDevice: boolean }[];
      expect(devices).toHaveLength(2);
      const roomDevice = devices.find((d) => !d.thisDevice)!;
      const r = await t.call({ method: 'DELETE', url: `/api/me/sessions/${roomDevice.id}`, cookie: other });
      expect(r.statusCode, r.body).toBe(204);
    },
  },
  {
    name: 'signing out of all other devices',
    closeCode: 4401,
    async end(t, _w, member) {
      const other = await t.signIn(member.email);
      const r = await t.call({
        method: 'POST',
        url: '/api/me/sessions/sign-out-others',
        cookie: other,
        payload: {},
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().signedOut).toBe(1);
    },
  },
];

async function scheduleMeeting(t: TestApp, w: World) {
  const meeting = await t.call({
    method: 'POST',
    url: `/api/sets/${w.setA}/meetings`,
    cookie: w.cookies.facilitatorA,
    payload: { localStart: '2027-01-20T10:00', timeZone: 'Europe/London' },
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  return meeting.json().id as string;
}

/** The member is in the room and heard; the session ends; the socket closes at once and hears no more. */
async function proveClosed(
  t: TestApp,
  w: World,
  trigger: (typeof triggers)[number],
  memberBase: string,
  otherBase: string,
  label: string,
) {
  const meetingId = await scheduleMeeting(t, w);
  const member = await newMember(t, w, label);
  const room = await openRoom(memberBase, member.cookie, meetingId);
  expect((await room.command({ type: 'hand.raise' })).t).toBe('ack');
  const facilitator = await openRoom(otherBase, w.cookies.facilitatorA, meetingId);
  try {
    await trigger.end(t, w, member);
    const closed = await within(room.closed, 3000, 'closing the socket');
    expect(closed.code).toBe(trigger.closeCode);
    // What the room says after that does not reach the closed socket.
    const seen = room.received();
    const answer = await facilitator.command({ type: 'meeting.start' });
    expect(answer.t, JSON.stringify(answer)).toBe('ack');
    expect(room.messagesAfter(seen)).toEqual([]);
    // The same cookie opens no new socket either.
    if (trigger.closeCode === 4401) {
      const again = await openRoom(memberBase, member.cookie, meetingId).then(
        () => 'joined',
        () => 'refused',
      );
      expect(again).toBe('refused');
    }
  } finally {
    room.close();
    facilitator.close();
  }
}

describe.each(storeKinds)('live sockets end with their session, on one %s process', (kind) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it.each(triggers)('closes the socket at once on $name', async (trigger) => {
    t = await createTestApp(kind);
    const w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    await proveClosed(t, w, trigger, base, base, 'leaving');
  });

  it('also closes sockets whose session vanished without a signal, at the next sweep', async () => {
    t = await createTestApp(kind, { liveSessionSweepMs: 200 });
    const w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const meetingId = await scheduleMeeting(t, w);
    const member = await newMember(t, w, 'swept');
    const room = await openRoom(base, member.cookie, meetingId);
    // Deleted behind the accounts library's back, as by an operator: no hook, no signal.
    await t.ctx.store.plain
      .deleteFrom('session')
      .where('userId', 'in', (eb) =>
        eb.selectFrom('person').select('user_id').where('id', '=', member.personId),
      )
      .execute();
    const closed = await within(room.closed, 3000, 'the sweep');
    expect(closed.code).toBe(4401);
  });
});

describe('live sockets end with their session, across two processes on PostgreSQL', () => {
  let t: TestApp;
  let w: World;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    t = await createTestApp('postgres');
    w = await buildWorld(t);
    const config = testConfig(t.database);
    const env = {
      DATA_DIR: t.database.dataDir,
      DATABASE_URL: t.database.databaseUrl!,
      AUTH_SECRET: config.authSecret,
      PUBLIC_URL: config.publicUrl,
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await t?.close();
  });

  // The session ends through a third process (the test's own); the member's socket is on process B,
  // the facilitator's on process A.
  it.each(triggers.map((trigger, i) => ({ ...trigger, i })))(
    'closes the socket on the other process on $name',
    {
      timeout: 30_000,
    },
    async (trigger) => {
      await proveClosed(t, w, trigger, b.url, a.url, `leaving${trigger.i}`);
    },
  );
});
