import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AttendanceStatus, MeetingStatus } from '../../../contract/enums.ts';
import type * as contract from '../../../contract/meetings.ts';
import type { Meeting } from '../../../contract/meetings.ts';
import type { PersonActor, SetResource, SetRole } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { precompiled } from '../../store/precompiled.ts';
import { transact } from '../../transact.ts';
import { setResource } from '../resources.ts';
import { agendaFor } from './agenda.ts';
import { type AttendanceRow, presentMeeting, setView } from './present.ts';

export type MeetingInput = z.output<typeof contract.scheduleMeeting.body>;
export type MeetingPatch = z.output<typeof contract.updateMeeting.body>;

export async function meetingSetResource(ctx: AppContext, meetingId: string) {
  const meeting = await ctx.db
    .selectFrom('meeting')
    .select('setId')
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) throw notFound('meeting');
  return setResource(ctx.db, meeting.setId);
}

/** Someone in a set as its meetings list them. */
export interface SetPerson {
  personId: string;
  name: string;
  role: SetRole;
}

/** The set's members, then its facilitators, each by name: the order attendance and fair turns use. */
export async function setPeople(ctx: AppContext, setId: string): Promise<SetPerson[]> {
  return ctx.db
    .selectFrom('setMembership')
    .innerJoin('person', 'person.id', 'setMembership.personId')
    .select(['setMembership.personId', 'person.name', 'setMembership.role'])
    .where('setMembership.setId', '=', setId)
    .orderBy('setMembership.role', 'desc')
    .orderBy('person.name')
    .execute();
}

function period(input: Pick<MeetingInput, 'localStart' | 'timeZone' | 'durationMinutes'>) {
  const starts = localToUtc({ local: input.localStart, timeZone: input.timeZone });
  const ends = new Date(starts.getTime() + input.durationMinutes * 60_000);
  return { startsAt: starts.toISOString(), endsAt: ends.toISOString() };
}

export async function getMeeting(ctx: AppContext, actor: PersonActor, meetingId: string): Promise<Meeting> {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.readSchedule', set);
  const row = await ctx.db
    .selectFrom('meeting')
    .selectAll()
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const attendance = await ctx.db
    .selectFrom('meetingAttendance')
    .select(['personId', 'status', 'apologyNote'])
    .where('meetingId', '=', meetingId)
    .execute();
  return presentMeeting(actor, row, set, await setPeople(ctx, set.setId), attendance);
}

export async function listMeetings(ctx: AppContext, actor: PersonActor, setId: string): Promise<Meeting[]> {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'meeting.readSchedule', set);
  return setMeetings(ctx, actor, set);
}

/** Every meeting of a set, earliest first, as the viewer may see it (the caller has checked they may). */
/** Every answer about attendance at a set's meetings, read in one statement for its list of meetings. */
const setAttendance = precompiled((db, p: { setId: string }) =>
  db
    .selectFrom('meetingAttendance')
    .innerJoin('meeting', 'meeting.id', 'meetingAttendance.meetingId')
    .select([
      'meetingAttendance.meetingId',
      'meetingAttendance.personId',
      'meetingAttendance.status',
      'meetingAttendance.apologyNote',
    ])
    .where('meeting.setId', '=', p.setId),
);

export async function setMeetings(ctx: AppContext, actor: PersonActor, set: SetResource): Promise<Meeting[]> {
  const rows = await ctx.db
    .selectFrom('meeting')
    .selectAll()
    .where('setId', '=', set.setId)
    .orderBy('startsAt')
    .execute();
  const roster = await setPeople(ctx, set.setId);
  const attendance = new Map<string, AttendanceRow[]>();
  for (const answer of await setAttendance.execute(ctx.db, { setId: set.setId })) {
    const answers = attendance.get(answer.meetingId);
    if (answers) answers.push(answer);
    else attendance.set(answer.meetingId, [answer]);
  }
  const view = setView(actor, set);
  return rows.map((row) => presentMeeting(actor, row, set, roster, attendance.get(row.id) ?? [], view));
}

export async function scheduleMeeting(
  ctx: AppContext,
  actor: PersonActor,
  setId: string,
  input: MeetingInput,
): Promise<Meeting> {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'meeting.schedule', set);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.db
    .insertInto('meeting')
    .values({
      id,
      setId,
      ...period(input),
      timeZone: input.timeZone,
      place: input.place,
      videoUrl: input.videoUrl,
      status: 'scheduled',
      agendaJson: await agendaFor(ctx, setId),
      sequence: 0,
      seriesId: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return getMeeting(ctx, actor, id);
}

export async function updateMeeting(
  ctx: AppContext,
  actor: PersonActor,
  meetingId: string,
  patch: MeetingPatch,
): Promise<Meeting> {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.schedule', set);
  const row = await ctx.db
    .selectFrom('meeting')
    .selectAll()
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  if (row.status === 'live' || row.status === 'ended') {
    throw conflict('This meeting has already started, so its time and place can no longer change.');
  }
  const durationMinutes = Math.round((Date.parse(row.endsAt) - Date.parse(row.startsAt)) / 60_000);
  const next = {
    localStart: patch.localStart ?? localIn(row.startsAt, row.timeZone),
    timeZone: patch.timeZone ?? row.timeZone,
    durationMinutes: patch.durationMinutes ?? durationMinutes,
  };
  const status: MeetingStatus = patch.status ?? row.status;
  await ctx.db
    .updateTable('meeting')
    .set({
      ...period(next),
      timeZone: next.timeZone,
      place: patch.place ?? row.place,
      videoUrl: patch.videoUrl ?? row.videoUrl,
      status,
      // Calendars recognise a changed event by the same UID with a higher SEQUENCE.
      sequence: row.sequence + 1,
      updatedAt: ctx.now().toISOString(),
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
  input: z.output<typeof contract.sendApologies.body>,
): Promise<Meeting> {
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
): Promise<Meeting> {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.recordAttendance', set);
  const inSet = await ctx.db
    .selectFrom('setMembership')
    .select('personId')
    .where('setId', '=', set.setId)
    .where('personId', '=', personId)
    .executeTakeFirst();
  if (!inSet) throw new Problem('not-found', 'This person is not in this set.');
  const current = await ctx.db
    .selectFrom('meetingAttendance')
    .select('apologyNote')
    .where('meetingId', '=', meetingId)
    .where('personId', '=', personId)
    .executeTakeFirst();
  await writeAttendance(ctx, meetingId, personId, status, current?.apologyNote ?? '');
  return getMeeting(ctx, actor, meetingId);
}

/** Replaces one person's attendance at one meeting: the delete and the insert commit together. */
async function writeAttendance(
  ctx: AppContext,
  meetingId: string,
  personId: string,
  status: AttendanceStatus,
  note: string,
) {
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await tx.db
      .deleteFrom('meetingAttendance')
      .where('meetingId', '=', meetingId)
      .where('personId', '=', personId)
      .execute();
    await tx.db
      .insertInto('meetingAttendance')
      .values({ meetingId, personId, status, apologyNote: note, updatedAt: now })
      .execute();
  });
}
