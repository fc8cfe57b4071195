// A workshop as its readers see it: loading it with its access check, presenting it, the programme's list
// and its calendar entry. Planning, taking part and the record build on these.
import type { Workshop, WorkshopState } from '../../../contract/workshops.ts';
import { abilitiesFor, type PersonActor, type WorkshopResource } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound, Problem } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { buildCalendar } from '../calendar/ics.ts';
import { loadCalendarEvents } from '../programme-events/queries.ts';
import { presentProgrammeEvent, viewerZone } from '../programme-events/service.ts';
import { programmeResource } from '../resources.ts';
import { programmeParticipants } from './people.ts';

export type WorkshopRow = DB['workshop'];
export type EventRow = DB['programmeEvent'];

export async function workshopRow(ctx: AppContext, workshopId: string): Promise<WorkshopRow> {
  const row = await ctx.db.selectFrom('workshop').selectAll().where('id', '=', workshopId).executeTakeFirst();
  if (!row) throw notFound('workshop');
  return row;
}

export async function workshopResource(ctx: AppContext, row: WorkshopRow): Promise<WorkshopResource> {
  const programme = await programmeResource(ctx.db, row.programmeId);
  return {
    type: 'workshop',
    hostId: programme.hostId,
    programmeId: row.programmeId,
    workshopId: row.id,
    facilitatorId: row.facilitatorId,
    programmeClosed: programme.programmeClosed,
  };
}

/** Loads a workshop and checks one action on it; someone who may not see it gets 404. */
export async function authorized(ctx: AppContext, actor: PersonActor, workshopId: string, action: string) {
  const row = await workshopRow(ctx, workshopId);
  const resource = await workshopResource(ctx, row);
  authorize(actor, action as never, resource);
  return { row, resource };
}

export async function eventOf(ctx: AppContext, row: WorkshopRow): Promise<EventRow | undefined> {
  if (!row.eventId) return undefined;
  return ctx.db.selectFrom('programmeEvent').selectAll().where('id', '=', row.eventId).executeTakeFirst();
}

export function stateOf(event: EventRow | undefined, now: Date): WorkshopState {
  if (!event) return 'awaitingPoll';
  if (event.status === 'cancelled') return 'cancelled';
  return Date.parse(event.startsAt) <= now.getTime() ? 'held' : 'planned';
}

