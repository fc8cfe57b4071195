import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { PersonActor } from '../../../domain/access.ts';
import { defaultAgenda } from '../../../domain/meeting/agenda.ts';
import { formatMeetingTime, localIn } from '../../../domain/schedule/format.ts';
import {
  checkRrule,
  expandSeries,
  noExceptions,
  type Pattern,
  patternToRrule,
  ruleStarts,
  type SeriesExceptions,
} from '../../../domain/schedule/recurrence.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { Database, MeetingSeriesTable } from '../../store/schema.ts';
import { loadCalendarMeetings } from '../calendar/ics.ts';
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

export interface SeriesInput {
  firstLocal: string;
  timeZone: string;
  durationMinutes: number;
  pattern?: Pattern | undefined;
  rrule?: string | undefined;
  untilDate?: string | undefined;
  place: string;
  videoUrl: string;
}

export async function agendaFor(trx: Transaction<Database>, setId: string): Promise<string> {
  const row = await trx
    .selectFrom('learning_set')
    .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
    .select(['learning_set.agenda_json as set_agenda', 'programme.agenda_json as programme_agenda'])
    .where('learning_set.id', '=', setId)
    .executeTakeFirstOrThrow();
  return row.set_agenda ?? row.programme_agenda ?? JSON.stringify(defaultAgenda());
}

export async function seriesRow(ctx: AppContext, seriesId: string): Promise<MeetingSeriesTable> {
  const row = await ctx.store.plain
    .selectFrom('meeting_series')
    .selectAll()
    .where('id', '=', seriesId)
    .executeTakeFirst();
  if (!row) throw notFound('meeting series');
  return row;
}

const definition = (row: MeetingSeriesTable) => ({
  firstLocal: row.first_local,
  timeZone: row.time_zone,
  durationMinutes: row.duration_minutes,
  rrule: row.rrule,
  untilDate: row.until_date,
  exceptions: JSON.parse(row.exceptions_json) as SeriesExceptions,
});

/**
 * Checks a series definition as a person gave it and fills in what they may leave out: the last date
 * defaults to the programme's end, a pattern becomes its RRULE. Throws a 422 problem otherwise.
 */
