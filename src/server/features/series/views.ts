/** What a set, a programme or a person sees of the schedule, each time in the viewer's own zone. */
import type { ProgrammeCalendar, SetSchedule, Upcoming } from '../../../contract/series.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import { extend } from '../../../shared/objects.ts';
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
    meetings: meetings.map((m) =>
      extend(m, {
        viewerLocalStart: localIn(m.startsAt, zone),
        viewerLocalEnd: localIn(m.endsAt, zone),
        seriesId: seriesOf.get(m.id) ?? null,
        apologiesCount: m.attendance.filter((a) => a.status === 'apologies').length,
        goesAhead: minPresent === null || m.expectedCount >= minPresent,
      }),
    ),
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

/** A programme's meetings (its sets not archived), each with how many sent apologies, in one statement. */
const programmeMeetingsOf = precompiled((db, p: { programmeId: string }) =>
  db
    .selectFrom('meeting')
    .innerJoin('learningSet', 'learningSet.id', 'meeting.setId')
    .select(meetingListColumns)
    .select((eb) =>
      eb
        .selectFrom('meetingAttendance')
        .select((count) => count.fn.countAll().as('n'))
        .whereRef('meetingAttendance.meetingId', '=', 'meeting.id')
        .where('meetingAttendance.status', '=', 'apologies')
        .as('apologiesCount'),
    )
    .where('learningSet.programmeId', '=', p.programmeId)
    .where('learningSet.archivedAt', 'is', null)
    .orderBy('meeting.startsAt'),
);

/** Every set's meetings in a programme and its own events, for its coordinators: dates and places only. */
export async function programmeCalendar(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
): Promise<ProgrammeCalendar> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'programme.readCalendar', programme);
  const zone = await viewerZone(ctx, actor);
  const [rows, events] = await Promise.all([
    programmeMeetingsOf.execute(ctx.db, { programmeId }),
    calendarEvents(ctx, actor, programmeId, zone),
  ]);
  return {
    programmeId,
    viewerTimeZone: zone,
    events,
    meetings: rows.map((r) =>
      extend(r, {
        localStart: localIn(r.startsAt, r.timeZone),
        viewerLocalStart: localIn(r.startsAt, zone),
        viewerLocalEnd: localIn(r.endsAt, zone),
        // PostgreSQL counts in bigint, which its driver hands over as text.
        apologiesCount: Number(r.apologiesCount ?? 0),
      }),
    ),
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

/** Meetings of the person's sets not yet ended (or ended within `since`), with their own answer to each. */
const upcomingMeetingsOf = precompiled((db, p: { personId: string; since: string }) =>
  db
    .selectFrom('meeting')
    .innerJoin('learningSet', 'learningSet.id', 'meeting.setId')
    .leftJoin('meetingAttendance', (j) =>
      j
        .onRef('meetingAttendance.meetingId', '=', 'meeting.id')
        .on('meetingAttendance.personId', '=', p.personId),
    )
    .select([
      ...meetingListColumns,
      'meetingAttendance.status as myStatus',
      'meetingAttendance.apologyNote as myApologyNote',
    ])
    .where('meeting.setId', 'in', (eb) =>
      eb
        .selectFrom('setMembership')
        .select('setMembership.setId')
        .where('setMembership.personId', '=', p.personId),
    )
    .where('meeting.endsAt', '>=', p.since)
    .where('meeting.status', '!=', 'ended')
    .orderBy('meeting.startsAt')
    .limit(30),
);

/**
 * Open polls of the programmes the person is in (through a set) or coordinates, and whether they have
 * answered each; who may see a set's poll is decided by the caller.
 */
const openPollsOf = precompiled((db, p: { personId: string }) =>
  db
    .selectFrom('poll')
    .select((eb) => [
      'poll.id',
      'poll.title',
      'poll.setId',
      'poll.programmeId',
      'poll.purpose',
      'poll.createdBy',
      eb
        .exists(
          eb
            .selectFrom('pollAnswer')
            .select('pollAnswer.pollId')
            .whereRef('pollAnswer.pollId', '=', 'poll.id')
            .where('pollAnswer.personId', '=', p.personId),
        )
        .as('answered'),
    ])
    .where('poll.status', '=', 'open')
    .where((eb) =>
      eb.or([
        eb(
          'poll.programmeId',
          'in',
          eb
            .selectFrom('setMembership')
            .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
            .select('learningSet.programmeId')
            .where('setMembership.personId', '=', p.personId),
        ),
        eb(
          'poll.programmeId',
          'in',
          eb
            .selectFrom('programmeCoordinator')
            .select('programmeCoordinator.programmeId')
            .where('programmeCoordinator.personId', '=', p.personId),
        ),
      ]),
    )
    .orderBy('poll.createdAt'),
);

/**
 * The signed-in person's next meetings and programme events, open polls and open actions, in their own zone.
 * Every read is written around the person (no lists of ids), so each is compiled once and they run together.
 */
export async function upcoming(ctx: AppContext, actor: PersonActor): Promise<Upcoming> {
  const since = new Date(ctx.now().getTime() - 3 * 3_600_000).toISOString();
  const person = { personId: actor.personId };
  const zoneRead = viewerZone(ctx, actor);
  const [zone, meetings, polls, actions, events] = await Promise.all([
    zoneRead,
    upcomingMeetingsOf.execute(ctx.db, extend(person, { since })),
    openPollsOf.execute(ctx.db, person),
    openActionsOf.execute(ctx.db, person),
    upcomingEvents(ctx, actor, since, zoneRead),
  ]);
  const visiblePolls = polls.filter(
    (p) =>
      (p.setId ? actor.setRoles.has(p.setId) : true) ||
      p.createdBy === actor.personId ||
      actor.coordinatorOf.has(p.programmeId),
  );
  return {
    timeZone: zone,
    events,
    meetings: meetings.map((m) =>
      extend(m, {
        localStart: localIn(m.startsAt, m.timeZone),
        viewerLocalStart: localIn(m.startsAt, zone),
        viewerLocalEnd: localIn(m.endsAt, zone),
        myStatus: m.myStatus ?? 'expected',
        myApologyNote: m.myApologyNote ?? '',
      }),
    ),
    polls: visiblePolls.map((p) => ({
      id: p.id,
      title: p.title,
      setId: p.setId,
      purpose: p.purpose,
      // SQLite answers 1 or 0, PostgreSQL true or false.
      answered: Boolean(p.answered),
    })),
    actions,
  };
}
