import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import { createTestApp, type TestApp, testConfig } from '../support/app.ts';
import { liveClient, type TestLiveClient } from '../support/live.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { buildWorld, type World } from '../support/world.ts';

async function scheduleMeeting(t: TestApp, w: World) {
  const meeting = await t.call({
    method: 'POST',
    url: `/api/sets/${w.setA}/meetings`,
    cookie: w.cookies.facilitatorA,
    payload: { localStart: '2027-01-20T10:00', timeZone: 'Europe/London' },
  });
  return meeting.json().id as string;
}

function envFor(t: TestApp) {
  const config = testConfig(t.database);
  return {
    DATA_DIR: t.database.dataDir,
    ...(t.database.databaseUrl ? { DATABASE_URL: t.database.databaseUrl } : {}),
    AUTH_SECRET: config.authSecret,
    PUBLIC_URL: config.publicUrl,
  };
}

describe('two Revans processes behind a load balancer, one PostgreSQL', () => {
  let t: TestApp;
  let w: World;
  let a: ServerProcess;
  let b: ServerProcess;
  const clients: TestLiveClient[] = [];

  beforeAll(async () => {
    t = await createTestApp('postgres');
    w = await buildWorld(t);
    [a, b] = await Promise.all([startServerProcess(envFor(t)), startServerProcess(envFor(t))]);
  }, 90_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([a?.kill(), b?.kill()]);
    await t.close();
  });

  it('delivers events committed on one process to clients connected to the other', {
    timeout: 60_000,
  }, async () => {
    const meetingId = await scheduleMeeting(t, w);
    const onA = liveClient(a.url, meetingId, w.cookies.facilitatorA);
    const onB = liveClient(b.url, meetingId, w.cookies.memberA);
    const alsoOnB = liveClient(b.url, meetingId, w.cookies.memberA2);
    clients.push(onA, onB, alsoOnB);
    await onA.until((s) => s.present.length === 3, 15_000);
    onA.send({ type: 'meeting.start' });
    onA.send({ type: 'stage.goto', index: 1 });
    await onB.until((s) => s.status === 'live' && s.stageIndex === 1);
    onB.send({ type: 'checkin.say', text: 'Said on process B' });
    const seenOnA = await onA.until((s) => s.checkIns[w.people.memberA] === 'Said on process B');
    const final = await Promise.all([onB, alsoOnB].map((c) => c.until((s) => s.lastSeq === seenOnA.lastSeq)));
    expect(final[0]).toEqual(seenOnA);
    expect(final[1]).toEqual(seenOnA);
    const seqs = await t.ctx.store.plain
      .selectFrom('meeting_event')
      .select('seq')
      .where('meeting_id', '=', meetingId)
      .orderBy('seq')
      .execute();
    expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1));
  });

  it('keeps every client on both processes identical when both take commands at once', {
    timeout: 60_000,
  }, async () => {
    const meetingId = await scheduleMeeting(t, w);
    // A command the room was too busy for (it lost the race too often) goes again shortly.
    const onA = liveClient(a.url, meetingId, w.cookies.facilitatorA, { busyRetryMs: 50 });
    const onB = liveClient(b.url, meetingId, w.cookies.memberA, { busyRetryMs: 50 });
    const alsoOnA = liveClient(a.url, meetingId, w.cookies.memberA2, { busyRetryMs: 50 });
    clients.push(onA, onB, alsoOnA);
    await onA.until((s) => s.present.length === 3, 15_000);
    onA.send({ type: 'meeting.start' });
    onA.send({ type: 'stage.goto', index: 1 });
    await Promise.all([onB, alsoOnA].map((c) => c.until((s) => s.stageIndex === 1)));
    // Three people on two processes say ten check-ins each, all at once: the processes race for the
    // same places in the log, and each learns of the other's events as they come.
    const speakers = [
      { client: onA, personId: w.people.facilitatorA },
      { client: onB, personId: w.people.memberA },
      { client: alsoOnA, personId: w.people.memberA2 },
    ];
    for (let round = 1; round <= 10; round++)
      for (const { client, personId } of speakers)
        client.send({ type: 'checkin.say', text: `${personId} ${round}` });
    await Promise.all(speakers.map(({ client }) => client.untilStatus((s) => s.pending === 0, 30_000)));
    const last = Math.max(...speakers.map(({ client }) => client.connection.state?.lastSeq ?? 0));
    const final = await Promise.all(speakers.map(({ client }) => client.until((s) => s.lastSeq === last)));
    expect(final[1]).toEqual(final[0]);
    expect(final[2]).toEqual(final[0]);
    for (const { personId } of speakers) expect(final[0]?.checkIns[personId]).toMatch(`${personId} `);
    expect(speakers.map(({ client }) => client.connection.status.lastRefusal)).toEqual([null, null, null]);
    const said = await t.ctx.store.plain
      .selectFrom('meeting_event')
      .select(['seq', 'command_json'])
      .where('meeting_id', '=', meetingId)
      .orderBy('seq')
      .execute();
    expect(said.map((r) => r.seq)).toEqual(said.map((_, i) => i + 1));
    expect(said.filter((r) => r.command_json.includes('checkin.say'))).toHaveLength(30);
  });
});