export const names = async (ctx: AppContext, ids: string[]) => {
  if (!ids.length) return new Map<string, string>();
  const rows = await ctx.db.selectFrom('person').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** A workshop as this viewer may see it: names of who answered and attendance only for those who run it. */
export async function present(ctx: AppContext, actor: PersonActor, row: WorkshopRow): Promise<Workshop> {
  const resource = await workshopResource(ctx, row);
  const abilities = abilitiesFor(actor, resource);
  const now = ctx.now();
  const zone = await viewerZone(ctx, actor);
  const event = await eventOf(ctx, row);
  const state = stateOf(event, now);
  const programme = await ctx.db
    .selectFrom('programme')
    .select('name')
    .where('id', '=', row.programmeId)
    .executeTakeFirstOrThrow();
  const themes = await ctx.db
    .selectFrom('workshopTheme')
    .innerJoin('concernTheme', 'concernTheme.id', 'workshopTheme.themeId')
    .select(['concernTheme.id', 'concernTheme.name'])
    .where('workshopTheme.workshopId', '=', row.id)
    .orderBy('workshopTheme.position')
    .execute();
  const rsvpRows = await ctx.db
    .selectFrom('workshopRsvp')
    .innerJoin('person', 'person.id', 'workshopRsvp.personId')
    .select(['person.id', 'person.name', 'workshopRsvp.answer'])
    .where('workshopRsvp.workshopId', '=', row.id)
    .orderBy('person.name')
    .execute();
  const counts = { coming: 0, notComing: 0, maybe: 0 };
  for (const r of rsvpRows) counts[r.answer]++;
  const mine = rsvpRows.find((r) => r.id === actor.personId)?.answer ?? null;
  const attendanceRows = await ctx.db
    .selectFrom('workshopAttendance')
    .select(['personId', 'present'])
    .where('workshopId', '=', row.id)
    .execute();
  let attendance: Workshop['attendance'] = null;
  if (abilities['workshop.attendance']) {
    const recorded = new Map(attendanceRows.map((a) => [a.personId, Boolean(a.present)]));
    const expected = await programmeParticipants(ctx, row.programmeId);
    const ids = new Set(expected.map((p) => p.id));
    // Someone recorded who has since left the programme's sets still counts as having come.
    const gone = attendanceRows.filter((a) => !ids.has(a.personId)).map((a) => a.personId);
    const goneNames = await names(ctx, gone);
    attendance = [
      ...expected.map((p) => ({ person: p, present: recorded.get(p.id) ?? null })),
      ...gone.map((id) => ({ person: { id, name: goneNames.get(id) ?? '' }, present: recorded.get(id)! })),
    ];
  }
  const facilitatorName = row.facilitatorId
    ? (await names(ctx, [row.facilitatorId])).get(row.facilitatorId)
    : undefined;
  const materials = await ctx.db
    .selectFrom('workshopMaterial')
    .select(['id', 'title', 'url'])
    .where('workshopId', '=', row.id)
    .orderBy('createdAt')
    .execute();
  const programmeRes = await programmeResource(ctx.db, row.programmeId);
  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeName: programme.name,
    // Once dated, the calendar entry carries title, time, place and link (it may be moved as an event too).
    title: event?.title ?? row.title,
    agenda: row.agenda,
    state,
    event: event
      ? presentProgrammeEvent(
          actor,
          { ...event, workshopId: row.id },
          programme.name,
          programmeRes.hostId,
          zone,
          now,
        )
      : null,
    pollId: row.pollId,
    timeZone: event?.timeZone ?? row.timeZone,
    durationMinutes: event
      ? Math.round((Date.parse(event.endsAt) - Date.parse(event.startsAt)) / 60_000)
      : row.durationMinutes,
    place: event?.place ?? row.place,
    videoUrl: event?.videoUrl ?? row.videoUrl,
    themes,
    facilitator: row.facilitatorId ? { id: row.facilitatorId, name: facilitatorName ?? '' } : null,
    capacity: row.capacity,
    counts,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - counts.coming),
    myRsvp: abilities['workshop.rsvp'] ? mine : null,
    rsvps: abilities['workshop.readRsvpNames']
      ? rsvpRows.map((r) => ({ person: { id: r.id, name: r.name }, answer: r.answer }))
      : null,
    attendedCount: row.attendanceRecordedAt ? attendanceRows.filter((a) => a.present).length : null,
    attendance,
    attendanceRecordedAt: row.attendanceRecordedAt,
    notes: row.notes,
    notesUpdatedAt: row.notesUpdatedAt,
    materials,
    abilities: {
      ...abilities,
      // What can no longer happen is not offered.
      'workshop.manage': abilities['workshop.manage'] && (state === 'planned' || state === 'awaitingPoll'),
      'workshop.rsvp': abilities['workshop.rsvp'] && state === 'planned',
      'workshop.attendance': abilities['workshop.attendance'] && state === 'held',
      'workshopAction.create': abilities['workshopAction.create'] && state === 'held',
    },
  };
}

export async function getWorkshop(ctx: AppContext, actor: PersonActor, workshopId: string) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.read');
  return present(ctx, actor, row);
}

export async function listWorkshops(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'workshop.list', await programmeResource(ctx.db, programmeId));
  const rows = await ctx.db
    .selectFrom('workshop')
    .leftJoin('programmeEvent', 'programmeEvent.id', 'workshop.eventId')
    .selectAll('workshop')
    .select('programmeEvent.startsAt')
    .where('workshop.programmeId', '=', programmeId)
    .execute();
  // Dated ones by date, then those waiting for their poll, oldest first.
  rows.sort((a, b) =>
    a.startsAt && b.startsAt
      ? a.startsAt.localeCompare(b.startsAt)
      : a.startsAt
        ? -1
        : b.startsAt
          ? 1
          : a.createdAt.localeCompare(b.createdAt),
  );
  const out: Workshop[] = [];
  for (const { startsAt: _, ...row } of rows) out.push(await present(ctx, actor, row));
  return out;
}

export async function workshopIcs(ctx: AppContext, actor: PersonActor, workshopId: string) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.read');
  if (!row.eventId)
    throw new Problem('not-found', 'This workshop has no date yet, so it has no calendar entry.');
  const events = await loadCalendarEvents(ctx.db, { eventIds: [row.eventId] });
  return buildCalendar({ name: events[0]!.setName, meetings: events, publicUrl: ctx.config.publicUrl });
}
