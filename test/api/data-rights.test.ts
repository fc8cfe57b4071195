// People's data rights: a person downloads all their data; a host admin erases a person, and what is
// left in the database afterwards names them nowhere (every table's every column is read back).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { answerKey } from '../../src/server/features/feedback/store.ts';
import { createTestApp, type TestApp, testOrigin } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

const intake = { real: true, current: true, openEnded: true, mineToActOn: true };

/** Memorable texts memberA writes, so the scan can look for each of them afterwards. */
const mine = {
  title: 'Zanzibar supply chain worries',
  story: 'Our Zanzibar partner keeps missing deliveries.',
  reframe: 'How do I rebuild trust with Zanzibar?',
  action: 'Visit the Zanzibar warehouse',
  privateJournal: 'Quietly furious about Zanzibar',
  sharedJournal: 'Shared thought on Zanzibar',
  apology: 'Away at the Zanzibar audit',
  asked: 'Zanzibar question I asked',
  hopes: 'Hoping to fix Zanzibar',
  workshopAction: 'Ask the Zanzibar funder about multi-year grants',
  pulseComment: 'Zanzibar talk felt safe today',
  reviewWords: 'Zanzibar peers saw what I could not',
};
const received = 'What would trust look like to you?';

async function everyRow(t: TestApp): Promise<Record<string, unknown[]>> {
  const db = t.ctx.store.plain;
  const names =
    t.ctx.store.kind === 'postgres'
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
        ).rows
      : (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows;
  const all: Record<string, unknown[]> = {};
  for (const { name } of names) all[name] = (await sql`select * from ${sql.table(name)}`.execute(db)).rows;
  return all;
}

function tablesMentioning(rows: Record<string, unknown[]>, needle: string): string[] {
  const lower = needle.toLowerCase();
  return Object.entries(rows)
    .filter(([, list]) => JSON.stringify(list).toLowerCase().includes(lower))
    .map(([name]) => name);
}

