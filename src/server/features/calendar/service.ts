import { randomBytes } from 'node:crypto';
import type { FeedStatus } from '../../../contract/calendar.ts';
import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { hashToken } from '../link-tokens.ts';
import { meetingSetResource } from '../meetings/service.ts';
import { calendarReader } from '../notifications/mails.ts';
import { facilitatedEventIds, loadCalendarEvents, programmesOfPerson } from '../programme-events/queries.ts';
import { personResource, setResource } from '../resources.ts';
import { buildCalendar, loadCalendarMeetings } from './ics.ts';

const feedUrl = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/api/calendar/feeds/${token}.ics`;

/** The person's zone and language, so an .ics says when in their own time. */
async function readerOf(ctx: AppContext, personId: string) {
  const row = await ctx.db
    .selectFrom('person')
    .select(['language', 'timeZone'])
    .where('id', '=', personId)
    .executeTakeFirst();
  return row ? calendarReader(ctx, row) : undefined;
}

async function self(ctx: AppContext, actor: PersonActor) {
  authorize(actor, 'person.update', await personResource(ctx.db, actor.personId));
}

export async function feedStatus(ctx: AppContext, actor: PersonActor): Promise<FeedStatus> {
  await self(ctx, actor);
  const row = await ctx.db
    .selectFrom('calendarFeed')
    .select('createdAt')
    .where('personId', '=', actor.personId)
    .executeTakeFirst();
  return { active: Boolean(row), createdAt: row?.createdAt ?? null };
}

/** A new private feed address; any earlier one stops working. Only the hash is kept, so it is shown once. */
export async function regenerateFeed(ctx: AppContext, actor: PersonActor): Promise<FeedStatus> {
  await self(ctx, actor);
  const token = randomBytes(24).toString('base64url');
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    await tx.db.deleteFrom('calendarFeed').where('personId', '=', actor.personId).execute();
    await tx.db
      .insertInto('calendarFeed')
      .values({ personId: actor.personId, tokenHash: hashToken(token), createdAt: now })
      .execute();
  });
  return { active: true, createdAt: now, url: feedUrl(ctx, token) };
}

export async function revokeFeed(ctx: AppContext, actor: PersonActor): Promise<FeedStatus> {
  await self(ctx, actor);
  await ctx.db.deleteFrom('calendarFeed').where('personId', '=', actor.personId).execute();
  return { active: false, createdAt: null };
}

/** The feed behind a private address: every meeting of every set the person belongs to, and their programmes' events. */
export async function feedForToken(ctx: AppContext, token: string): Promise<string> {
  const feed = await ctx.db
    .selectFrom('calendarFeed')
    .innerJoin('person', 'person.id', 'calendarFeed.personId')
    .select(['person.id', 'person.archivedAt', 'person.language', 'person.timeZone'])
    .where('calendarFeed.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!feed || feed.archivedAt) throw notFound('calendar feed');
  const sets = await ctx.db
    .selectFrom('setMembership')
    .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
    .select('setMembership.setId')
    .where('setMembership.personId', '=', feed.id)
    .where('learningSet.archivedAt', 'is', null)
    .execute();
  const meetings = await loadCalendarMeetings(ctx.db, { setIds: sets.map((s) => s.setId) });
  const events = await loadCalendarEvents(ctx.db, {
    programmeIds: await programmesOfPerson(ctx.db, feed.id),
  });
  // Workshops they facilitate from outside the programme's sets.
  const known = new Set(events.map((e) => e.id));
  const facilitated = (await facilitatedEventIds(ctx.db, feed.id)).filter((id) => !known.has(id));
  if (facilitated.length) events.push(...(await loadCalendarEvents(ctx.db, { eventIds: facilitated })));
  return buildCalendar({
    name: 'Action learning (Revans)',
    meetings: [...meetings, ...events],
    publicUrl: ctx.config.publicUrl,
    reader: calendarReader(ctx, feed),
  });
}

export async function meetingIcs(ctx: AppContext, actor: PersonActor, meetingId: string): Promise<string> {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.readSchedule', set);
  const meetings = await loadCalendarMeetings(ctx.db, { meetingIds: [meetingId] });
  return buildCalendar({
    name: meetings[0]!.setName,
    meetings,
    publicUrl: ctx.config.publicUrl,
    reader: await readerOf(ctx, actor.personId),
  });
}

export async function seriesIcs(ctx: AppContext, actor: PersonActor, seriesId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('meetingSeries')
    .select(['setId'])
    .where('id', '=', seriesId)
    .executeTakeFirst();
  if (!row) throw notFound('meeting series');
  authorize(actor, 'meeting.readSchedule', await setResource(ctx.db, row.setId));
  const ids = await ctx.db.selectFrom('meeting').select('id').where('seriesId', '=', seriesId).execute();
  const meetings = await loadCalendarMeetings(ctx.db, { meetingIds: ids.map((i) => i.id) });
  return buildCalendar({
    name: meetings[0]?.setName ?? 'Meetings',
    meetings,
    publicUrl: ctx.config.publicUrl,
    reader: await readerOf(ctx, actor.personId),
  });
}
