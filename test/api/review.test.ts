// The programme review: built from the template, edited until the first answer and versioned after,
// answered anonymously while open (409 once closed), reported under the K rule with quotes only by
// consent and never with names; exported as CSV and PDF (charts included) and published to participants.
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueReviewReminders } from '../../src/server/features/feedback/reviews.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { pdfText } from '../support/pdf-text.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';
import { addMembers, ok } from './feedback-support.ts';

const start = new Date('2027-11-01T09:00:00.000Z');

/** Every drawing instruction in a PDF's compressed streams, to see that a chart was drawn. */
function drawing(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let all = '';
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const from = m.index + m[0].length;
    try {
      all += inflateSync(Buffer.from(raw.slice(from, raw.indexOf('endstream', from)), 'latin1')).toString(
        'latin1',
      );
    } catch {
      // not a compressed stream (e.g. a font's raw bytes)
    }
  }
  return all;
}
const days = (n: number) => n * 86_400_000;

describe.each(storeKinds)('the programme review, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let clock = start;
  let reviewId: string;
  let meetingId: string;
  let extra: { id: string; cookie: string }[];
  const allIds = () => [...Object.values(w.people), ...extra.map((e) => e.id)];
  const as = (who: Role | string, method: string, url: string, payload?: object) =>
    t.call({
      method: method as 'GET',
      url,
      cookie: (w.cookies as Record<string, string>)[who] ?? who,
      ...(payload ? { payload } : {}),
    });
  const answer = (who: Role | string, answers: object[]) =>
    as(who, 'PUT', `/api/reviews/${reviewId}/answers`, { answers });

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => clock });
    w = await buildWorld(t);
    extra = await addMembers(t, w, w.setB, ['Ravi', 'Sol']);
    await ok(await as('admin', 'PUT', `/api/hosts/${w.hostId}/feedback-settings`, { minAnswers: 3 }));
    meetingId = (
      await ok(
        await as('facilitatorA', 'POST', `/api/sets/${w.setA}/meetings`, {
          localStart: '2027-11-02T10:00',
          timeZone: 'UTC',
        }),
      )
    ).id;
  });
  afterAll(() => t.close());

  it('starts from the template of four levels and the founding themes; a draft is the coordinator’s', async () => {
    const created = await ok(
      await as('coordinator', 'POST', `/api/programmes/${w.programmeId}/reviews`, {
        title: 'End of year review',
        phase: 'end',
      }),
    );
    reviewId = created.id;
    expect(created).toMatchObject({ state: 'draft', version: 1, responses: 0, invited: 6 });
    expect(new Set(created.questions.map((q: { level: string }) => q.level))).toEqual(
      new Set(['reaction', 'learning', 'behaviour', 'results', 'seed']),
    );
    expect(
      (await as('memberA', 'POST', `/api/programmes/${w.programmeId}/reviews`, { title: 'x', phase: 'mid' }))
        .statusCode,
    ).toBe(403);
    // Participants do not see a draft; other programmes do not see it at all.
    expect((await as('memberA', 'GET', `/api/reviews/${reviewId}`)).statusCode).toBe(404);
    expect(
      (await ok(await as('memberA', 'GET', `/api/programmes/${w.programmeId}/reviews`))).reviews,
    ).toEqual([]);
    expect((await as('otherCoordinator', 'GET', `/api/reviews/${reviewId}`)).statusCode).toBe(404);
    // A draft takes no answers.
    expect((await answer('memberA', [{ questionId: 'q1', value: 4 }])).statusCode).toBe(404);
  });

  it('edits the questions in place until the first answer, refusing a broken questionnaire', async () => {
    const review = await ok(await as('coordinator', 'GET', `/api/reviews/${reviewId}`));
    const questions = review.questions.filter((q: { id: string }) => q.id !== 'q8');
    const edited = await ok(await as('coordinator', 'PATCH', `/api/reviews/${reviewId}`, { questions }));
    expect(edited).toMatchObject({ version: 1 });
    expect(edited.questions).toHaveLength(review.questions.length - 1);
    const broken = await as('coordinator', 'PATCH', `/api/reviews/${reviewId}`, {
      questions: [{ id: 'c', kind: 'choice', level: 'reaction', text: 'Pick one', options: ['only'] }],
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().detail).toMatch(/give it 2 to 10 options/);
    const backwards = await as('coordinator', 'PATCH', `/api/reviews/${reviewId}`, {
      opensAt: '2027-11-10T00:00:00.000Z',
      closesAt: '2027-11-05T00:00:00.000Z',
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('opens for participants, who answer anonymously; a change after answers needs a new version', async () => {
    const opened = await ok(
      await as('coordinator', 'PATCH', `/api/reviews/${reviewId}`, {
        opensAt: start.toISOString(),
        closesAt: new Date(start.getTime() + days(14)).toISOString(),
      }),
    );
    expect(opened.state).toBe('open');
    const mine = await ok(
      await answer('memberA', [
        { questionId: 'q1', value: 5 },
        { questionId: 'q2', value: 'The questions of people from other charities', quotable: true },
        { questionId: 'q4', value: 'My manager is the real problem', quotable: false },
        { questionId: 'q6', value: 3 },
      ]),
    );
    expect(mine.mine).toMatchObject({ version: 1 });
    expect(mine.responses).toBe(1);
    expect((await answer('memberA2', [{ questionId: 'q1', value: 9 }])).statusCode).toBe(400);
    expect((await answer('memberA2', [{ questionId: 'q1', value: 3, quotable: true }])).statusCode).toBe(400);
    expect((await answer('coordinator', [{ questionId: 'q1', value: 3 }])).statusCode).toBe(403);

    const current = opened.questions;
    const changed = current.map((q: { id: string; text: string }) =>
      q.id === 'q1' ? { ...q, text: 'Overall, was taking part worth your time?' } : q,
    );
    const refused = await as('coordinator', 'PATCH', `/api/reviews/${reviewId}`, { questions: changed });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.json().detail).toMatch(/new version/);
    const v2 = await ok(
      await as('coordinator', 'PATCH', `/api/reviews/${reviewId}`, { questions: changed, newVersion: true }),
    );
    expect(v2.version).toBe(2);
    // The first answers keep their version.
    expect((await ok(await as('memberA', 'GET', `/api/reviews/${reviewId}`))).mine.version).toBe(1);
  });

  it('reminds those who have not answered', async () => {
    const reminded = await ok(await as('coordinator', 'POST', `/api/reviews/${reviewId}/reminders`));
    expect(reminded.queued).toBe(5);
    expect((await as('memberA', 'POST', `/api/reviews/${reviewId}/reminders`)).statusCode).toBe(403);
  });

  it('reports nothing per question below K responses, and no quote', async () => {
    await ok(await answer('memberA2', [{ questionId: 'q1', value: 4 }]));
    const report = await ok(await as('coordinator', 'GET', `/api/reviews/${reviewId}/report`));
    expect(report).toMatchObject({ enough: false, k: 3, responseRate: { responses: 2, invited: 6 } });
    // One answer to each wording of q1 (the first answer kept version 1).
    const q1 = report.questions.filter((q: { question: { id: string } }) => q.question.id === 'q1');
    expect(q1.map((q: { scale: unknown }) => q.scale)).toEqual([
      { shown: false, count: 1, needed: 3 },
      { shown: false, count: 1, needed: 3 },
    ]);
    expect(report.quotes).toEqual([]);
    expect(report.charts.some((c: { id: string }) => c.id.startsWith('question-'))).toBe(false);
  });

  it('at K responses shows distributions and quotes given with consent, never other words or names', async () => {
    await ok(
      await answer(extra[0]!.cookie, [
        { questionId: 'q1', value: 4 },
        { questionId: 'q2', value: 'Hearing how others handle a board', quotable: true },
      ]),
    );
    await ok(await answer(extra[1]!.cookie, [{ questionId: 'q1', value: 2 }]));
    const report = await ok(await as('coordinator', 'GET', `/api/reviews/${reviewId}/report`));
    expect(report.enough).toBe(true);
    const q1 = report.questions.filter((q: { question: { id: string } }) => q.question.id === 'q1');
    // The changed q1 (version 2) has three answers; the old wording (version 1) one, so it shows nothing.
    expect(q1.find((q: { version: number }) => q.version === 2).scale).toEqual({
      shown: true,
      count: 3,
      mean: 3.33,
      distribution: [0, 1, 0, 2, 0],
    });
    expect(q1.find((q: { version: number }) => q.version === 1).scale).toMatchObject({
      shown: false,
      count: 1,
    });
    expect(report.quotes.map((q: { text: string }) => q.text).sort()).toEqual([
      'Hearing how others handle a board',
      'The questions of people from other charities',
    ]);
    const body = JSON.stringify(report);
    expect(body).not.toContain('My manager is the real problem');
    for (const id of allIds()) expect(body).not.toContain(id);
    expect(report.charts.map((c: { id: string }) => c.id)).toContain('question-q1');
    expect(report.charts.find((c: { id: string }) => c.id === 'question-q1').summary).toMatch(
      /3 answers, mean 3.33/,
    );
    expect(report.sets.map((s: { setName: string }) => s.setName)).toEqual(['Set A', 'Set B']);
    // The admin reads it too; a participant not before it is published.
    expect((await as('admin', 'GET', `/api/reviews/${reviewId}/report`)).statusCode).toBe(200);
    for (const role of ['memberA', 'facilitatorA', 'memberB'] as Role[])
      expect((await as(role, 'GET', `/api/reviews/${reviewId}/report`)).statusCode, role).toBe(403);
    expect((await as('otherCoordinator', 'GET', `/api/reviews/${reviewId}/report`)).statusCode).toBe(404);
  });

  it('exports CSV and PDF with the figures and the consented quotes only', async () => {
    const csv = await as('coordinator', 'GET', `/api/reviews/${reviewId}/report.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('section,item,measure,value');
    expect(csv.body).toContain('response,End of year review,responses,4');
    expect(csv.body).toContain('quote,');
    expect(csv.body).toContain('Hearing how others handle a board');
    expect(csv.body).not.toContain('My manager');
    const pdf = await as('coordinator', 'GET', `/api/reviews/${reviewId}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('End of year review: report');
    expect(text).toContain('Hearing how others handle a board');
    expect(text).toMatch(/3 answers, mean 3.33/);
    expect(text).not.toContain('My manager');
    // The chart is drawn into the PDF, not only described: its bars' colour (#2f6f8f) fills shapes.
    expect(drawing(pdf.rawPayload)).toContain(
      '0.1843137254901961 0.43529411764705883 0.5607843137254902 scn',
    );
  });

  it('takes no answer once closed: 409 with the date', async () => {
    clock = new Date(start.getTime() + days(15));
    const late = await answer('memberB', [{ questionId: 'q1', value: 5 }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/closed on 2027-11-15/);
    expect((await as('coordinator', 'POST', `/api/reviews/${reviewId}/reminders`)).statusCode).toBe(409);
    // Its questions are frozen too.
    const review = await ok(await as('coordinator', 'GET', `/api/reviews/${reviewId}`));
    const frozen = await as('coordinator', 'PATCH', `/api/reviews/${reviewId}`, {
      questions: review.questions.slice(1),
      newVersion: true,
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().detail).toMatch(/closed/);
  });

  it('publishes the report to every participant of the programme, and only them', async () => {
    expect(
      (await as('memberA', 'PUT', `/api/reviews/${reviewId}/publication`, { published: true })).statusCode,
    ).toBe(403);
    const published = await ok(
      await as('coordinator', 'PUT', `/api/reviews/${reviewId}/publication`, { published: true }),
    );
    expect(published.publishedAt).not.toBeNull();
    for (const role of ['memberA', 'facilitatorA', 'memberB'] as Role[]) {
      const report = await as(role, 'GET', `/api/reviews/${reviewId}/report`);
      expect(report.statusCode, role).toBe(200);
      expect(report.body).not.toContain('My manager');
      for (const id of allIds()) expect(report.body).not.toContain(id);
    }
    expect((await as('outsider', 'GET', `/api/reviews/${reviewId}/report`)).statusCode).toBe(404);
    expect((await as('otherCoordinator', 'GET', `/api/reviews/${reviewId}/report`)).statusCode).toBe(404);
  });

  it('counts attendance per set at held meetings, as counts and rates only', async () => {
    await ok(
      await as('facilitatorA', 'PUT', `/api/meetings/${meetingId}/attendance/${w.people.memberA}`, {
        status: 'present',
      }),
    );
    const report = await ok(await as('coordinator', 'GET', `/api/reviews/${reviewId}/report`));
    expect(report.sets.find((s: { setName: string }) => s.setName === 'Set A')).toMatchObject({
      meetingsHeld: 1,
      places: 3,
      present: 1,
      attendanceRate: 0.333,
      actionsCommitted: 0,
      completionRate: null,
    });
    const csv = (await as('coordinator', 'GET', `/api/reviews/${reviewId}/report.csv`)).body;
    expect(csv).toContain('set,Set A,attendance rate,0.333');
  });

  it('counts each workshop’s answers and attendance, never names', async () => {
    const workshop = await ok(
      await as('coordinator', 'POST', `/api/programmes/${w.programmeId}/workshops`, {
        title: 'Plenary on funding',
        timeZone: 'UTC',
        localStart: '2028-06-01T10:00',
      }),
    );
    for (const who of ['memberA', 'memberB'] as const)
      await ok(await as(who, 'PUT', `/api/workshops/${workshop.id}/rsvp`, { answer: 'coming' }));
    const before = await ok(await as('coordinator', 'GET', `/api/reviews/${reviewId}/report`));
    expect(before.workshops).toEqual([
      {
        workshopId: workshop.id,
        title: 'Plenary on funding',
        startsAt: '2028-06-01T10:00:00.000Z',
        coming: 2,
        attended: null,
      },
    ]);
    // Attendance as the facilitator records it after the workshop: one of the two came.
    await t.ctx.db
      .insertInto('workshopAttendance')
      .values({
        workshopId: workshop.id,
        personId: w.people.memberA,
        present: 1,
        recordedBy: w.people.coordinator,
        recordedAt: clock.toISOString(),
      })
      .execute();
    await t.ctx.db
      .updateTable('workshop')
      .set({ attendanceRecordedAt: clock.toISOString() })
      .where('id', '=', workshop.id)
      .execute();
    const after = await ok(await as('coordinator', 'GET', `/api/reviews/${reviewId}/report`));
    expect(after.workshops[0]).toMatchObject({ coming: 2, attended: 1 });
    const csv = (await as('coordinator', 'GET', `/api/reviews/${reviewId}/report.csv`)).body;
    expect(csv).toContain('workshop,Plenary on funding,attended,1');
    expect(JSON.stringify(after.workshops)).not.toMatch(/Ada|Member|@/);
  });

  it('reminds those who have not answered on its own: when a review opens and in its last three days', async () => {
    const saved = clock;
    try {
      clock = new Date('2028-01-10T09:00:00.000Z');
      const second = await ok(
        await as('coordinator', 'POST', `/api/programmes/${w.programmeId}/reviews`, {
          title: 'Mid-point',
          phase: 'mid',
        }),
      );
      await ok(
        await as('coordinator', 'PATCH', `/api/reviews/${second.id}`, {
          opensAt: '2028-01-10T09:00:00.000Z',
          closesAt: '2028-01-20T09:00:00.000Z',
        }),
      );
      const mails = async () =>
        Number(
          (
            await t.ctx.db
              .selectFrom('mailOutbox')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('kind', '=', 'reviewReminder')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await mails();
      const opening = await dueReviewReminders(t.ctx);
      expect(opening).toBeGreaterThan(0);
      expect(await mails()).toBe(before + opening);
      expect(await dueReviewReminders(t.ctx)).toBe(0);
      clock = new Date('2028-01-15T09:00:00.000Z');
      expect(await dueReviewReminders(t.ctx)).toBe(0);
      clock = new Date('2028-01-18T09:00:00.000Z');
      expect(await dueReviewReminders(t.ctx)).toBe(opening);
      expect(await dueReviewReminders(t.ctx)).toBe(0);
      clock = new Date('2028-01-21T09:00:00.000Z');
      expect(await dueReviewReminders(t.ctx)).toBe(0);
    } finally {
      clock = saved;
    }
  });

  it('stores no person id with an answer', async () => {
    const rows = await t.ctx.db.selectFrom('reviewResponse').selectAll().execute();
    expect(rows).toHaveLength(4);
    for (const id of allIds()) expect(JSON.stringify(rows)).not.toContain(id);
  });
});
