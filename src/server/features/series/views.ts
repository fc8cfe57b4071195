import type { PersonActor } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { setMeetings } from '../meetings/service.ts';
import { calendarEvents, upcomingEvents } from '../programme-events/service.ts';
import { programmeResource, setResource } from '../resources.ts';

/** What a set, a programme or a person sees of the schedule, each time in the viewer's own zone. */
async function viewerZone(ctx: AppContext, actor: PersonActor): Promise<string> {
  const row = await ctx.store.plain
    .selectFrom('person')
    .select('time_zone')
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

/** The set's schedule as the facilitator sees it: every meeting, who is expected, and the attendance rule. */
export async function setSchedule(ctx: AppContext, actor: PersonActor, setId: string) {
  const set = await setResource(ctx.store.plain, setId);
  authorize(actor, 'meeting.readSchedule', set);
  const db = ctx.store.plain;
  const [setRow, rows, presented, rule, zone] = await Promise.all([
    db.selectFrom('learning_set').select(['name']).where('id', '=', setId).executeTakeFirstOrThrow(),
    db.selectFrom('meeting').selectAll().where('set_id', '=', setId).orderBy('starts_at').execute(),
    setMeetings(ctx, actor, set),
    db.selectFrom('attendance_rule').selectAll().where('set_id', '=', setId).executeTakeFirst(),
    viewerZone(ctx, actor),
  ]);
  const minPresent = rule?.min_present ?? null;
  return {
    setId,
    setName: setRow.name,
    viewerTimeZone: zone,
    attendanceRule: rule ? { minPresent: rule.min_present, note: rule.note } : null,
    meetings: rows.map((row) => {
      const m = presented.find((p) => p.id === row.id)!;
      return {
        ...m,
        viewerLocalStart: localIn(row.starts_at, zone),
        viewerLocalEnd: localIn(row.ends_at, zone),
        seriesId: row.series_id,
        apologiesCount: m.attendance.filter((a) => a.status === 'apologies').length,
        goesAhead: minPresent === null || m.expectedCount >= minPresent,
      };
    }),
  };
}

/** Every set's meetings in a programme and its own events, for its coordinators: dates and places only. */
export async function programmeCalendar(ctx: AppContext, actor: PersonActor, programmeId: string) {
  const programme = await programmeResource(ctx.store.plain, programmeId);
  authorize(actor, 'programme.readCalendar', programme);
  const zone = await viewerZone(ctx, actor);
  const rows = await ctx.store.plain
    .selectFrom('meeting')
    .innerJoin('learning_set', 'learning_set.id', 'meeting.set_id')
    .select([
      'meeting.id',
      'meeting.set_id',
      'learning_set.name as set_name',
      'meeting.starts_at',
      'meeting.ends_at',
      'meeting.time_zone',
      'meeting.place',
      'meeting.video_url',
      'meeting.status',
    ])
    .where('learning_set.programme_id', '=', programmeId)
    .where('learning_set.archived_at', 'is', null)
    .orderBy('meeting.starts_at')
    .execute();
  const counts = rows.length
    ? await ctx.store.plain
        .selectFrom('meeting_attendance')
        .select(['meeting_id', 'status'])
        .where(
          'meeting_id',
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
      id: r.id,
      setId: r.set_id,
      setName: r.set_name,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      timeZone: r.time_zone,
      localStart: localIn(r.starts_at, r.time_zone),
      viewerLocalStart: localIn(r.starts_at, zone),
      viewerLocalEnd: localIn(r.ends_at, zone),
      place: r.place,
      videoUrl: r.video_url,
      status: r.status,
      apologiesCount: counts.filter((c) => c.meeting_id === r.id).length,
    })),
  };
}

/** The signed-in person's next meetings and programme events, open polls and open actions, in their own zone. */
export async function upcoming(ctx: AppContext, actor: PersonActor) {
  const db = ctx.store.plain;
  const zone = await viewerZone(ctx, actor);
  const setIds = [...actor.setRoles.keys()];
  const since = new Date(ctx.now().getTime() - 3 * 3_600_000).toISOString();
  const meetings = setIds.length
    ? await db
        .selectFrom('meeting')
        .innerJoin('learning_set', 'learning_set.id', 'meeting.set_id')
        .leftJoin('meeting_attendance', (j) =>
          j
            .onRef('meeting_attendance.meeting_id', '=', 'meeting.id')
            .on('meeting_attendance.person_id', '=', actor.personId),
        )
        .select([
          'meeting.id',
          'meeting.set_id',
          'learning_set.name as set_name',
          'meeting.starts_at',
          'meeting.ends_at',
          'meeting.time_zone',
          'meeting.place',
          'meeting.video_url',
          'meeting.status',
          'meeting_attendance.status as my_status',
          'meeting_attendance.apology_note as my_note',
        ])
        .where('meeting.set_id', 'in', setIds)
        .where('meeting.ends_at', '>=', since)
        .where('meeting.status', '!=', 'ended')
        .orderBy('meeting.starts_at')
        .limit(30)
        .execute()
    : [];
  const programmeIds = [...new Set([...actor.programmesOfSets, ...actor.coordinatorOf])];
  const polls = programmeIds.length
    ? await db
        .selectFrom('poll')
        .select(['id', 'title', 'set_id', 'programme_id', 'purpose', 'created_by'])
        .where('status', '=', 'open')
        .where('programme_id', 'in', programmeIds)
        .orderBy('created_at')
        .execute()
    : [];
  const visiblePolls = polls.filter(
    (p) =>
      (p.set_id ? actor.setRoles.has(p.set_id) : true) ||
      p.created_by === actor.personId ||
      actor.coordinatorOf.has(p.programme_id),
  );
  const answered = visiblePolls.length
    ? new Set(
        (
          await db
            .selectFrom('poll_answer')
            .select('poll_id')
            .where('person_id', '=', actor.personId)
            .where(
              'poll_id',
              'in',
              visiblePolls.map((p) => p.id),
            )
            .execute()
        ).map((a) => a.poll_id),
      )
    : new Set<string>();
  const actions = await db
    .selectFrom('action')
    .innerJoin('learning_set', 'learning_set.id', 'action.set_id')
    .select(['action.id', 'action.text', 'action.due_on', 'action.set_id', 'learning_set.name as set_name'])
    .where('action.owner_id', '=', actor.personId)
    .where('action.status', '=', 'open')
    .orderBy('action.created_at')
    .execute();
  return {
    timeZone: zone,
    events: await upcomingEvents(ctx, actor, zone, since),
    meetings: meetings.map((m) => ({
      id: m.id,
      setId: m.set_id,
      setName: m.set_name,
      startsAt: m.starts_at,
      endsAt: m.ends_at,
      timeZone: m.time_zone,
      localStart: localIn(m.starts_at, m.time_zone),
      viewerLocalStart: localIn(m.starts_at, zone),
      viewerLocalEnd: localIn(m.ends_at, zone),
      place: m.place,
      videoUrl: m.video_url,
      status: m.status,
      myStatus: m.my_status ?? 'expected',
      myApologyNote: m.my_note ?? '',
    })),
    polls: visiblePolls.map((p) => ({
      id: p.id,
      title: p.title,
      setId: p.set_id,
      purpose: p.purpose,
      answered: answered.has(p.id),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      text: a.text,
      dueOn: a.due_on,
      setId: a.set_id,
      setName: a.set_name,
    })),
  };
}
