import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { can, type PersonActor } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { Database, PollOptionTable, PollTable, ProgrammeEventTable } from '../../store/schema.ts';
import { buildCalendar } from '../calendar/ics.ts';
import { programmeResource } from '../resources.ts';
import { sendEventNotices } from './notices.ts';
import { loadCalendarEvents, programmesOfPerson } from './queries.ts';

/** A programme-wide poll's confirmed option becomes a gathering of the whole programme. */
export async function insertPollEvent(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: PersonActor,
  poll: PollTable,
  option: PollOptionTable,
): Promise<string> {
  const id = randomUUID();
  const now = ctx.now().toISOString();
  await trx
    .insertInto('programme_event')
    .values({
      id,
      programme_id: poll.programme_id,
      kind: 'gathering',
      title: poll.title,
      starts_at: option.starts_at,
      ends_at: option.ends_at,
      time_zone: poll.time_zone,
      place: poll.place,
      video_url: poll.video_url,
      status: 'scheduled',
      sequence: 0,
      poll_id: poll.id,
      created_by: actor.personId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

async function eventRow(ctx: AppContext, eventId: string): Promise<ProgrammeEventTable> {
  const row = await ctx.store.plain
    .selectFrom('programme_event')
    .selectAll()
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!row) throw notFound('programme event');
  return row;
}

/**
 * An event as its readers see it: times in its own zone and the viewer's, and what the viewer may do
 * (move or cancel it while it is still to come and not cancelled).
 */
function present(
  actor: PersonActor,
  row: ProgrammeEventTable,
  programmeName: string,
  hostId: string,
  zone: string,
  now: Date,
) {
  const ahead = row.status === 'scheduled' && Date.parse(row.starts_at) > now.getTime();
  const manage = can(actor, 'programme.manageEvents', {
    type: 'programme',
    hostId,
    programmeId: row.programme_id,
  });
  return {
    id: row.id,
    programmeId: row.programme_id,
    programmeName,
    kind: row.kind,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    localStart: localIn(row.starts_at, row.time_zone),
    localEnd: localIn(row.ends_at, row.time_zone),
    viewerLocalStart: localIn(row.starts_at, zone),
    viewerLocalEnd: localIn(row.ends_at, zone),
    place: row.place,
    videoUrl: row.video_url,
    status: row.status,
    sequence: row.sequence,
    pollId: row.poll_id,
    abilities: { manage: manage && ahead },
  };
}

async function viewerZone(ctx: AppContext, actor: PersonActor): Promise<string> {
  const row = await ctx.store.plain
    .selectFrom('person')
    .select('time_zone')
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

/** Events of the given programmes, earliest first; `since` leaves out those already over. */
async function presentEvents(
  ctx: AppContext,
  actor: PersonActor,
  programmeIds: string[],
  zone: string,
  since?: string,
) {
  if (!programmeIds.length) return [];
  let query = ctx.store.plain
    .selectFrom('programme_event')
    .innerJoin('programme', 'programme.id', 'programme_event.programme_id')
    .selectAll('programme_event')
    .select(['programme.name as programme_name', 'programme.host_id'])
    .where('programme_event.programme_id', 'in', programmeIds)
    .orderBy('programme_event.starts_at');
  if (since) query = query.where('programme_event.ends_at', '>=', since);
  const rows = await query.execute();
  return rows.map((r) => present(actor, r, r.programme_name, r.host_id, zone, ctx.now()));
}

export async function getProgrammeEvent(ctx: AppContext, actor: PersonActor, eventId: string) {
  const row = await eventRow(ctx, eventId);
  const programme = await programmeResource(ctx.store.plain, row.programme_id);
  authorize(actor, 'programme.readEvents', programme);
  const name = await ctx.store.plain
    .selectFrom('programme')
    .select('name')
    .where('id', '=', row.programme_id)
    .executeTakeFirstOrThrow();
  return present(actor, row, name.name, programme.hostId, await viewerZone(ctx, actor), ctx.now());
}

export async function listProgrammeEvents(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.readEvents', await programmeResource(ctx.store.plain, programmeId));
  return presentEvents(ctx, actor, [programmeId], await viewerZone(ctx, actor));
}

/** For the coordinators' programme calendar (its caller has checked programme.readCalendar). */
export const calendarEvents = (ctx: AppContext, actor: PersonActor, programmeId: string, zone: string) =>
  presentEvents(ctx, actor, [programmeId], zone);

/** For a person's Upcoming: the events of the programmes of their sets, not yet over. */
export async function upcomingEvents(ctx: AppContext, actor: PersonActor, zone: string, since: string) {
  return presentEvents(ctx, actor, await programmesOfPerson(ctx.store.plain, actor.personId), zone, since);
}

export interface EventChange {
  title?: string | undefined;
  localStart?: string | undefined;
  timeZone?: string | undefined;
  durationMinutes?: number | undefined;
  place?: string | undefined;
  videoUrl?: string | undefined;
}

/** Loads an event for a change: who may manage it, and only while it is still to come and not cancelled. */
async function changeable(ctx: AppContext, actor: PersonActor, eventId: string) {
  const row = await eventRow(ctx, eventId);
  authorize(actor, 'programme.manageEvents', await programmeResource(ctx.store.plain, row.programme_id));
  if (row.status === 'cancelled') throw conflict('This event is cancelled, so it can no longer change.');
  if (Date.parse(row.starts_at) <= ctx.now().getTime())
    throw conflict('This event has already begun, so it can no longer change.');
  return row;
}

/** Moves an event or changes its title, place or link: same UID, SEQUENCE + 1, everyone is told. */
export async function changeProgrammeEvent(
  ctx: AppContext,
  actor: PersonActor,
  eventId: string,
  change: EventChange,
) {
  const row = await changeable(ctx, actor, eventId);
  const timeZone = change.timeZone ?? row.time_zone;
  const minutes =
    change.durationMinutes ?? Math.round((Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 60_000);
  const start = localToUtc({ local: change.localStart ?? localIn(row.starts_at, row.time_zone), timeZone });
  if (start.getTime() <= ctx.now().getTime())
    throw new Problem('validation-failed', 'The new time must be later than now.', [
      { field: 'body.localStart', message: 'must be later than now' },
    ]);
  await ctx.store.plain.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('programme_event')
      .set({
        title: change.title ?? row.title,
        starts_at: start.toISOString(),
        ends_at: new Date(start.getTime() + minutes * 60_000).toISOString(),
        time_zone: timeZone,
        place: change.place ?? row.place,
        video_url: change.videoUrl ?? row.video_url,
        sequence: row.sequence + 1,
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', eventId)
      .where('sequence', '=', row.sequence)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('Someone else changed this event just now.');
    await sendEventNotices(ctx, trx, eventId);
  });
  ctx.mail.wake();
  return getProgrammeEvent(ctx, actor, eventId);
}

/** Cancels an event: it stays in calendars as STATUS:CANCELLED, and everyone is told. */
export async function cancelProgrammeEvent(ctx: AppContext, actor: PersonActor, eventId: string) {
  const row = await changeable(ctx, actor, eventId);
  await ctx.store.plain.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('programme_event')
      .set({ status: 'cancelled', sequence: row.sequence + 1, updated_at: ctx.now().toISOString() })
      .where('id', '=', eventId)
      .where('sequence', '=', row.sequence)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('Someone else changed this event just now.');
    await sendEventNotices(ctx, trx, eventId);
  });
  ctx.mail.wake();
  return getProgrammeEvent(ctx, actor, eventId);
}

export async function programmeEventIcs(ctx: AppContext, actor: PersonActor, eventId: string) {
  const row = await eventRow(ctx, eventId);
  authorize(actor, 'programme.readEvents', await programmeResource(ctx.store.plain, row.programme_id));
  const events = await loadCalendarEvents(ctx.store.plain, { eventIds: [eventId] });
  return buildCalendar({ name: events[0]!.setName, meetings: events, publicUrl: ctx.config.publicUrl });
}
