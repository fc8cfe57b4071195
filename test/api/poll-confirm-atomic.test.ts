import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

/**
 * Confirming a poll is one use case across features: it decides the poll, makes the set's series, the
 * set's meeting or the programme's event (with their own mails and ledger entries), then tells everyone
 * asked. The database refuses the very last step here (the first "decided" mail), and nothing of the
 * rest may remain: the poll is still open and can be confirmed once the mail goes through.
 */
describe.each(storeKinds)('confirming a poll is all or nothing, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  const clock = new Date('2027-01-04T09:00:00Z');

  /** Makes the outbox refuse the mails that announce a decided poll, as a full disk or a bug would. */
  async function refuseDecidedMails(refuse: boolean) {
    const db = t.ctx.store.plain;
    if (kind === 'sqlite') {
      await sql`drop trigger if exists refuse_decided_mail`.execute(db);
      if (refuse)
        await sql`create trigger refuse_decided_mail before insert on mail_outbox
          when new.kind = 'pollConfirmed'
          begin select raise(abort, 'the outbox refuses this mail'); end`.execute(db);
      return;
    }
    await sql`drop trigger if exists refuse_decided_mail on mail_outbox`.execute(db);
    if (refuse) {
      await sql`create or replace function refuse_decided_mail() returns trigger language plpgsql as $$
        begin raise exception 'the outbox refuses this mail'; end $$`.execute(db);
      await sql`create trigger refuse_decided_mail before insert on mail_outbox for each row
        when (new.kind = 'pollConfirmed') execute function refuse_decided_mail()`.execute(db);
    }
  }

  /** Everything confirming may write, as it stands. */
  async function snapshot(pollId: string) {
    const db = t.ctx.store.plain;
    const count = async (table: 'meeting_series' | 'series_occurrence' | 'meeting' | 'programme_event') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      poll: await db
        .selectFrom('poll')
        .select(['status', 'confirmed_option_id', 'result_json', 'updated_at'])
        .where('id', '=', pollId)
        .executeTakeFirstOrThrow(),
      series: await count('meeting_series'),
      occurrences: await count('series_occurrence'),
      meetings: await count('meeting'),
      events: await count('programme_event'),
      mails: (await db.selectFrom('mail_outbox').select(['kind', 'to_address']).orderBy('id').execute()).map(
        (m) => `${m.kind} ${m.to_address}`,
      ),
      ledger: (await db.selectFrom('notification_ledger').select('key').orderBy('key').execute()).map(
        (l) => l.key,
      ),
    };
  }

  /** Confirms the poll's first option while the outbox refuses, then again once it accepts. */
  async function confirmTwice(pollId: string, cookie: string) {
    const poll = (await t.call({ method: 'GET', url: `/api/polls/${pollId}`, cookie })).json();
    const confirm = () =>
      t.call({
        method: 'POST',
        url: `/api/polls/${pollId}/confirm`,
        cookie,
        payload: { optionId: poll.options[0].id, force: true },
      });
    const before = await snapshot(pollId);
    await refuseDecidedMails(true);
    const refused = await confirm();
    await refuseDecidedMails(false);
    expect(refused.statusCode, refused.body).toBe(500);
    expect(await snapshot(pollId)).toEqual(before);
    expect(before.poll).toMatchObject({ status: 'open', confirmed_option_id: null, result_json: null });

    const confirmed = await confirm();
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedOptionId: poll.options[0].id });
    const after = await snapshot(pollId);
    const decided = (mails: string[]) => mails.filter((m) => m.startsWith('pollConfirmed ')).length;
    expect(decided(after.mails) - decided(before.mails)).toBe(confirmed.json().participantCount);
    return { result: confirmed.json().result, before, after };
  }

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => clock });
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const setPoll = (payload: object) =>
    t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/polls`,
      cookie: w.cookies.facilitatorA,
      payload: {
        title: 'When do we meet?',
        timeZone: 'Europe/London',
        options: ['2027-03-03T10:00', '2027-03-04T14:00'],
        ...payload,
      },
    });

  it('makes no series, meetings, invitations or ledger entries for a slot when the result cannot be mailed', async () => {
    const created = await setPoll({
      purpose: 'slot',
      pattern: { frequency: 'weekly', interval: 4 },
      untilDate: '2027-06-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { result, before, after } = await confirmTwice(created.json().id, w.cookies.facilitatorA);
    expect(result.seriesId).toBeTruthy();
    expect(after.series).toBe(before.series + 1);
    expect(after.meetings).toBeGreaterThan(before.meetings);
    expect(after.mails.some((m) => m.startsWith('seriesInvitation '))).toBe(true);
  });

  it("makes no meeting for a set's one-off date when the result cannot be mailed", async () => {
    const created = await setPoll({ title: 'An extra meeting', purpose: 'date' });
    expect(created.statusCode, created.body).toBe(201);
    const { result, before, after } = await confirmTwice(created.json().id, w.cookies.facilitatorA);
    expect(result.meetingId).toBeTruthy();
    expect(after.meetings).toBe(before.meetings + 1);
  });

  it('makes no programme event, and no .ics mails, when the result cannot be mailed', async () => {
    const created = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/polls`,
      cookie: w.cookies.coordinator,
      payload: {
        title: 'Programme gathering',
        timeZone: 'Europe/London',
        options: ['2027-05-12T13:00', '2027-05-19T13:00'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { result, before, after } = await confirmTwice(created.json().id, w.cookies.coordinator);
    expect(result.programmeEventId).toBeTruthy();
    expect(after.events).toBe(before.events + 1);
    expect(after.ledger.length).toBeGreaterThan(before.ledger.length);
  });
});
