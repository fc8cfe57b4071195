import { randomUUID } from 'node:crypto';
import type { Series, SeriesException, SeriesInput } from '../../../contract/series.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { formatMeetingTime, localIn } from '../../../domain/schedule/format.ts';
import {
  checkRrule,
  expandSeries,
  noExceptions,
  patternToRrule,
  ruleStarts,
  type SeriesExceptions,
} from '../../../domain/schedule/recurrence.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { loadCalendarMeetings } from '../calendar/ics.ts';
import { agendaFor } from '../meetings/agenda.ts';
import {
  claimLedger,
  icsAttachment,
  noticeKey,
  queueNotice,
  sendMeetingNotices,
  setRecipients,
} from '../notifications/mails.ts';
import { loadPreferences } from '../notifications/preferences.ts';
import { wakeNotifications } from '../notifications/scheduler.ts';
import { setResource } from '../resources.ts';

type SeriesRow = DB['meetingSeries'];

export async function seriesRow(ctx: AppContext, seriesId: string): Promise<SeriesRow> {
  const row = await ctx.db
    .selectFrom('meetingSeries')
    .selectAll()
    .where('id', '=', seriesId)
    .executeTakeFirst();
  if (!row) throw notFound('meeting series');
  return row;
}

const definition = (row: SeriesRow) => ({
  firstLocal: row.firstLocal,
  timeZone: row.timeZone,
  durationMinutes: row.durationMinutes,
  rrule: row.rrule,
  untilDate: row.untilDate,
  exceptions: JSON.parse(row.exceptionsJson) as SeriesExceptions,
});

/**
 * Checks a series definition as a person gave it and fills in what they may leave out: the last date
 * defaults to the programme's end, a pattern becomes its RRULE. Throws a 422 problem otherwise.
 */
export async function resolveDefinition(ctx: AppContext, programmeId: string, input: SeriesInput) {
  const programme = await ctx.db
    .selectFrom('programme')
    .select(['endsOn'])
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const untilDate = input.untilDate ?? programme.endsOn;
  if (!untilDate)
    throw new Problem(
      'validation-failed',
      'Give the date of the last meeting, or set the end date of the programme first.',
      [{ field: 'body.untilDate', message: 'is needed because the programme has no end date' }],
    );
  if (untilDate < input.firstLocal.slice(0, 10))
    throw new Problem('validation-failed', 'The last date is before the first meeting.', [
      { field: 'body.untilDate', message: 'must be on or after the first meeting' },
    ]);
  const rrule = input.rrule ?? patternToRrule(input.pattern!, input.firstLocal);
  const problem = checkRrule(rrule);
  if (problem)
    throw new Problem('validation-failed', `The recurrence ${problem}.`, [
      { field: 'body.rrule', message: problem },
    ]);
  return {
    firstLocal: input.firstLocal,
    timeZone: input.timeZone,
    durationMinutes: input.durationMinutes,
    rrule,
    untilDate,
    exceptions: noExceptions(),
  };
}

/**
 * Creates a set's schedule over the programme period: one meeting per occurrence, each mailed to the set
 * as one invitation carrying every meeting's .ics. One transaction, or part of the caller's (a poll
 * confirmed into this series).
 */
