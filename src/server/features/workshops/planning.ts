// Planning a workshop: creating, changing and cancelling it, with its themes, facilitator and date.
import { randomUUID } from 'node:crypto';
import type { CreateWorkshopInput, UpdateWorkshopInput, Workshop } from '../../../contract/workshops.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { createPoll } from '../polls/service.ts';
import { type EventChange, insertDatedEvent, writeNextEventVersion } from '../programme-events/service.ts';
import { programmeResource } from '../resources.ts';
import { sendWorkshopInvitations } from './mail.ts';
import { authorized, type EventRow, eventOf, getWorkshop, stateOf } from './view.ts';

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
      await insertDatedEvent(
        tx,
        { id: eventId, programmeId, kind: 'workshop', start, createdBy: actor.personId },
        input,
      );
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
  let moved: EventChange | undefined;
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
    if (event && moved) await nextCalendarVersion(tx, row.id, event, moved);
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
  await transact(ctx, (tx) => nextCalendarVersion(tx, row.id, event, { status: 'cancelled' }));
  return getWorkshop(ctx, actor, workshopId);
}

/**
 * The workshop's calendar entry changes (moved, renamed, cancelled): its next version, everyone told, and
 * the facilitator sent their invitation again.
 */
async function nextCalendarVersion(
  tx: AppContext,
  workshopId: string,
  event: EventRow,
  change: EventChange,
): Promise<void> {
  await writeNextEventVersion(tx, event, change, () =>
    conflict('Someone else changed this workshop just now; reload it and try again.'),
  );
  await sendWorkshopInvitations(tx, workshopId, { facilitatorOnly: true });
}
