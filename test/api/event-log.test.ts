import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../../src/domain/meeting/types.ts';
import { eventsAfter, openEventLog } from '../../src/server/live/event-log.ts';
import type { SharedMessage } from '../../src/server/live/hub.ts';
import { eventWrite } from '../../src/server/live/projections.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

describe.each(storeKinds)('the meeting event log on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const meetings: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    for (const localStart of ['2027-02-03T10:00', '2027-03-03T10:00', '2027-04-07T10:00']) {
      const meeting = await t.call({
        method: 'POST',
        url: `/api/sets/${w.setA}/meetings`,
        cookie: w.cookies.facilitatorA,
        payload: { localStart, timeZone: 'Europe/London' },
      });
      meetings.push(meeting.json().id);
    }
  });
  afterAll(() => t.close());

  const event = (seq: number, text: string): MeetingEvent => ({
    seq,
    at: '2027-02-03T10:00:00.000Z',
    actorId: w.people.memberA,
    command: { type: 'checkin.say', text },
  });

  it('applies a command sent right behind the start (in the same read) to the started meeting', async () => {
    const meetingId = meetings[2]!;
    const sent: string[] = [];
    const chair = {
      personId: w.people.facilitatorA,
      send: (m: string | SharedMessage) => sent.push(typeof m === 'string' ? m : m.text),
      close() {},
    };
    await t.ctx.live.join(chair, meetingId, 0);
    const started = t.ctx.live.submit(chair, meetingId, 'start-1', { type: 'meeting.start' });
    const moved = t.ctx.live.submit(chair, meetingId, 'goto-1', { type: 'stage.goto', index: 1 });
    expect(await started).toMatchObject({ ok: true });
    expect(await moved).toMatchObject({ ok: true });
    expect((await t.ctx.live.stateOf(meetingId))?.stageIndex).toBe(1);
  });

  it('refuses an event whose place another process took, alone: the appends sharing its commit stay', async () => {
    const [first, second] = meetings as [string, string];
    const log = openEventLog(t.ctx.store);
    // Issued in one turn of the event loop, so on SQLite they share one transaction.
    const outcomes = await Promise.all([
      log.append([eventWrite(first, event(1, 'first in meeting one'), 'c1')]),
      log.append([eventWrite(first, event(1, 'a second claim on the same place'), 'c2')]),
      log.append([eventWrite(second, event(1, 'first in meeting two'), 'c3')]),
      log.append([eventWrite(first, event(2, 'next in meeting one'), 'c4')]),
    ]);
    // Exactly one of the two claims on meeting one's first place wins (on PostgreSQL either may).
    const claims = ['first in meeting one', 'a second claim on the same place'];
    expect([...outcomes.slice(0, 2)].sort()).toEqual(['appended', 'behind']);
    expect(outcomes.slice(2)).toEqual(['appended', 'appended']);
    const winner = claims[outcomes.indexOf('appended')];
    const texts = async (meetingId: string) =>
      (await eventsAfter(t.ctx.store.plain, meetingId, 0)).map((e) => [
        e.seq,
        (e.command as { text: string }).text,
      ]);
    expect(await texts(first)).toEqual([
      [1, winner],
      [2, 'next in meeting one'],
    ]);
    expect(await texts(second)).toEqual([[1, 'first in meeting two']]);
  });
});
