import { randomUUID } from 'node:crypto';
import type { PersonActor } from '../../../domain/access.ts';
import { defaultAgenda } from '../../../domain/meeting/agenda.ts';
import { localToUtc, utcToLocal } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { AttendanceStatus, MeetingStatus } from '../../store/schema.ts';
import { setResource } from '../resources.ts';
import { rosters } from '../sets/queries.ts';
import { presentMeeting } from './present.ts';

export interface MeetingInput {
  localStart: string;
  timeZone: string;
  durationMinutes: number;
  place: string;
  videoUrl: string;
}

export async function meetingSetResource(ctx: AppContext, meetingId: string) {
  const meeting = await ctx.store.plain
    .selectFrom('meeting')
    .select('set_id')
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound('meeting');
  return setResource(ctx.store.plain, meeting.set_id);
}

/** The agenda a new meeting starts from: the set's own, else its programme's, else METHOD.md's default. */
async function agendaFor(ctx: AppContext, setId: string): Promise<string> {
  const row = await ctx.store.plain
    .selectFrom('learning_set')
    .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
    .select(['learning_set.agenda_json as set_agenda', 'programme.agenda_json as programme_agenda'])
    .where('learning_set.id', '=', setId)
    .executeTakeFirstOrThrow();
  return row.set_agenda ?? row.programme_agenda ?? JSON.stringify(defaultAgenda());
}

function period(input: Pick<MeetingInput, 'localStart' | 'timeZone' | 'durationMinutes'>) {
  const starts = localToUtc({ local: input.localStart, timeZone: input.timeZone });
  const ends = new Date(starts.getTime() + input.durationMinutes * 60_000);
  return { starts_at: starts.toISOString(), ends_at: ends.toISOString() };
}

export async function getMeeting(ctx: AppContext, actor: PersonActor, meetingId: string) {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.readSchedule', set);
  const row = await ctx.store.plain
    .selectFrom('meeting')
    .selectAll()
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const roster = (await rosters(ctx.db, [set.setId])).get(set.setId) ?? [];
  const attendance = await ctx.store.plain
    .selectFrom('meeting_attendance')
    .select(['person_id', 'status', 'apology_note'])
    .where('meeting_id', '=', meetingId)
    .execute();
  return presentMeeting(actor, row, set, roster, attendance);
}

export async function listMeetings(ctx: AppContext, actor: PersonActor, setId: string) {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'meeting.readSchedule', set);
  const rows = await ctx.store.plain
    .selectFrom('meeting')
    .selectAll()
    .where('set_id', '=', setId)
    .orderBy('starts_at')
    .execute();
  const roster = (await rosters(ctx.db, [setId])).get(setId) ?? [];
  const attendance = rows.length
    ? await ctx.store.plain
        .selectFrom('meeting_attendance')
        .select(['meeting_id', 'person_id', 'status', 'apology_note'])
        .where(
          'meeting_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((row) =>
    presentMeeting(
      actor,
      row,
      set,
      roster,
      attendance.filter((a) => a.meeting_id === row.id),
    ),
  );
}

export async function scheduleMeeting(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: MeetingInput,
) {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'meeting.schedule', set);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.store.plain
    .insertInto('meeting')
    .values({
      id,
      set_id: setId,
      ...period(input),
      time_zone: input.timeZone,
      place: input.place,
      video_url: input.videoUrl,
      status: 'scheduled',
      agenda_json: await agendaFor(ctx, setId),
      sequence: 0,
      series_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getMeeting(ctx, actor, id);
}

export async function updateMeeting(
  ctx: AppContext,
  actor: PersonActor,
  meetingId: string,
  patch: Partial<MeetingInput> & { status?: 'scheduled' | 'cancelled' | undefined },
) {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.schedule', set);
  const row = await ctx.store.plain
    .selectFrom('meeting')
    .selectAll()
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  if (row.status === 'live' || row.status === 'ended') {
    throw conflict('This meeting has already started, so its time and place can no longer change.');
  }
  const durationMinutes = Math.round((Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 60_000);
  const next = {
    localStart: patch.localStart ?? utcToLocal(new Date(row.starts_at), row.time_zone),
    timeZone: patch.timeZone ?? row.time_zone,
    durationMinutes: patch.durationMinutes ?? durationMinutes,
  };
  const status: MeetingStatus = patch.status ?? row.status;
  await ctx.store.plain
    .updateTable('meeting')
    .set({
      ...period(next),
      time_zone: next.timeZone,
      place: patch.place ?? row.place,
      video_url: patch.videoUrl ?? row.video_url,
      status,
      // Calendars recognise a changed event by the same UID with a higher SEQUENCE.
      sequence: row.sequence + 1,
      updated_at: ctx.now().toISOString(),
    })
    .where('id', '=', meetingId)
    .execute();
  return getMeeting(ctx, actor, meetingId);
}

/** A member sends apologies (or withdraws them); the note is for the set only. */
export async function setOwnAttendance(
  ctx: AppContext,
  actor: PersonActor,
  meetingId: string,
  input: { status: 'expected' | 'apologies'; note: string },
) {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.sendApologies', set);
  await writeAttendance(ctx, meetingId, actor.personId, input.status, input.note);
  return getMeeting(ctx, actor, meetingId);
}

export async function recordAttendance(
  ctx: AppContext,
  actor: PersonActor,
  meetingId: string,
  personId: string,
  status: AttendanceStatus,
) {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.recordAttendance', set);
  const inSet = await ctx.store.plain
    .selectFrom('set_membership')
    .select('person_id')
    .where('set_id', '=', set.setId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!inSet) throw new Problem('not-found', 'This person is not in this set.');
  const current = await ctx.store.plain
    .selectFrom('meeting_attendance')
    .select('apology_note')
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  await writeAttendance(ctx, meetingId, personId, status, current?.apology_note ?? '');
  return getMeeting(ctx, actor, meetingId);
}

async function writeAttendance(
  ctx: AppContext,
  meetingId: string,
  personId: string,
  status: AttendanceStatus,
  note: string,
) {
  const now = ctx.now().toISOString();
  await ctx.store.plain.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('meeting_attendance')
      .where('meeting_id', '=', meetingId)
      .where('person_id', '=', personId)
      .execute();
    await trx
      .insertInto('meeting_attendance')
      .values({ meeting_id: meetingId, person_id: personId, status, apology_note: note, updated_at: now })
      .execute();
  });
}
