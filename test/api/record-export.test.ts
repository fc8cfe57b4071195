import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { liveClient, type TestLiveClient } from '../support/live.ts';
import { pdfText } from '../support/pdf-text.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

const intake = { real: true, current: true, openEnded: true, mineToActOn: true };
const title = 'Board never reads the papers';
const question = 'What would make the papers worth reading?';

describe.each(storeKinds)('exporting my meeting record, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let meetingId: string;
  const clients: TestLiveClient[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const problem = (
      await t.call({
        method: 'POST',
        url: `/api/sets/${w.setA}/problems`,
        cookie: w.cookies.memberA,
        payload: { title, story: 'Papers go unread.', kind: 'work-project', intake },
      })
    ).json();
    meetingId = (
      await t.call({
        method: 'POST',
        url: `/api/sets/${w.setA}/meetings`,
        cookie: w.cookies.facilitatorA,
        payload: { localStart: '2027-03-03T10:00', timeZone: 'Europe/London' },
      })
    ).json().id;
    const [f, p, q] = (['facilitatorA', 'memberA', 'memberA2'] as const).map((role) =>
      liveClient(base, meetingId, w.cookies[role]),
    ) as [TestLiveClient, TestLiveClient, TestLiveClient];
    clients.push(f, p, q);
    await f.until((s) => s.present.length === 3);
    const run = async (client: TestLiveClient, command: MeetingCommand) => {
      client.send(command);
      const status = await client.untilStatus((s) => s.pending === 0);
      expect(status.lastRefusal, JSON.stringify(command)).toBeNull();
    };
    const stage = (key: string) => f.connection.state!.setup.agenda.findIndex((s) => s.key === key);
    await run(f, { type: 'meeting.start' });
    await run(f, { type: 'stage.goto', index: stage('bidding') });
    await run(p, { type: 'bid.place', minutes: 30, urgency: 'high', problemId: problem.id });
    await run(f, { type: 'presenter.order', personIds: [w.people.memberA] });
    await run(f, { type: 'stage.goto', index: stage('presentations') });
    await run(f, { type: 'presenter.goto', index: 0, step: 'questioning' });
    await run(q, { type: 'question.add', text: question });
    const asked = (await p.until((s) => s.turns[0]?.questions.length === 1)).turns[0]!.questions[0]!;
    await run(p, { type: 'question.mark', questionId: asked.questionId, struckHome: true });
    await run(f, { type: 'meeting.end' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  const download = (role: Role | null) =>
    t.call({
      method: 'GET',
      url: `/api/meetings/${meetingId}/record.pdf`,
      ...(role ? { cookie: w.cookies[role] } : {}),
    });

  it('gives the presenter a PDF with their problem and the questions they received, marked', async () => {
    const response = await download('memberA');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="meeting-${meetingId}.pdf"`);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(response.rawPayload);
    expect(text).toContain(`My problem: ${title}`);
    expect(text).toContain(`Struck home: ${question}`);
    const markdown = await t.call({
      method: 'GET',
      url: `/api/meetings/${meetingId}/record.md`,
      cookie: w.cookies.memberA,
    });
    expect(markdown.body).toContain(`## My problem: ${title}`);
    expect(markdown.body).toContain(`- **Struck home:** ${question}`);
    // Times follow the one time rule: the reader's own zone (London here), named, not UTC.
    expect(markdown.body).toMatch(/Started .+\(United Kingdom Time\)/);
    expect(markdown.body).not.toContain(' UTC');
  });

  it("gives a set-mate their own record, without the presenter's problem or questions", async () => {
    const response = await download('memberA2');
    expect(response.statusCode).toBe(200);
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Attendance');
    expect(text).not.toContain(title);
    expect(text).not.toContain(question);
  });

  it.each<[Role | null, number]>([
    ['memberB', 404],
    ['outsider', 404],
    ['coordinator', 403],
    ['admin', 403],
    [null, 401],
  ])('refuses %s with %i problem+json and no content', async (role, status) => {
    const response = await download(role);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).not.toContain('%PDF');
    expect(response.body).not.toContain(title);
  });
});