describe('a server killed mid-meeting (SIGKILL) and started again', () => {
  let t: TestApp;
  let w: World;
  let server: ServerProcess | undefined;
  const clients: TestLiveClient[] = [];

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    w = await buildWorld(t);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.kill();
    await t.close();
  });

  it('comes back with every acknowledged question, and every client sees the same state', {
    timeout: 120_000,
  }, async () => {
    const meetingId = await scheduleMeeting(t, w);
    server = await startServerProcess(envFor(t));
    const facilitator = liveClient(server.url, meetingId, w.cookies.facilitatorA);
    const presenter = liveClient(server.url, meetingId, w.cookies.memberA);
    const asker = liveClient(server.url, meetingId, w.cookies.memberA2);
    clients.push(facilitator, presenter, asker);
    await facilitator.until((s) => s.present.length === 3, 15_000);
    const presentationsIndex = facilitator.connection.state!.setup.agenda.findIndex(
      (s) => s.key === 'presentations',
    );
    const run = async (client: TestLiveClient, command: MeetingCommand) => {
      client.send(command);
      await client.untilStatus((s) => s.pending === 0);
    };
    await run(facilitator, { type: 'meeting.start' });
    await run(facilitator, { type: 'stage.goto', index: presentationsIndex });
    await run(facilitator, { type: 'presenter.order', personIds: [w.people.memberA] });
    await run(facilitator, { type: 'presenter.goto', index: 0, step: 'clarifying' });
    await asker.until((s) => s.step === 'clarifying');
    for (const text of ['Who else knows about this?', 'When did it start?', 'What have you tried?']) {
      await run(asker, { type: 'question.add', text });
    }
    const before = await facilitator.until((s) => s.turns[0]?.questions.length === 3);

    await server.kill('SIGKILL');
    // The asker's laptop dies with the server: they do not come back by themselves.
    asker.close();
    server = await startServerProcess({ ...envFor(t), PRESENCE_GRACE_MS: '1500' }, server.port);

    const after = await Promise.all(
      [facilitator, presenter].map((c) =>
        c.until((s) => c.connection.status.connection === 'open' && s.lastSeq >= before.lastSeq, 20_000),
      ),
    );
    for (const state of after) {
      expect(state.turns[0]?.questions.map((q) => q.text)).toEqual([
        'Who else knows about this?',
        'When did it start?',
        'What have you tried?',
      ]);
      expect(state.step).toBe('clarifying');
    }
    // Whoever did not reconnect within the grace period is no longer shown as here.
    const cleared = await facilitator.until((s) => !s.present.includes(w.people.memberA2), 15_000);
    expect(cleared.present.sort()).toEqual([w.people.facilitatorA, w.people.memberA].sort());
    // The room carries on after the restart, and the asker can come back.
    const returning = liveClient(server.url, meetingId, w.cookies.memberA2);
    clients.push(returning);
    await returning.until((s) => s.present.includes(w.people.memberA2));
    await run(returning, { type: 'question.add', text: 'What would success look like?' });
    await presenter.until((s) => s.turns[0]?.questions.length === 4);
    const stored = await t.ctx.store.plain
      .selectFrom('question')
      .select('text')
      .where('meeting_id', '=', meetingId)
      .execute();
    expect(stored).toHaveLength(4);
  });
});