export async function createSeries(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: SeriesInput,
): Promise<Series> {
  return transact(ctx, async (tx) => {
    const set = await setResource(tx.db, setId);
    authorize(actor, 'meeting.schedule', set);
    const def = await resolveDefinition(tx, set.programmeId, input);
    const occurrences = expandSeries(def);
    const seriesId = randomUUID();
    const now = tx.now();
    const agenda = await agendaFor(tx, setId);
    await tx.db
      .insertInto('meetingSeries')
      .values({
        id: seriesId,
        setId,
        timeZone: input.timeZone,
        firstLocal: input.firstLocal,
        durationMinutes: input.durationMinutes,
        rrule: def.rrule,
        untilDate: def.untilDate,
        place: input.place,
        videoUrl: input.videoUrl,
        exceptionsJson: JSON.stringify(def.exceptions),
        status: 'active',
        createdBy: actor.personId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .execute();
    const meetingIds: string[] = [];
    for (const o of occurrences) {
      const id = randomUUID();
      meetingIds.push(id);
      await insertMeeting(tx, { id, setId, seriesId, start: o.startsAt, end: o.endsAt, input, agenda, now });
      await tx.db
        .insertInto('seriesOccurrence')
        .values({ seriesId, occurrenceKey: o.key, meetingId: id })
        .execute();
    }
    await sendSeriesInvitation(tx, setId, meetingIds);
    tx.afterCommit(() => tx.mail.wake());
    return getSeries(tx, actor, seriesId);
  });
}

export async function insertMeeting(
  ctx: AppContext,
  m: {
    id: string;
    setId: string;
    seriesId: string;
    start: Date;
    end: Date;
    input: { timeZone: string; place: string; videoUrl: string };
    agenda: string;
    now: Date;
  },
) {
  await ctx.db
    .insertInto('meeting')
    .values({
      id: m.id,
      setId: m.setId,
      startsAt: m.start.toISOString(),
      endsAt: m.end.toISOString(),
      timeZone: m.input.timeZone,
      place: m.input.place,
      videoUrl: m.input.videoUrl,
      status: 'scheduled',
      agendaJson: m.agenda,
      setupJson: null,
      sequence: 0,
      seriesId: m.seriesId,
      createdAt: m.now.toISOString(),
      updatedAt: m.now.toISOString(),
    })
    .execute();
}

/** One mail per member for the whole series; the ledger marks each meeting as announced to them. */
async function sendSeriesInvitation(ctx: AppContext, setId: string, meetingIds: string[]) {
  const meetings = await loadCalendarMeetings(ctx.db, { meetingIds });
  const recipients = (await setRecipients(ctx.db, [setId])).get(setId) ?? [];
  const prefs = await loadPreferences(
    ctx.db,
    recipients.map((r) => r.personId),
  );
  const now = ctx.now();
  const setName = meetings[0]?.setName ?? '';
  for (const to of recipients) {
    for (const m of meetings)
      await claimLedger(
        ctx.db,
        {
          key: noticeKey(m.id, to.personId, 0),
          personId: to.personId,
          meetingId: m.id,
          kind: 'seriesInvitation',
        },
        now,
      );
    await queueNotice(ctx, to, prefs.get(to.personId)!, {
      preference: 'invitations',
      template: 'seriesInvitation',
      vars: { setName, count: String(meetings.length) },
      details: meetings.map((m) => formatMeetingTime(m.startsAt, m.endsAt, to.timeZone, to.language)),
      actionPath: '/upcoming',
      attachments: [icsAttachment(ctx, setName, meetings, to)],
    });
  }
}

export async function getSeries(ctx: AppContext, actor: PersonActor, seriesId: string): Promise<Series> {
  const row = await seriesRow(ctx, seriesId);
  const set = await setResource(ctx.db, row.setId);
  authorize(actor, 'meeting.readSchedule', set);
  const occurrences = await ctx.db
    .selectFrom('seriesOccurrence')
    .innerJoin('meeting', 'meeting.id', 'seriesOccurrence.meetingId')
    .select([
      'seriesOccurrence.occurrenceKey',
      'meeting.id as meetingId',
      'meeting.startsAt',
      'meeting.endsAt',
      'meeting.status',
      'meeting.sequence',
    ])
    .where('seriesOccurrence.seriesId', '=', seriesId)
    .orderBy('meeting.startsAt')
    .execute();
  return {
    id: row.id,
    setId: row.setId,
    timeZone: row.timeZone,
    firstLocal: row.firstLocal,
    durationMinutes: row.durationMinutes,
    rrule: row.rrule,
    untilDate: row.untilDate,
    place: row.place,
    videoUrl: row.videoUrl,
    status: row.status,
    exceptions: JSON.parse(row.exceptionsJson) as SeriesExceptions,
    meetings: occurrences.map((o) => ({ ...o, localStart: localIn(o.startsAt, row.timeZone) })),
  };
}

export async function listSeries(ctx: AppContext, actor: PersonActor, setId: string): Promise<Series[]> {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'meeting.readSchedule', set);
  const rows = await ctx.db
    .selectFrom('meetingSeries')
    .select('id')
    .where('setId', '=', setId)
    .orderBy('createdAt')
    .execute();
  return Promise.all(rows.map((r) => getSeries(ctx, actor, r.id)));
}

/** Skip one meeting, move one, or add one; members hear about it with the changed .ics. */
export async function addSeriesException(
  ctx: AppContext,
  actor: PersonActor,
  seriesId: string,
  change: SeriesException,
): Promise<Series> {
  const row = await seriesRow(ctx, seriesId);
  const set = await setResource(ctx.db, row.setId);
  authorize(actor, 'meeting.schedule', set);
  if (row.status !== 'active') throw conflict('This series is cancelled.');
  const def = definition(row);
  const exceptions = def.exceptions;
  const now = ctx.now();
  const minutes = row.durationMinutes * 60_000;
  await transact(ctx, async (tx) => {
    let meetingId: string;
    if (change.kind === 'add') {
      if (ruleStarts(def).includes(change.local) || exceptions.added.includes(change.local))
        throw conflict('There is already a meeting of this series at that time.', 'body.local');
      exceptions.added.push(change.local);
      meetingId = randomUUID();
      const start = localToUtc({ local: change.local, timeZone: row.timeZone });
      await insertMeeting(tx, {
        id: meetingId,
        setId: row.setId,
        seriesId,
        start,
        end: new Date(start.getTime() + minutes),
        input: row,
        agenda: await agendaFor(tx, row.setId),
        now,
      });
      await tx.db
        .insertInto('seriesOccurrence')
        .values({ seriesId, occurrenceKey: change.local, meetingId })
        .execute();
    } else {
      const occurrence = await tx.db
        .selectFrom('seriesOccurrence')
        .innerJoin('meeting', 'meeting.id', 'seriesOccurrence.meetingId')
        .select(['meeting.id', 'meeting.status', 'meeting.sequence'])
        .where('seriesOccurrence.seriesId', '=', seriesId)
        .where('seriesOccurrence.occurrenceKey', '=', change.occurrenceKey)
        .executeTakeFirst();
      if (!occurrence) throw new Problem('not-found', 'This series has no meeting at that time.');
      if (occurrence.status === 'live' || occurrence.status === 'ended')
        throw conflict('This meeting has already started, so it can no longer change.');
      meetingId = occurrence.id;
      if (change.kind === 'skip') {
        if (!exceptions.skipped.includes(change.occurrenceKey)) exceptions.skipped.push(change.occurrenceKey);
        await tx.db
          .updateTable('meeting')
          .set({ status: 'cancelled', sequence: occurrence.sequence + 1, updatedAt: now.toISOString() })
          .where('id', '=', meetingId)
          .execute();
      } else {
        exceptions.moved = exceptions.moved.filter((m) => m.from !== change.occurrenceKey);
        exceptions.moved.push({ from: change.occurrenceKey, to: change.toLocal });
        const start = localToUtc({ local: change.toLocal, timeZone: row.timeZone });
        await tx.db
          .updateTable('meeting')
          .set({
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + minutes).toISOString(),
            status: 'scheduled',
            sequence: occurrence.sequence + 1,
            updatedAt: now.toISOString(),
          })
          .where('id', '=', meetingId)
          .execute();
      }
    }
    await tx.db
      .updateTable('meetingSeries')
      .set({ exceptionsJson: JSON.stringify(exceptions), updatedAt: now.toISOString() })
      .where('id', '=', seriesId)
      .execute();
    await sendMeetingNotices(tx, [meetingId]);
    tx.afterCommit(() => {
      tx.mail.wake();
      wakeNotifications(tx);
    });
  });
  return getSeries(ctx, actor, seriesId);
}

/** Cancels the series: every meeting still to come is cancelled, and members are told. */
export async function cancelSeries(ctx: AppContext, actor: PersonActor, seriesId: string): Promise<Series> {
  const row = await seriesRow(ctx, seriesId);
  const set = await setResource(ctx.db, row.setId);
  authorize(actor, 'meeting.schedule', set);
  const now = ctx.now();
  await transact(ctx, async (tx) => {
    const future = await tx.db
      .selectFrom('meeting')
      .select(['id', 'sequence'])
      .where('seriesId', '=', seriesId)
      .where('status', '=', 'scheduled')
      .where('startsAt', '>', now.toISOString())
      .execute();
    for (const m of future) {
      await tx.db
        .updateTable('meeting')
        .set({ status: 'cancelled', sequence: m.sequence + 1, updatedAt: now.toISOString() })
        .where('id', '=', m.id)
        .execute();
    }
    await tx.db
      .updateTable('meetingSeries')
      .set({ status: 'cancelled', updatedAt: now.toISOString() })
      .where('id', '=', seriesId)
      .execute();
    await sendMeetingNotices(
      tx,
      future.map((m) => m.id),
    );
    tx.afterCommit(() => tx.mail.wake());
  });
  return getSeries(ctx, actor, seriesId);
}
