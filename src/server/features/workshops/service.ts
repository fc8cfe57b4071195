import { randomUUID } from 'node:crypto';
import type {
  CreateWorkshopInput,
  UpdateWorkshopInput,
  Workshop,
  WorkshopRsvpAnswer,
  WorkshopState,
} from '../../../contract/workshops.ts';
import { abilitiesFor, type PersonActor, type WorkshopResource } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { buildCalendar } from '../calendar/ics.ts';
import { createPoll } from '../polls/service.ts';
import { sendEventNotices } from '../programme-events/notices.ts';
import { loadCalendarEvents } from '../programme-events/queries.ts';
import { insertDatedEvent, presentProgrammeEvent, viewerZone } from '../programme-events/service.ts';
import { programmeResource } from '../resources.ts';
import { sendWorkshopInvitations } from './mail.ts';
import { programmeParticipants } from './people.ts';

type WorkshopRow = DB['workshop'];
type EventRow = DB['programmeEvent'];

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
async function authorized(ctx: AppContext, actor: PersonActor, workshopId: string, action: string) {
  const row = await workshopRow(ctx, workshopId);
  const resource = await workshopResource(ctx, row);
  authorize(actor, action as never, resource);
  return { row, resource };
}

async function eventOf(ctx: AppContext, row: WorkshopRow): Promise<EventRow | undefined> {
  if (!row.eventId) return undefined;
  return ctx.db.selectFrom('programmeEvent').selectAll().where('id', '=', row.eventId).executeTakeFirst();
}

function stateOf(event: EventRow | undefined, now: Date): WorkshopState {
  if (!event) return 'awaitingPoll';
  if (event.status === 'cancelled') return 'cancelled';
  return Date.parse(event.startsAt) <= now.getTime() ? 'held' : 'planned';
}