export async function resolveDefinition(ctx: AppContext, programmeId: string, input: SeriesInput) {
  const programme = await ctx.store.plain
    .selectFrom('programme')
    .select(['ends_on'])
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const untilDate = input.untilDate ?? programme.ends_on;
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
 * as one invitation carrying every meeting's .ics.
 */
export async function createSeries(ctx: AppContext, actor: PersonActor, setId: string, input: SeriesInput) {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'meeting.schedule', set);
  const def = await resolveDefinition(ctx, set.programmeId, input);
  const { rrule, untilDate } = def;
  const occurrences = expandSeries(def);
  const seriesId = randomUUID();
  const now = ctx.now();
  await ctx.store.plain.transaction().execute(async (trx) => {
    const agenda = await agendaFor(trx, setId);
    await trx
      .insertInto('meeting_series')
      .values({
        id: seriesId,
        set_id: setId,
        time_zone: input.timeZone,
        first_local: input.firstLocal,
        duration_minutes: input.durationMinutes,
        rrule,
        until_date: untilDate,
        place: input.place,
        video_url: input.videoUrl,
        exceptions_json: JSON.stringify(def.exceptions),
        status: 'active',
        created_by: actor.personId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    const meetingIds: string[] = [];
    for (const o of occurrences) {
      const id = randomUUID();
      meetingIds.push(id);
      await insertMeeting(trx, { id, setId, seriesId, start: o.startsAt, end: o.endsAt, input, agenda, now });
      await trx
        .insertInto('series_occurrence')
        .values({ series_id: seriesId, occurrence_key: o.key, meeting_id: id })
        .execute();
    }
    await sendSeriesInvitation(ctx, trx, setId, meetingIds);
  });
  ctx.mail.wake();
  return getSeries(ctx, actor, seriesId);
}

export async function insertMeeting(
  trx: Transaction<Database>,
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
  await trx
    .insertInto('meeting')
    .values({
      id: m.id,
      set_id: m.setId,
      starts_at: m.start.toISOString(),
      ends_at: m.end.toISOString(),
      time_zone: m.input.timeZone,
      place: m.input.place,
      video_url: m.input.videoUrl,
      status: 'scheduled',
      agenda_json: m.agenda,
      setup_json: null,
      sequence: 0,
      series_id: m.seriesId,
      created_at: m.now.toISOString(),
      updated_at: m.now.toISOString(),
    })
    .execute();
}

/** One mail per member for the whole series; the ledger marks each meeting as announced to them. */
async function sendSeriesInvitation(
  ctx: AppContext,
  trx: Transaction<Database>,
  setId: string,
  meetingIds: string[],
) {
  const meetings = await loadCalendarMeetings(trx as never, { meetingIds });
  const recipients = (await setRecipients(trx, [setId])).get(setId) ?? [];
  const prefs = await loadPreferences(
    trx,
    recipients.map((r) => r.personId),
  );
  const now = ctx.now();
  const setName = meetings[0]?.setName ?? '';
  for (const to of recipients) {
    for (const m of meetings)
      await claimLedger(
        trx,
        {
          key: noticeKey(m.id, to.personId, 0),
          personId: to.personId,
          meetingId: m.id,
          kind: 'seriesInvitation',
        },
        now,
      );
    await queueNotice(ctx, trx, to, prefs.get(to.personId)!, {
      preference: 'invitations',
      template: 'seriesInvitation',
      vars: { setName, count: String(meetings.length) },
      details: meetings.map((m) => formatMeetingTime(m.startsAt, m.endsAt, to.timeZone)),
      actionPath: '/upcoming',
      attachments: [icsAttachment(ctx, setName, meetings)],
    });
  }
}

export async function getSeries(ctx: AppContext, actor: PersonActor, seriesId: string) {
  const row = await seriesRow(ctx, seriesId);
  const set = await setResource(ctx.store.plain, row.set_id);
  authorize(actor, 'meeting.readSchedule', set);
  const occurrences = await ctx.store.plain
    .selectFrom('series_occurrence')
    .innerJoin('meeting', 'meeting.id', 'series_occurrence.meeting_id')
    .select([
      'series_occurrence.occurrence_key',
      'meeting.id',
      'meeting.starts_at',
      'meeting.ends_at',
      'meeting.status',
      'meeting.sequence',
    ])
    .where('series_occurrence.series_id', '=', seriesId)
    .orderBy('meeting.starts_at')
    .execute();
  return {
    id: row.id,
    setId: row.set_id,
    timeZone: row.time_zone,
    firstLocal: row.first_local,
    durationMinutes: row.duration_minutes,
    rrule: row.rrule,
    untilDate: row.until_date,
    place: row.place,
    videoUrl: row.video_url,
    status: row.status,
    exceptions: JSON.parse(row.exceptions_json) as SeriesExceptions,
    meetings: occurrences.map((o) => ({
      occurrenceKey: o.occurrence_key,
      meetingId: o.id,
      startsAt: o.starts_at,
      endsAt: o.ends_at,
      localStart: localIn(o.starts_at, row.time_zone),
      status: o.status,
      sequence: o.sequence,
    })),
  };
}

export async function listSeries(ctx: AppContext, actor: PersonActor, setId: string) {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'meeting.readSchedule', set);
  const rows = await ctx.store.plain
    .selectFrom('meeting_series')
    .select('id')
    .where('set_id', '=', setId)
    .orderBy('created_at')
    .execute();
  return Promise.all(rows.map((r) => getSeries(ctx, actor, r.id)));
}

export type SeriesException =
  | { kind: 'skip'; occurrenceKey: string }
  | { kind: 'move'; occurrenceKey: string; toLocal: string }
  | { kind: 'add'; local: string };

/** Skip one meeting, move one, or add one; members hear about it with the changed .ics. */
export async function addSeriesException(
  ctx: AppContext,
  actor: PersonActor,
  seriesId: string,
  change: SeriesException,
) {
  const row = await seriesRow(ctx, seriesId);
  const set = await setResource(ctx.store.plain, row.set_id);
  authorize(actor, 'meeting.schedule', set);
  if (row.status !== 'active') throw conflict('This series is cancelled.');
  const def = definition(row);
  const exceptions = def.exceptions;
  const now = ctx.now();
  const minutes = row.duration_minutes * 60_000;
  await ctx.store.plain.transaction().execute(async (trx) => {
    let meetingId: string;
    if (change.kind === 'add') {
      if (ruleStarts(def).includes(change.local) || exceptions.added.includes(change.local))
        throw conflict('There is already a meeting of this series at that time.', 'body.local');
      exceptions.added.push(change.local);
      meetingId = randomUUID();
      const start = localToUtc({ local: change.local, timeZone: row.time_zone });
      await insertMeeting(trx, {
        id: meetingId,
        setId: row.set_id,
        seriesId,
        start,
        end: new Date(start.getTime() + minutes),
        input: { timeZone: row.time_zone, place: row.place, videoUrl: row.video_url },
        agenda: await agendaFor(trx, row.set_id),
        now,
      });
      await trx
        .insertInto('series_occurrence')
        .values({ series_id: seriesId, occurrence_key: change.local, meeting_id: meetingId })
        .execute();
    } else {
      const occurrence = await trx
        .selectFrom('series_occurrence')
        .innerJoin('meeting', 'meeting.id', 'series_occurrence.meeting_id')
        .select(['meeting.id', 'meeting.status', 'meeting.sequence'])
        .where('series_occurrence.series_id', '=', seriesId)
        .where('series_occurrence.occurrence_key', '=', change.occurrenceKey)
        .executeTakeFirst();
      if (!occurrence) throw new Problem('not-found', 'This series has no meeting at that time.');
      if (occurrence.status === 'live' || occurrence.status === 'ended')
        throw conflict('This meeting has already started, so it can no longer change.');
      meetingId = occurrence.id;
      if (change.kind === 'skip') {
        if (!exceptions.skipped.includes(change.occurrenceKey)) exceptions.skipped.push(change.occurrenceKey);
        await trx
          .updateTable('meeting')
          .set({ status: 'cancelled', sequence: occurrence.sequence + 1, updated_at: now.toISOString() })
          .where('id', '=', meetingId)
          .execute();
      } else {
        exceptions.moved = exceptions.moved.filter((m) => m.from !== change.occurrenceKey);
        exceptions.moved.push({ from: change.occurrenceKey, to: change.toLocal });
        const start = localToUtc({ local: change.toLocal, timeZone: row.time_zone });
        await trx
          .updateTable('meeting')
          .set({
            starts_at: start.toISOString(),
            ends_at: new Date(start.getTime() + minutes).toISOString(),
            status: 'scheduled',
            sequence: occurrence.sequence + 1,
            updated_at: now.toISOString(),
          })
          .where('id', '=', meetingId)
          .execute();
      }
    }
    await trx
      .updateTable('meeting_series')
      .set({ exceptions_json: JSON.stringify(exceptions), updated_at: now.toISOString() })
      .where('id', '=', seriesId)
      .execute();
    await sendMeetingNotices(ctx, trx, [meetingId]);
  });
  ctx.mail.wake();
  wakeNotifications(ctx);
  return getSeries(ctx, actor, seriesId);
}

/** Cancels the series: every meeting still to come is cancelled, and members are told. */
export async function cancelSeries(ctx: AppContext, actor: PersonActor, seriesId: string) {
  const row = await seriesRow(ctx, seriesId);
  const set = await setResource(ctx.store.plain, row.set_id);
  authorize(actor, 'meeting.schedule', set);
  const now = ctx.now();
  await ctx.store.plain.transaction().execute(async (trx) => {
    const future = await trx
      .selectFrom('meeting')
      .select(['id', 'sequence'])
      .where('series_id', '=', seriesId)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', now.toISOString())
      .execute();
    for (const m of future) {
      await trx
        .updateTable('meeting')
        .set({ status: 'cancelled', sequence: m.sequence + 1, updated_at: now.toISOString() })
        .where('id', '=', m.id)
        .execute();
    }
    await trx
      .updateTable('meeting_series')
      .set({ status: 'cancelled', updated_at: now.toISOString() })
      .where('id', '=', seriesId)
      .execute();
    await sendMeetingNotices(
      ctx,
      trx,
      future.map((m) => m.id),
    );
  });
  ctx.mail.wake();
  return getSeries(ctx, actor, seriesId);
}
