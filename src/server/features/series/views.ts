/** What a set, a programme or a person sees of the schedule, each time in the viewer's own zone. */
import type { ProgrammeCalendar, SetSchedule, Upcoming } from '../../../contract/series.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { precompiled } from '../../store/precompiled.ts';
import { setMeetings } from '../meetings/service.ts';
import { calendarEvents, upcomingEvents, viewerZone } from '../programme-events/service.ts';
import { programmeResource, setResource } from '../resources.ts';

/** The set's schedule as the facilitator sees it: every meeting, who is expected, and the attendance rule. */
export async function setSchedule(ctx: AppContext, actor: PersonActor, setId: string): Promise<SetSchedule> {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'meeting.readSchedule', set);
  const [setRow, meetings, seriesOf, rule, zone] = await Promise.all([
    ctx.db.selectFrom('learningSet').select(['name']).where('id', '=', setId).executeTakeFirstOrThrow(),
    setMeetings(ctx, actor, set),
    ctx.db
      .selectFrom('meeting')
      .select(['id', 'seriesId'])
      .where('setId', '=', setId)
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.id, r.seriesId]))),
    ctx.db
      .selectFrom('attendanceRule')
      .select(['minPresent', 'note'])
      .where('setId', '=', setId)
      .executeTakeFirst(),
    viewerZone(ctx, actor),
  ]);
  const minPresent = rule?.minPresent ?? null;
  return {
    setId,
    setName: setRow.name,
    viewerTimeZone: zone,
    attendanceRule: rule ?? null,
    meetings: meetings.map((m) => ({
      ...m,
      viewerLocalStart: localIn(m.startsAt, zone),
      viewerLocalEnd: localIn(m.endsAt, zone),
      seriesId: seriesOf.get(m.id) ?? null,
      apologiesCount: m.attendance.filter((a) => a.status === 'apologies').length,
      goesAhead: minPresent === null || m.expectedCount >= minPresent,
    })),
  };
}

/** What a list of meetings shows of each, with its set's name (a programme's calendar, a person's Upcoming). */
const meetingListColumns = [
  'meeting.id',
  'meeting.setId',
  'learningSet.name as setName',
  'meeting.startsAt',
  'meeting.endsAt',
  'meeting.timeZone',
  'meeting.place',
  'meeting.videoUrl',
  'meeting.status',
] as const;

/** Every set's meetings in a programme and its own events, for its coordinators: dates and places only. */
export async function programmeCalendar(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
): Promise<ProgrammeCalendar> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'programme.readCalendar', programme);
  const zone = await viewerZone(ctx, actor);
  const rows = await ctx.db
    .selectFrom('meeting')
    .innerJoin('learningSet', 'learningSet.id', 'meeting.setId')
    .select(meetingListColumns)
    .where('learningSet.programmeId', '=', programmeId)
    .where('learningSet.archivedAt', 'is', null)
    .orderBy('meeting.startsAt')
    .execute();
  const apologies = rows.length
    ? await ctx.db
        .selectFrom('meetingAttendance')
        .select(['meetingId'])
        .where(
          'meetingId',
          'in',
          rows.map((r) => r.id),
        )
        .where('status', '=', 'apologies')
        .execute()
    : [];
  return {
    programmeId,
    viewerTimeZone: zone,
    events: await calendarEvents(ctx, actor, programmeId, zone),
    meetings: rows.map((r) => ({
      ...r,
      localStart: localIn(r.startsAt, r.timeZone),
      viewerLocalStart: localIn(r.startsAt, zone),
      viewerLocalEnd: localIn(r.endsAt, zone),
      apologiesCount: apologies.filter((a) => a.meetingId === r.id).length,
    })),
  };
}

const openActionsOf = precompiled((db, p: { personId: string }) =>
  db
    .selectFrom('action')
    .innerJoin('learningSet', 'learningSet.id', 'action.setId')
    .select(['action.id', 'action.text', 'action.dueOn', 'action.setId', 'learningSet.name as setName'])
    .where('action.ownerId', '=', p.personId)
    .where('action.status', '=', 'open')
    .orderBy('action.createdAt'),
);

/** The signed-in person's next meetings and programme events, open polls and open actions, in their own zone. */
export async function upcoming(ctx: AppContext, actor: PersonActor): Promise<Upcoming> {
  const db = ctx.db;
  const setIds = [...actor.setRoles.keys()];
  const since = new Date(ctx.now().getTime() - 3 * 3_600_000).toISOString();
  const programmeIds = [...new Set([...actor.programmesOfSets, ...actor.coordinatorOf])];
  // Independent reads run together (one round trip's wait on PostgreSQL instead of several).
  const [zone, meetings, polls, actions] = await Promise.all([
    viewerZone(ctx, actor),
    setIds.length
      ? db
          .selectFrom('meeting')
          .innerJoin('learningSet', 'learningSet.id', 'meeting.setId')
          .leftJoin('meetingAttendance', (j) =>
            j
              .onRef('meetingAttendance.meetingId', '=', 'meeting.id')
              .on('meetingAttendance.personId', '=', actor.personId),
          )
          .select([
            ...meetingListColumns,
            'meetingAttendance.status as myStatus',
            'meetingAttendance.apologyNote as myApologyNote',
          ])
          .where('meeting.setId', 'in', setIds)
          .where('meeting.endsAt', '>=', since)
          .where('meeting.status', '!=', 'ended')
          .orderBy('meeting.startsAt')
          .limit(30)
          .execute()
      : [],
    programmeIds.length
      ? db
          .selectFrom('poll')
          .select(['id', 'title', 'setId', 'programmeId', 'purpose', 'createdBy'])
          .where('status', '=', 'open')
          .where('programmeId', 'in', programmeIds)
          .orderBy('createdAt')
          .execute()
      : [],
    openActionsOf.execute(db, { personId: actor.personId }),
  ]);
  const visiblePolls = polls.filter(
    (p) =>
      (p.setId ? actor.setRoles.has(p.setId) : true) ||
      p.createdBy === actor.personId ||
      actor.coordinatorOf.has(p.programmeId),
  );
  const [answered, events] = await Promise.all([
    visiblePolls.length
      ? db
          .selectFrom('pollAnswer')
          .select('pollId')
          .where('personId', '=', actor.personId)
          .where(
            'pollId',
            'in',
            visiblePolls.map((p) => p.id),
          )
          .execute()
          .then((rows) => new Set(rows.map((a) => a.pollId)))
      : new Set<string>(),
    upcomingEvents(ctx, actor, zone, since),
  ]);
  return {
    timeZone: zone,
    events,
    meetings: meetings.map((m) => ({
      ...m,
      localStart: localIn(m.startsAt, m.timeZone),
      viewerLocalStart: localIn(m.startsAt, zone),
      viewerLocalEnd: localIn(m.endsAt, zone),
      myStatus: m.myStatus ?? 'expected',
      myApologyNote: m.myApologyNote ?? '',
    })),
    polls: visiblePolls.map((p) => ({
      id: p.id,
      title: p.title,
      setId: p.setId,
      purpose: p.purpose,
      answered: answered.has(p.id),
    })),
    actions,
  };
}
