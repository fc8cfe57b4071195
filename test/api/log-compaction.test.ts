import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/server/context.ts';
import { tables } from '../../src/server/data-rights/types.ts';
import { compactEndedMeetings, pruneOutbox } from '../../src/server/features/meetings/compaction.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { pdfText } from '../support/pdf-text.ts';
import { openQuestioning, type RoomAtQuestioning } from '../support/questioning.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

const title = 'Board never reads the papers';
const question = 'What would make the papers worth reading?';
const dayMs = 24 * 3_600_000;

/** The same context, its clock moved on: what the scheduler's round sees that many days later. */
const daysLater = (ctx: AppContext, days: number): AppContext => ({
  ...ctx,
  now: () => new Date(Date.now() + days * dayMs),
});

describe.each(storeKinds)('growth: compacting ended meetings and pruning the outbox, on %s', (kind) => {
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
    // The room's moment-to-moment traffic: hands up and down, the timer paused and resumed.
    for (let i = 0; i < 3; i++) {
      await run(q, { type: 'hand.raise' });
      await run(q, { type: 'hand.lower' });
    }
    await run(f, { type: 'timer.pause' });
    await run(f, { type: 'timer.resume' });
    await run(q, { type: 'question.add', text: question });
    const asked = (await p.until((s) => s.turns[0]?.questions.length === 1)).turns[0]!.questions[0]!;
    await run(p, { type: 'question.mark', questionId: asked.questionId, struckHome: true });
    await run(f, { type: 'meeting.end' });
  });
  afterAll(async () => {
    room?.close();
    await t.close();
  });

  const events = () =>
    tables(t.ctx.db)
      .selectFrom('meeting_event')
      .select(['seq', 'command_json'])
      .where('meeting_id', '=', meetingId)
      .orderBy('seq')
      .execute();
  const get = (url: string, role: Role) => t.call({ method: 'GET', url, cookie: w.cookies[role] });
  /** Everything a person can take away or look at that is replayed from the log. */
  const whatPeopleSee = async () => ({
    markdown: await Promise.all(
      (['memberA', 'memberA2', 'facilitatorA'] as const).map(
        async (role) => (await get(`/api/meetings/${meetingId}/record`, role)).json().markdown,
      ),
    ),
    pdf: pdfText((await get(`/api/meetings/${meetingId}/record.pdf`, 'memberA')).rawPayload),
    turns: (await get(`/api/sets/${w.setA}/turns`, 'facilitatorA')).json(),
  });

  it("keeps a young meeting's log whole, then compacts it to what its record needs", async () => {
    const before = await events();
    const seen = await whatPeopleSee();
    expect(seen.markdown[0]).toContain(`- **Struck home:** ${question}`);
    expect(seen.pdf).toContain(`My problem: ${title}`);

    // Within LIVE_LOG_COMPACT_DAYS (30 by default): nothing happens.
    expect((await compactEndedMeetings(t.ctx)).meetings).toBe(0);
    expect(await events()).toEqual(before);

    const counts = await compactEndedMeetings(daysLater(t.ctx, 31));
    expect(counts.meetings).toBe(1);
    expect(counts.eventsBefore).toBe(before.length);
    const after = await events();
    expect(counts.eventsRemoved).toBe(before.length - after.length);
    const kinds = (rows: { command_json: string }[]) => rows.map((r) => JSON.parse(r.command_json).type);
    expect(kinds(before)).toContain('hand.raise');
    expect(kinds(after)).not.toContain('hand.raise');
    expect(kinds(after)).not.toContain('hand.lower');
    expect(kinds(after)).toContain('question.add');
    // What stays is the logged events as they were.
    for (const row of after) expect(before).toContainEqual(row);

    expect(await whatPeopleSee()).toEqual(seen);
    // Once is enough: the meeting is not looked at again.
    expect((await compactEndedMeetings(daysLater(t.ctx, 60))).meetings).toBe(0);
  });

  it('prunes sent and failed mail after MAIL_RETENTION_DAYS, never pending mail', async () => {
    const db = tables(t.ctx.db);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * dayMs).toISOString();
    const mail = (status: 'sent' | 'failed' | 'pending', daysAgo: number) => ({
      id: randomUUID(),
      host_id: null,
      to_address: 'someone@example.org',
      subject: `${status} ${daysAgo}`,
      text_body: 'x',
      html_body: 'x',
      kind: 'test',
      status,
      attempts: 0,
      next_attempt_at: at(daysAgo),
      claimed_until: null,
      last_error: null,
      created_at: at(daysAgo),
      sent_at: status === 'sent' ? at(daysAgo) : null,
    });
    const rows = [mail('sent', 100), mail('failed', 95), mail('pending', 120), mail('sent', 10)];
    await db.insertInto('mail_outbox').values(rows).execute();
    expect(await pruneOutbox(t.ctx)).toBe(2);
    const left = await db
      .selectFrom('mail_outbox')
      .select('subject')
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(left.map((r) => r.subject).sort()).toEqual(['pending 120', 'sent 10']);
  });
});