const names = async (ctx: AppContext, ids: string[]) => {
  if (!ids.length) return new Map<string, string>();
  const rows = await ctx.db.selectFrom('person').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** A workshop as this viewer may see it: names of who answered and attendance only for those who run it. */
async function present(ctx: AppContext, actor: PersonActor, row: WorkshopRow): Promise<Workshop> {
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

/** The themes must be the programme's own (concern themes). */
async function checkThemes(ctx: AppContext, programmeId: string, themeIds: string[]) {
  const unique = [...new Set(themeIds)];
  if (unique.length !== themeIds.length)
    throw new Problem('validation-failed', 'A theme is listed twice.', [
      { field: 'body.themeIds', message: 'must all be different' },
    ]);
  if (!unique.length) return;
  const found = await ctx.db
    .selectFrom('concernTheme')
    .select('id')
    .where('programmeId', '=', programmeId)
    .where('id', 'in', unique)
    .execute();
  if (found.length !== unique.length)
    throw new Problem('validation-failed', 'A theme is not one of this programme’s themes.', [
      { field: 'body.themeIds', message: 'must be themes of this programme' },
    ]);
}

/** Whoever facilitates must be a (not archived) person of the host. */
async function checkFacilitator(ctx: AppContext, hostId: string, personId: string | null) {
  if (!personId) return;
  const person = await ctx.db
    .selectFrom('person')
    .select('id')
    .where('id', '=', personId)
    .where('hostId', '=', hostId)
    .where('archivedAt', 'is', null)
    .executeTakeFirst();
  if (!person)
    throw new Problem('validation-failed', 'The facilitator must be a person of this host.', [
      { field: 'body.facilitatorId', message: 'must be a person of this host' },
    ]);
}

function startOf(ctx: AppContext, local: string, timeZone: string): Date {
  const start = localToUtc({ local, timeZone });
  if (start.getTime() <= ctx.now().getTime())
    throw new Problem('validation-failed', 'The workshop must start later than now.', [
      { field: 'body.localStart', message: 'must be later than now' },
    ]);
  return start;
}

async function setThemes(ctx: AppContext, workshopId: string, themeIds: string[]) {
  await ctx.db.deleteFrom('workshopTheme').where('workshopId', '=', workshopId).execute();
  if (themeIds.length)
    await ctx.db
      .insertInto('workshopTheme')
      .values(themeIds.map((themeId, position) => ({ workshopId, themeId, position })))
      .execute();
}

/**
 * Plans a workshop. With a date, its calendar entry is made and everyone in the programme (and its
 * facilitator) gets an invitation with .ics; with times to poll, a programme-wide poll asks everyone,
 * and confirming it dates the workshop.
 */
export async function createWorkshop(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: CreateWorkshopInput,
): Promise<Workshop> {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'workshop.create', programme);
  await checkThemes(ctx, programmeId, input.themeIds);
  await checkFacilitator(ctx, programme.hostId, input.facilitatorId);
  const start = input.localStart ? startOf(ctx, input.localStart, input.timeZone) : undefined;
  const id = randomUUID();
  await transact(ctx, async (tx) => {
    const now = tx.now().toISOString();
    const poll = input.pollOptions
      ? await createPoll(
          tx,
          actor,
          { programmeId },
          {
            title: input.title,
            purpose: 'date',
            timeZone: input.timeZone,
            durationMinutes: input.durationMinutes,
            options: input.pollOptions,
            place: input.place,
            videoUrl: input.videoUrl,
          },
        )
      : undefined;
    let eventId: string | null = null;
    if (start) {
      eventId = randomUUID();
      await insertDatedEvent(tx, {
        id: eventId,
        programmeId,
        kind: 'workshop',
        title: input.title,
        start,
        durationMinutes: input.durationMinutes,
        timeZone: input.timeZone,
        place: input.place,
        videoUrl: input.videoUrl,
        createdBy: actor.personId,
      });
    }
    await tx.db
      .insertInto('workshop')
      .values({
        id,
        programmeId,
        eventId,
        pollId: poll?.id ?? null,
        title: input.title,
        agenda: input.agenda,
        facilitatorId: input.facilitatorId,
        capacity: input.capacity,
        comingCount: 0,
        timeZone: input.timeZone,
        durationMinutes: input.durationMinutes,
        place: input.place,
        videoUrl: input.videoUrl,
        notes: '',
        notesUpdatedAt: null,
        attendanceRecordedAt: null,
        createdBy: actor.personId,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await setThemes(tx, id, input.themeIds);
    if (eventId) await sendWorkshopInvitations(tx, id);
    tx.afterCommit(() => tx.mail.wake());
  });
  return getWorkshop(ctx, actor, id);
}

/**
 * Changes a workshop still to come. Moving it, or changing its title, place or link, makes its
 * calendar entry's next version (same UID, SEQUENCE + 1) and tells everyone with a new .ics.
 */
export async function updateWorkshop(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  change: UpdateWorkshopInput,
): Promise<Workshop> {
  const { row, resource } = await authorized(ctx, actor, workshopId, 'workshop.manage');
  const event = await eventOf(ctx, row);
  const state = stateOf(event, ctx.now());
  if (state === 'cancelled') throw conflict('This workshop is cancelled, so it can no longer change.');
  if (state === 'held') throw conflict('This workshop has already begun, so it can no longer change.');
  if (
    !event &&
    (change.localStart !== undefined || change.timeZone !== undefined || change.durationMinutes !== undefined)
  )
    throw conflict(
      'This workshop’s date comes from its poll: confirm the poll first, then move it if need be.',
      'body.localStart',
    );
  if (change.themeIds) await checkThemes(ctx, row.programmeId, change.themeIds);
  if (change.facilitatorId !== undefined) await checkFacilitator(ctx, resource.hostId, change.facilitatorId);
  let moved: Partial<EventRow> | undefined;
  if (event) {
    const timeZone = change.timeZone ?? event.timeZone;
    const minutes =
      change.durationMinutes ?? Math.round((Date.parse(event.endsAt) - Date.parse(event.startsAt)) / 60_000);
    const start =
      change.localStart !== undefined || change.timeZone !== undefined
        ? startOf(ctx, change.localStart ?? localIn(event.startsAt, event.timeZone), timeZone)
        : new Date(event.startsAt);
    const next = {
      title: change.title ?? event.title,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
      timeZone,
      place: change.place ?? event.place,
      videoUrl: change.videoUrl ?? event.videoUrl,
    };
    if ((Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== event[k])) moved = next;
  }
  await transact(ctx, async (tx) => {
    const now = tx.now().toISOString();
    if (change.capacity !== undefined && change.capacity !== null) {
      // Lowering the capacity below those already coming would break the promise made to them.
      const ok = await tx.db
        .updateTable('workshop')
        .set({ capacity: change.capacity })
        .where('id', '=', row.id)
        .where('comingCount', '<=', change.capacity)
        .executeTakeFirst();
      if (Number(ok.numUpdatedRows) !== 1)
        throw conflict(
          'More people than that have already said they are coming ({{coming}}); the capacity cannot be lower.',
          'body.capacity',
          { coming: row.comingCount },
        );
    }
    await tx.db
      .updateTable('workshop')
      .set({
        title: change.title ?? row.title,
        agenda: change.agenda ?? row.agenda,
        facilitatorId: change.facilitatorId !== undefined ? change.facilitatorId : row.facilitatorId,
        ...(change.capacity === null ? { capacity: null } : {}),
        timeZone: moved?.timeZone ?? row.timeZone,
        durationMinutes: change.durationMinutes ?? row.durationMinutes,
        place: change.place ?? row.place,
        videoUrl: change.videoUrl ?? row.videoUrl,
        updatedAt: now,
      })
      .where('id', '=', row.id)
      .execute();
    if (change.themeIds) await setThemes(tx, row.id, change.themeIds);
    if (row.pollId && !event && (change.title || change.place !== undefined || change.videoUrl !== undefined))
      await tx.db
        .updateTable('poll')
        .set({
          title: change.title ?? row.title,
          place: change.place ?? row.place,
          videoUrl: change.videoUrl ?? row.videoUrl,
          updatedAt: now,
        })
        .where('id', '=', row.pollId)
        .where('status', '=', 'open')
        .execute();
    if (event && moved) {
      const updated = await tx.db
        .updateTable('programmeEvent')
        .set({ ...moved, sequence: event.sequence + 1, updatedAt: now })
        .where('id', '=', event.id)
        .where('sequence', '=', event.sequence)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw conflict('Someone else changed this workshop just now; reload it and try again.');
      await sendEventNotices(tx, event.id);
      await sendWorkshopInvitations(tx, row.id, { facilitatorOnly: true });
      tx.afterCommit(() => tx.mail.wake());
    }
  });
  return getWorkshop(ctx, actor, workshopId);
}

/** Cancels a workshop still to come: its calendar entry stays as cancelled, everyone is told. */
export async function cancelWorkshop(ctx: AppContext, actor: PersonActor, workshopId: string) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.manage');
  const event = await eventOf(ctx, row);
  const state = stateOf(event, ctx.now());
  if (state === 'cancelled') throw conflict('This workshop is already cancelled.');
  if (state === 'held') throw conflict('This workshop has already begun, so it can no longer be cancelled.');
  if (!event) throw conflict('This workshop has no date yet: close its poll instead of cancelling it.');
  await transact(ctx, async (tx) => {
    const updated = await tx.db
      .updateTable('programmeEvent')
      .set({ status: 'cancelled', sequence: event.sequence + 1, updatedAt: tx.now().toISOString() })
      .where('id', '=', event.id)
      .where('sequence', '=', event.sequence)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('Someone else changed this workshop just now; reload it and try again.');
    await sendEventNotices(tx, event.id);
    await sendWorkshopInvitations(tx, row.id, { facilitatorOnly: true });
    tx.afterCommit(() => tx.mail.wake());
  });
  return getWorkshop(ctx, actor, workshopId);
}

/**
 * Coming, not coming or maybe. "Coming" takes a seat only if one is left: the count is raised with a
 * guard in the same statement, so two people can never both take the last seat.
 */
export async function rsvpWorkshop(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  answer: WorkshopRsvpAnswer,
): Promise<Workshop> {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.rsvp');
  const state = stateOf(await eventOf(ctx, row), ctx.now());
  if (state === 'awaitingPoll')
    throw conflict(
      'This workshop has no date yet: answer its poll, and say whether you come once it is set.',
    );
  if (state === 'cancelled') throw conflict('This workshop is cancelled.');
  if (state === 'held') throw conflict('This workshop has already begun, so answers are closed.');
  await transact(ctx, async (tx) => {
    const previous = await tx.db
      .selectFrom('workshopRsvp')
      .select('answer')
      .where('workshopId', '=', row.id)
      .where('personId', '=', actor.personId)
      .executeTakeFirst();
    if (previous?.answer === answer) return;
    if (answer === 'coming') {
      const taken = await tx.db
        .updateTable('workshop')
        .set((eb) => ({ comingCount: eb('comingCount', '+', 1) }))
        .where('id', '=', row.id)
        .where((eb) => eb.or([eb('capacity', 'is', null), eb('comingCount', '<', eb.ref('capacity'))]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1)
        throw conflict(
          'The workshop is full: all {{capacity}} seats are taken. Answer "maybe" to show you would come if a seat frees up.',
          'body.answer',
          { capacity: row.capacity ?? 0 },
        );
    } else if (previous?.answer === 'coming') {
      await tx.db
        .updateTable('workshop')
        .set((eb) => ({ comingCount: eb('comingCount', '-', 1) }))
        .where('id', '=', row.id)
        .execute();
    }
    const now = tx.now().toISOString();
    await tx.db
      .insertInto('workshopRsvp')
      .values({ workshopId: row.id, personId: actor.personId, answer, updatedAt: now })
      .onConflict((oc) => oc.columns(['workshopId', 'personId']).doUpdateSet({ answer, updatedAt: now }))
      .execute();
  });
  return getWorkshop(ctx, actor, workshopId);
}

/** Who came: recorded once it has begun, for the programme's participants. */
export async function recordAttendance(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  attendance: { personId: string; present: boolean }[],
): Promise<Workshop> {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.attendance');
  const state = stateOf(await eventOf(ctx, row), ctx.now());
  if (state === 'cancelled') throw conflict('This workshop was cancelled, so nobody attended it.');
  if (state !== 'held')
    throw conflict('Attendance can be recorded once the workshop has begun.', 'body.attendance');
  const expected = new Set((await programmeParticipants(ctx, row.programmeId)).map((p) => p.id));
  const ids = attendance.map((a) => a.personId);
  if (new Set(ids).size !== ids.length)
    throw new Problem('validation-failed', 'Someone is listed twice.', [
      { field: 'body.attendance', message: 'must list each person once' },
    ]);
  const stranger = ids.findIndex((id) => !expected.has(id));
  if (stranger >= 0)
    throw new Problem(
      'validation-failed',
      'Only the programme’s participants can be recorded as attending.',
      [{ field: `body.attendance.${stranger}.personId`, message: 'is not a participant of this programme' }],
    );
  await transact(ctx, async (tx) => {
    const now = tx.now().toISOString();
    for (const a of attendance) {
      const values = { present: a.present ? 1 : 0, recordedBy: actor.personId, recordedAt: now };
      await tx.db
        .insertInto('workshopAttendance')
        .values({ workshopId: row.id, personId: a.personId, ...values })
        .onConflict((oc) => oc.columns(['workshopId', 'personId']).doUpdateSet(values))
        .execute();
    }
    await tx.db
      .updateTable('workshop')
      .set({ attendanceRecordedAt: now, updatedAt: now })
      .where('id', '=', row.id)
      .execute();
  });
  return getWorkshop(ctx, actor, workshopId);
}

export async function saveNotes(ctx: AppContext, actor: PersonActor, workshopId: string, notes: string) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.notes');
  const now = ctx.now().toISOString();
  await ctx.db
    .updateTable('workshop')
    .set({ notes, notesUpdatedAt: now, updatedAt: now })
    .where('id', '=', row.id)
    .execute();
  return getWorkshop(ctx, actor, workshopId);
}

export const maxMaterials = 100;

export async function addMaterial(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  material: { title: string; url: string },
) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.notes');
  const count = await ctx.db
    .selectFrom('workshopMaterial')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workshopId', '=', row.id)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= maxMaterials)
    throw conflict('A workshop holds at most {{limit}} materials; remove one first.', undefined, {
      limit: maxMaterials,
    });
  await ctx.db
    .insertInto('workshopMaterial')
    .values({
      id: randomUUID(),
      workshopId: row.id,
      ...material,
      addedBy: actor.personId,
      createdAt: ctx.now().toISOString(),
    })
    .execute();
  return getWorkshop(ctx, actor, workshopId);
}

export async function removeMaterial(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  materialId: string,
) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.notes');
  const removed = await ctx.db
    .deleteFrom('workshopMaterial')
    .where('id', '=', materialId)
    .where('workshopId', '=', row.id)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) !== 1) throw notFound('material');
  return getWorkshop(ctx, actor, workshopId);
}

export async function workshopIcs(ctx: AppContext, actor: PersonActor, workshopId: string) {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.read');
  if (!row.eventId)
    throw new Problem('not-found', 'This workshop has no date yet, so it has no calendar entry.');
  const events = await loadCalendarEvents(ctx.db, { eventIds: [row.eventId] });
  return buildCalendar({ name: events[0]!.setName, meetings: events, publicUrl: ctx.config.publicUrl });
}

export { stateOf };
