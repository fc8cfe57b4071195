import { expect } from 'vitest';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import type { TestApp } from './app.ts';
import { liveClient, type TestLiveClient } from './live.ts';
import type { World } from './world.ts';

const intake = { real: true, current: true, openEnded: true, mineToActOn: true };

export interface RoomAtQuestioning {
  meetingId: string;
  /** Set A's facilitator, member A (who presents their problem) and member A2 (who asks), in the room. */
  facilitator: TestLiveClient;
  presenter: TestLiveClient;
  asker: TestLiveClient;
  /** Sends a command and waits until the server has applied it; a refusal fails the test. */
  run(client: TestLiveClient, command: MeetingCommand): Promise<void>;
  close(): void;
}

/**
 * A meeting of set A held through the API and real sockets up to its first presenter's questioning:
 * member A brings `problem`, bids for time, is ordered first and the facilitator opens the questions.
 */
export async function openQuestioning(
  t: TestApp,
  w: World,
  problem: { title: string; story: string },
): Promise<RoomAtQuestioning> {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const problemId = (
    await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/problems`,
      cookie: w.cookies.memberA,
      payload: { ...problem, kind: 'work-project', intake },
    })
  ).json().id as string;
  const meetingId = (
    await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/meetings`,
      cookie: w.cookies.facilitatorA,
      payload: { localStart: '2027-03-03T10:00', timeZone: 'Europe/London' },
    })
  ).json().id as string;
  const [facilitator, presenter, asker] = (['facilitatorA', 'memberA', 'memberA2'] as const).map((role) =>
    liveClient(base, meetingId, w.cookies[role]),
  ) as [TestLiveClient, TestLiveClient, TestLiveClient];
  const close = () => {
    for (const c of [facilitator, presenter, asker]) c.close();
  };
  const run = async (client: TestLiveClient, command: MeetingCommand) => {
    client.send(command);
    const status = await client.untilStatus((s) => s.pending === 0);
    expect(status.lastRefusal, JSON.stringify(command)).toBeNull();
  };
  await facilitator.until((s) => s.present.length === 3);
  const stage = (key: string) => facilitator.connection.state!.setup.agenda.findIndex((s) => s.key === key);
  await run(facilitator, { type: 'meeting.start' });
  await run(facilitator, { type: 'stage.goto', index: stage('bidding') });
  await run(presenter, { type: 'bid.place', minutes: 30, urgency: 'high', problemId });
  await run(facilitator, { type: 'presenter.order', personIds: [w.people.memberA] });
  await run(facilitator, { type: 'stage.goto', index: stage('presentations') });
  await run(facilitator, { type: 'presenter.goto', index: 0, step: 'questioning' });
  return { meetingId, facilitator, presenter, asker, run, close };
}
