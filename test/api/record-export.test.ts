import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { pdfText } from '../support/pdf-text.ts';
import { openQuestioning, type RoomAtQuestioning } from '../support/questioning.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

const title = 'Board never reads the papers';
const question = 'What would make the papers worth reading?';

describe.each(storeKinds)('exporting my meeting record, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let meetingId: string;
  let room: RoomAtQuestioning | undefined;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    room = await openQuestioning(t, w, { title, story: 'Papers go unread.' });
    meetingId = room.meetingId;
    const { facilitator: f, presenter: p, asker: q, run } = room;
    await run(q, { type: 'question.add', text: question });
    const asked = (await p.until((s) => s.turns[0]?.questions.length === 1)).turns[0]!.questions[0]!;
    await run(p, { type: 'question.mark', questionId: asked.questionId, struckHome: true });
    await run(f, { type: 'meeting.end' });
  });
  afterAll(async () => {
    room?.close();
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
