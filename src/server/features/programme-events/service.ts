import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  NewProgrammeEvent,
  ProgrammeEvent,
  ProgrammeEventChange,
  ProgrammeEventKind,
} from '../../../contract/programme-events.ts';
import { can, type PersonActor } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { precompiled } from '../../store/precompiled.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { buildCalendar } from '../calendar/ics.ts';
import { programmeResource } from '../resources.ts';
import { sendWorkshopInvitations } from '../workshops/mail.ts';
import { sendEventNotices } from './notices.ts';
import { loadCalendarEvents } from './queries.ts';

type EventRow = DB['programmeEvent'];
/** What a new version of an event may change (its identity, version and clock are set by the write). */
export type EventChange = Partial<Omit<EventRow, 'id' | 'sequence' | 'updatedAt'>>;

/** A programme-wide poll's confirmed option becomes a gathering of the whole programme. */
export async function insertPollEvent(
  ctx: AppContext,
  actor: PersonActor,
  poll: DB['poll'],
  option: DB['pollOption'],
): Promise<string> {
  const id = randomUUID();
  const now = ctx.now().toISOString();
  // A workshop waiting for this poll gets its date: the event is the workshop's, with its title and place.
  const workshop = await ctx.db
    .selectFrom('workshop')
    .select(['id', 'title', 'place', 'videoUrl'])
    .where('pollId', '=', poll.id)
    .executeTakeFirst();
  await ctx.db
    .insertInto('programmeEvent')
    .values({
      id,
      programmeId: poll.programmeId,
      kind: workshop ? 'workshop' : 'gathering',
      title: workshop?.title ?? poll.title,
      startsAt: option.startsAt,
      endsAt: option.endsAt,
      timeZone: poll.timeZone,
      place: workshop?.place ?? poll.place,
      videoUrl: workshop?.videoUrl ?? poll.videoUrl,
      status: 'scheduled',
      sequence: 0,
      pollId: poll.id,
      createdBy: actor.personId,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  if (workshop)
    await ctx.db
      .updateTable('workshop')
      .set({ eventId: id, timeZone: poll.timeZone, durationMinutes: poll.durationMinutes, updatedAt: now })
      .where('id', '=', workshop.id)
      .execute();
  // A facilitator from outside the programme's sets hears of the date too (the sets hear through the poll).
  if (workshop) await sendWorkshopInvitations(ctx, workshop.id, { facilitatorOnly: true });
  return id;
}

async function eventRow(ctx: AppContext, eventId: string): Promise<EventRow> {
  const row = await ctx.db
    .selectFrom('programmeEvent')
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
export function presentProgrammeEvent(
  actor: PersonActor,
  row: EventRow & { workshopId?: string | null },
  programmeName: string,
  hostId: string,
  zone: string,
  now: Date,
): ProgrammeEvent {
  const ahead = row.status === 'scheduled' && Date.parse(row.startsAt) > now.getTime();
  const manage = can(actor, 'programme.manageEvents', {
    type: 'programme',
    hostId,
    programmeId: row.programmeId,
  });
  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeName,
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    localStart: localIn(row.startsAt, row.timeZone),
    localEnd: localIn(row.endsAt, row.timeZone),
    viewerLocalStart: localIn(row.startsAt, zone),
    viewerLocalEnd: localIn(row.endsAt, zone),
    place: row.place,
    videoUrl: row.videoUrl,
    status: row.status,
    sequence: row.sequence,
    pollId: row.pollId,
    workshopId: row.workshopId ?? null,
    abilities: { manage: manage && ahead },
  };
}

/** The viewer's own time zone: every time they see is also shown in it. */
const zoneOfPerson = precompiled((db, p: { personId: string }) =>
  db.selectFrom('person').select('timeZone').where('id', '=', p.personId),
);

export async function viewerZone(ctx: AppContext, actor: PersonActor): Promise<string> {
  const row = await zoneOfPerson.takeFirst(ctx.db, { personId: actor.personId });
  if (!row) throw notFound('person');
  return row.timeZone;
}

/** What a presented event is read from: the event, its programme's name and host, its workshop if any. */
const eventRows = (db: Kysely<DB>) =>
  db
    .selectFrom('programmeEvent')
    .innerJoin('programme', 'programme.id', 'programmeEvent.programmeId')
    .leftJoin('workshop', 'workshop.eventId', 'programmeEvent.id')
    .selectAll('programmeEvent')
    .select(['programme.name as programmeName', 'programme.hostId', 'workshop.id as workshopId'])
    .orderBy('programmeEvent.startsAt');

type PresentableRow = Awaited<ReturnType<ReturnType<typeof eventRows>['execute']>>[number];

const present = (ctx: AppContext, actor: PersonActor, rows: PresentableRow[], zone: string) =>
  rows.map((r) => presentProgrammeEvent(actor, r, r.programmeName, r.hostId, zone, ctx.now()));

/** A programme's events, earliest first. */
async function programmeEvents(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  zone: string,
): Promise<ProgrammeEvent[]> {
  const rows = await eventRows(ctx.db).where('programmeEvent.programmeId', '=', programmeId).execute();
  return present(ctx, actor, rows, zone);
}

export async function getProgrammeEvent(
  ctx: AppContext,
  actor: PersonActor,
  eventId: string,
): Promise<ProgrammeEvent> {
  const row = await eventRow(ctx, eventId);
  const programme = await programmeResource(ctx.db, row.programmeId);
  authorize(actor, 'programme.readEvents', programme);
  const name = await ctx.db
    .selectFrom('programme')
    .select('name')
    .where('id', '=', row.programmeId)
    .executeTakeFirstOrThrow();
  const workshop = await ctx.db
    .selectFrom('workshop')
    .select('id')
    .where('eventId', '=', row.id)
    .executeTakeFirst();
  return presentProgrammeEvent(
    actor,
    { ...row, workshopId: workshop?.id ?? null },
    name.name,
    programme.hostId,
    await viewerZone(ctx, actor),
    ctx.now(),
  );
}

export async function listProgrammeEvents(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.readEvents', await programmeResource(ctx.db, programmeId));
  return programmeEvents(ctx, actor, programmeId, await viewerZone(ctx, actor));
}

/** For the coordinators' programme calendar (its caller has checked programme.readCalendar). */
export const calendarEvents = (ctx: AppContext, actor: PersonActor, programmeId: string, zone: string) =>
  programmeEvents(ctx, actor, programmeId, zone);

/**
 * A person's events not yet over: those of the programmes of their (not archived) sets, and of the dated
 * workshops they facilitate (a person of the host, perhaps in none of its sets). Written around the person,
 * so its SQL never changes and is compiled once.
 */
const upcomingEventRows = precompiled((db, p: { personId: string; since: string }) =>
  eventRows(db)
    .where('programmeEvent.endsAt', '>=', p.since)
    .where((eb) =>
      eb.or([
        eb(
          'programmeEvent.programmeId',
          'in',
          eb
            .selectFrom('setMembership')
            .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
            .select('learningSet.programmeId')
            .where('setMembership.personId', '=', p.personId)
            .where('learningSet.archivedAt', 'is', null),
        ),
        eb(
          'programmeEvent.id',
          'in',
          eb
            .selectFrom('workshop as facilitated')
            .select('facilitated.eventId')
            .where('facilitated.facilitatorId', '=', p.personId),
        ),
      ]),
    ),
);

/** For a person's Upcoming; the zone is awaited alongside the read. */
export async function upcomingEvents(
  ctx: AppContext,
  actor: PersonActor,
  since: string,
  zone: Promise<string>,
): Promise<ProgrammeEvent[]> {
  const [rows, viewer] = await Promise.all([
    upcomingEventRows.execute(ctx.db, { personId: actor.personId, since }),
    zone,
  ]);
  return present(ctx, actor, rows, viewer);
}

/** A programme event dated now (not by a poll): a gathering agreed outside Revans, or a workshop's date. */
export async function insertDatedEvent(
  ctx: AppContext,
  event: { id: string; programmeId: string; kind: ProgrammeEventKind; start: Date; createdBy: string },
  input: Pick<NewProgrammeEvent, 'title' | 'durationMinutes' | 'timeZone' | 'place' | 'videoUrl'>,
): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('programmeEvent')
    .values({
      id: event.id,
      programmeId: event.programmeId,
      kind: event.kind,
      title: input.title,
      startsAt: event.start.toISOString(),
      endsAt: new Date(event.start.getTime() + input.durationMinutes * 60_000).toISOString(),
      timeZone: input.timeZone,
      place: input.place,
      videoUrl: input.videoUrl,
      status: 'scheduled',
      sequence: 0,
      pollId: null,
      createdBy: event.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

/**
 * A date already agreed (a gathering fixed outside Revans): no poll needed. Everyone in the programme's
 * sets is told with its .ics, in the transaction that adds it.
 */
export async function createProgrammeEvent(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
  input: NewProgrammeEvent,
): Promise<ProgrammeEvent> {
  authorize(actor, 'programme.manageEvents', await programmeResource(ctx.db, programmeId));
  const start = localToUtc({ local: input.localStart, timeZone: input.timeZone });
  if (start.getTime() <= ctx.now().getTime())
    throw new Problem('validation-failed', 'The new time must be later than now.', [
      { field: 'body.localStart', message: 'must be later than now' },
    ]);
  const id = randomUUID();
  await transact(ctx, async (tx) => {
    await insertDatedEvent(
      tx,
      { id, programmeId, kind: 'gathering', start, createdBy: actor.personId },
      input,
    );
    await sendEventNotices(tx, id, { announce: true });
    tx.afterCommit(() => tx.mail.wake());
  });
  return getProgrammeEvent(ctx, actor, id);
}

/** Loads an event for a change: who may manage it, and only while it is still to come and not cancelled. */
async function changeable(ctx: AppContext, actor: PersonActor, eventId: string) {
  const row = await eventRow(ctx, eventId);
  authorize(actor, 'programme.manageEvents', await programmeResource(ctx.db, row.programmeId));
  if (row.status === 'cancelled') throw conflict('This event is cancelled, so it can no longer change.');
  if (Date.parse(row.startsAt) <= ctx.now().getTime())
    throw conflict('This event has already begun, so it can no longer change.');
  return row;
}

/**
 * Within the caller's transaction: the event's next calendar version (same UID, SEQUENCE + 1), only if
 * nobody wrote one since `row` was read (else the caller's `changedMeanwhile` problem, a 409), and
 * everyone is sent the new .ics.
 */
export async function writeNextEventVersion(
  tx: AppContext,
  row: EventRow,
  change: EventChange,
  changedMeanwhile: () => Problem,
): Promise<void> {
  const updated = await tx.db
    .updateTable('programmeEvent')
    .set({ ...change, sequence: row.sequence + 1, updatedAt: tx.now().toISOString() })
    .where('id', '=', row.id)
    .where('sequence', '=', row.sequence)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw changedMeanwhile();
  await sendEventNotices(tx, row.id);
  tx.afterCommit(() => tx.mail.wake());
}

const nextVersion = (ctx: AppContext, row: EventRow, change: EventChange) =>
  transact(ctx, (tx) =>
    writeNextEventVersion(tx, row, change, () => conflict('Someone else changed this event just now.')),
  );

/** Moves an event or changes its title, place or link: same UID, SEQUENCE + 1, everyone is told. */
export async function changeProgrammeEvent(
  ctx: AppContext,
  actor: PersonActor,
  eventId: string,
  change: ProgrammeEventChange,
) {
  const row = await changeable(ctx, actor, eventId);
  const timeZone = change.timeZone ?? row.timeZone;
  const minutes =
    change.durationMinutes ?? Math.round((Date.parse(row.endsAt) - Date.parse(row.startsAt)) / 60_000);
  const start = localToUtc({ local: change.localStart ?? localIn(row.startsAt, row.timeZone), timeZone });
  if (start.getTime() <= ctx.now().getTime())
    throw new Problem('validation-failed', 'The new time must be later than now.', [
      { field: 'body.localStart', message: 'must be later than now' },
    ]);
  await nextVersion(ctx, row, {
    title: change.title ?? row.title,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
    timeZone,
    place: change.place ?? row.place,
    videoUrl: change.videoUrl ?? row.videoUrl,
  });
  return getProgrammeEvent(ctx, actor, eventId);
}

/** Cancels an event: it stays in calendars as STATUS:CANCELLED, and everyone is told. */
export async function cancelProgrammeEvent(ctx: AppContext, actor: PersonActor, eventId: string) {
  const row = await changeable(ctx, actor, eventId);
  await nextVersion(ctx, row, { status: 'cancelled' });
  return getProgrammeEvent(ctx, actor, eventId);
}

export async function programmeEventIcs(ctx: AppContext, actor: PersonActor, eventId: string) {
  const row = await eventRow(ctx, eventId);
  authorize(actor, 'programme.readEvents', await programmeResource(ctx.db, row.programmeId));
  const events = await loadCalendarEvents(ctx.db, { eventIds: [eventId] });
  return buildCalendar({ name: events[0]!.setName, meetings: events, publicUrl: ctx.config.publicUrl });
}