function openRoom(base: string, cookie: string, meetingId: string) {
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/live`, {
    headers: { cookie, origin: testOrigin },
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const joined = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no snapshot')), 10_000);
    socket.on('open', () => socket.send(JSON.stringify({ t: 'join', meetingId, afterSeq: 0 })));
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { t: string }).t === 'snapshot') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { joined, closed };
}

describe.each(storeKinds)("people's data rights, on %s", (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;
  let meetingId: string;

  const as = (role: Role, method: string, url: string, payload?: object) =>
    t.call({ method: method as 'POST', url, cookie: w.cookies[role], ...(payload ? { payload } : {}) });
  const ok = async (role: Role, method: string, url: string, payload?: object) => {
    const r = await as(role, method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url} -> ${r.statusCode} ${r.body}`);
    return r.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const db = t.ctx.store.plain;
    await db.updateTable('programme').set({ status: 'running' }).where('id', '=', w.programmeId).execute();
    const problem = await ok('memberA', 'POST', `/api/sets/${w.setA}/problems`, {
      title: mine.title,
      story: mine.story,
      kind: 'how-i-operate',
      intake,
    });
    await ok('memberA', 'POST', `/api/problems/${problem.id}/reframes`, { statement: mine.reframe });
    await ok('memberA', 'POST', `/api/sets/${w.setA}/actions`, { text: mine.action, problemId: problem.id });
    await ok('memberA', 'POST', `/api/sets/${w.setA}/journal`, { answers: { myself: mine.privateJournal } });
    await ok('memberA', 'POST', `/api/sets/${w.setA}/journal`, {
      answers: { theSet: mine.sharedJournal },
      visibility: 'set',
    });
    await ok('memberA2', 'POST', `/api/sets/${w.setA}/problems`, {
      title: 'memberA2 own problem',
      story: 'Written by memberA2.',
      kind: 'how-i-operate',
      intake,
    });
    await ok('memberA2', 'POST', `/api/sets/${w.setA}/journal`, { answers: { myself: 'memberA2 private' } });
    await ok('memberA2', 'POST', `/api/sets/${w.setA}/journal`, {
      answers: { theSet: 'memberA2 shared' },
      visibility: 'set',
    });
    meetingId = (
      await ok('facilitatorA', 'POST', `/api/sets/${w.setA}/meetings`, {
        localStart: '2027-03-10T10:00',
        timeZone: 'Europe/London',
        place: 'Room 2',
      })
    ).id;
    await ok('memberA', 'PUT', `/api/meetings/${meetingId}/attendance/me`, {
      status: 'apologies',
      note: mine.apology,
    });
    const now = new Date().toISOString();
    await db
      .insertInto('question')
      .values([
        {
          id: randomUUID(),
          meeting_id: meetingId,
          presenter_id: w.people.memberA,
          asked_by: w.people.memberA2,
          text: received,
          struck_home: 0,
          created_at: now,
        },
        {
          id: randomUUID(),
          meeting_id: meetingId,
          presenter_id: w.people.memberA2,
          asked_by: w.people.memberA,
          text: mine.asked,
          struck_home: 0,
          created_at: now,
        },
      ])
      .execute();
    const applicationId = randomUUID();
    await db
      .insertInto('application')
      .values({
        id: applicationId,
        programme_id: w.programmeId,
        person_id: w.people.memberA,
        source: 'open-link',
        status: 'accepted',
        invite_token_hash: null,
        status_token_hash: null,
        name: 'memberA person',
        email: 'membera@example.org',
        organisation_name: 'Oxfam',
        job_role: 'Learning adviser',
        themes_json: '["partnerships"]',
        languages_json: '["en"]',
        time_zone: 'Europe/London',
        availability_json: '[]',
        hopes: mine.hopes,
        must_avoid_json: '[]',
        as_facilitator: 0,
        decided_by: null,
        decided_at: null,
        submitted_at: now,
        withdrawn_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('consent')
      .values({
        id: randomUUID(),
        application_id: applicationId,
        version: 'v1',
        wording: 'I agree that Test Host keeps my application.',
        given_at: now,
        withdrawn_at: null,
      })
      .execute();
    // A workshop memberA said she would come to, and her private action from it.
    const workshop = await ok('coordinator', 'POST', `/api/programmes/${w.programmeId}/workshops`, {
      title: 'Plenary on funding',
      timeZone: 'Europe/London',
      localStart: '2099-06-01T10:00',
    });
    await ok('memberA', 'PUT', `/api/workshops/${workshop.id}/rsvp`, { answer: 'coming' });
    await db
      .insertInto('workshop_action')
      .values({
        id: randomUUID(),
        workshop_id: workshop.id,
        owner_id: w.people.memberA,
        text: mine.workshopAction,
        due_on: null,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
    // memberA's anonymous pulse after the meeting and her review answers, stored under her keyed hash.
    const key = (scope: 'pulse' | 'review', id: string) =>
      answerKey(t.ctx.config.authSecret, scope, id, w.people.memberA);
    await db
      .insertInto('pulse')
      .values({
        meeting_id: meetingId,
        answer_key: key('pulse', meetingId),
        set_id: w.setA,
        programme_id: w.programmeId,
        useful: 4,
        safe: 5,
        comment: mine.pulseComment,
      })
      .execute();
    const reviewId = randomUUID();
    await db
      .insertInto('review')
      .values({
        id: reviewId,
        programme_id: w.programmeId,
        title: 'End of year',
        phase: 'end',
        version: 1,
        opens_at: now,
        closes_at: null,
        published_at: null,
        reminded_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('review_version')
      .values({
        review_id: reviewId,
        version: 1,
        questions_json: JSON.stringify([
          { id: 'q1', level: 'reaction', kind: 'scale', text: 'How useful?' },
          { id: 'q2', level: 'learning', kind: 'text', text: 'What did you learn?' },
        ]),
        created_at: now,
      })
      .execute();
    await db
      .insertInto('review_response')
      .values({
        review_id: reviewId,
        respondent_key: key('review', reviewId),
        version: 1,
        answers_json: JSON.stringify([
          { questionId: 'q1', value: 5, quotable: false },
          { questionId: 'q2', value: mine.reviewWords, quotable: true },
        ]),
      })
      .execute();
    // A mail to someone else that names memberA (as a notice about a meeting might).
    await db
      .insertInto('mail_outbox')
      .values({
        id: randomUUID(),
        host_id: w.hostId,
        to_address: 'membera2@example.org',
        subject: 'memberA person sent apologies',
        text_body: 'memberA person (membera@example.org) cannot come.',
        html_body: '<p>memberA person cannot come.</p>',
        kind: 'test',
        status: 'sent',
        attempts: 1,
        next_attempt_at: now,
        claimed_until: null,
        last_error: null,
        created_at: now,
        sent_at: now,
        attachments_json: null,
        headers_json: null,
      })
      .execute();
  });
  afterAll(() => t.close());

  it('gives a person all their data as one archive of JSON and Markdown, and nothing of others', async () => {
    const r = await as('memberA', 'GET', '/api/me/data.tar.gz');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('application/gzip');
    const folder = await mkdtemp(path.join(tmpdir(), 'revans-data-test-'));
    try {
      await writeFile(path.join(folder, 'data.tar.gz'), r.rawPayload);
      await tar.extract({ file: path.join(folder, 'data.tar.gz'), cwd: folder });
      const data = JSON.parse(await readFile(path.join(folder, 'revans-my-data', 'data.json'), 'utf8'));
      const readme = await readFile(path.join(folder, 'revans-my-data', 'README.md'), 'utf8');
      expect(data.profile).toMatchObject({ name: 'memberA person', email: 'membera@example.org' });
      expect(data.problems[0]).toMatchObject({ title: mine.title, story: mine.story });
      expect(data.problems[0].reframes.map((r: { statement: string }) => r.statement)).toContain(
        mine.reframe,
      );
      expect(data.questions).toEqual([expect.objectContaining({ text: received })]);
      expect(data.actions[0].text).toBe(mine.action);
      expect(data.journal).toHaveLength(2);
      expect(data['workshop-actions']).toEqual([
        expect.objectContaining({ workshop: 'Plenary on funding', text: mine.workshopAction }),
      ]);
      expect(data.feedback.pulses).toEqual([
        expect.objectContaining({ useful: 4, safe: 5, comment: mine.pulseComment }),
      ]);
      expect(data.feedback.reviewAnswers[0].answers).toContainEqual(
        expect.objectContaining({ value: mine.reviewWords }),
      );
      expect(data.workshops).toEqual([{ workshop: 'Plenary on funding', answer: 'coming', attended: null }]);
      expect(data.applications[0]).toMatchObject({ hopes: mine.hopes });
      expect(data.applications[0].consents[0].wording).toContain('I agree');
      for (const text of [
        mine.title,
        mine.reframe,
        received,
        mine.action,
        mine.privateJournal,
        mine.hopes,
        mine.workshopAction,
      ])
        expect(readme).toContain(text);
      const both = JSON.stringify(data) + readme;
      // Others' content and who asked which question stay out.
      for (const theirs of ['memberA2 own problem', 'memberA2 private', 'memberA2 person', mine.asked])
        expect(both).not.toContain(theirs);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    expect((await t.call({ method: 'GET', url: '/api/me/data.tar.gz' })).statusCode).toBe(401);
    // The host's audit trail records that the copy was taken, by whom, and nothing of what it held.
    const trail = await ok('admin', 'GET', `/api/hosts/${w.hostId}/audit?action=person.dataExported`);
    expect(trail.events).toEqual([
      expect.objectContaining({
        actorId: w.people.memberA,
        targetType: 'person',
        targetId: w.people.memberA,
        targetLabel: 'memberA person <membera@example.org>',
        outcome: 'success',
      }),
    ]);
    expect(JSON.stringify(trail)).not.toContain(mine.title);
  });

  it('shows only a host admin what erasing someone would take, counted per kind', async () => {
    const url = `/api/people/${w.people.memberA}/erasure`;
    expect((await as('coordinator', 'GET', url)).statusCode).toBe(403);
    expect((await as('memberA2', 'GET', url)).statusCode).toBe(403);
    expect((await as('admin', 'GET', `/api/people/${w.people.admin}/erasure`)).statusCode).toBe(403);
    const preview = await ok('admin', 'GET', url);
    expect(preview.name).toBe('memberA person');
    const counts = Object.fromEntries(
      preview.counts.map((c: { kind: string; count: number }) => [c.kind, c.count]),
    );
    expect(counts).toMatchObject({
      profile: 1,
      'applications and consents': 1,
      'problems and reframes': 1,
      'questions received and asked': 2,
      actions: 1,
      'journal entries': 2,
      'apology notes': 1,
    });
  });

  it('refuses an erasure whose confirmation does not name the person, and changes nothing', async () => {
    const r = await as('admin', 'POST', `/api/people/${w.people.memberA}/erasure`, {
      mode: 'remove',
      confirmName: 'someone else',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().detail).toContain('memberA person');
    const person = await t.ctx.store.plain
      .selectFrom('person')
      .select('name')
      .where('id', '=', w.people.memberA)
      .executeTakeFirstOrThrow();
    expect(person.name).toBe('memberA person');
  });

  it('erases a person: nothing in any table names them or keeps their words; their socket closes; figures stay', async () => {
    const room = openRoom(base, w.cookies.memberA, meetingId);
    await room.joined;
    const r = await as('admin', 'POST', `/api/people/${w.people.memberA}/erasure`, {
      mode: 'remove',
      confirmName: 'memberA person',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await room.closed).toBe(4401);

    const rows = await everyRow(t);
    for (const needle of ['memberA person', 'membera@example.org', ...Object.values(mine)])
      expect({ needle, tables: tablesMentioning(rows, needle) }).toEqual({ needle, tables: [] });
    // What others wrote and shared stays.
    expect(tablesMentioning(rows, 'memberA2 own problem')).toContain('problem');

    const db = t.ctx.store.plain;
    const person = await db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', w.people.memberA)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name: 'A former member', user_id: null });
    expect(person.archived_at).not.toBeNull();
    expect(
      await db.selectFrom('action').select('status').where('owner_id', '=', w.people.memberA).execute(),
    ).toHaveLength(1);
    const attendance = await db
      .selectFrom('meeting_attendance')
      .select(['status', 'apology_note'])
      .where('person_id', '=', w.people.memberA)
      .executeTakeFirstOrThrow();
    expect(attendance).toEqual({ status: 'apologies', apology_note: '' });
    expect(
      await db
        .selectFrom('set_membership')
        .select('set_id')
        .where('person_id', '=', w.people.memberA)
        .execute(),
    ).toHaveLength(1);

    const signIn = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'membera@example.org', password: 'a long enough password' },
    });
    expect(signIn.statusCode).toBeGreaterThanOrEqual(400);
    expect((await as('memberA', 'GET', '/api/me')).statusCode).toBe(401);

    const log = await ok('admin', 'GET', `/api/hosts/${w.hostId}/erasures`);
    expect(log[0]).toMatchObject({
      kind: 'person',
      subjectId: w.people.memberA,
      mode: 'remove',
      erasedBy: w.people.admin,
    });
    const again = await as('admin', 'POST', `/api/people/${w.people.memberA}/erasure`, {
      mode: 'remove',
      confirmName: 'A former member',
    });
    expect(again.statusCode).toBe(409);
  });

  it("keeps set content as a former member's when the host chooses to anonymise, but never a private journal", async () => {
    const r = await as('admin', 'POST', `/api/people/${w.people.memberA2}/erasure`, {
      mode: 'anonymise',
      confirmName: 'memberA2 person',
    });
    expect(r.statusCode, r.body).toBe(200);
    const rows = await everyRow(t);
    expect(tablesMentioning(rows, 'memberA2 person')).toEqual([]);
    expect(tablesMentioning(rows, 'membera2@example.org')).toEqual([]);
    // Anonymised: the problem stays, in the set and in the room's record of it.
    expect(tablesMentioning(rows, 'memberA2 own problem')).toContain('problem');
    expect(tablesMentioning(rows, 'memberA2 shared')).toEqual(['journal_entry']);
    expect(tablesMentioning(rows, 'memberA2 private')).toEqual([]);
    const problems = await ok('facilitatorA', 'GET', `/api/sets/${w.setA}/problems`);
    const theirs = problems.find((p: { title: string }) => p.title === 'memberA2 own problem');
    expect(JSON.stringify(theirs)).toContain('A former member');
  });
});
