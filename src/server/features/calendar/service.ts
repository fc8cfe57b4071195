import { createHash, randomBytes } from 'node:crypto';
import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { notFound } from '../../http/problem.ts';
import { meetingSetResource } from '../meetings/service.ts';
import { loadCalendarEvents, programmesOfPerson } from '../programme-events/queries.ts';
import { personResource, setResource } from '../resources.ts';
import { buildCalendar, loadCalendarMeetings } from './ics.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const feedUrl = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/api/calendar/feeds/${token}.ics`;

async function self(ctx: AppContext, actor: PersonActor) {
  authorize(actor, 'person.update', await personResource(ctx.db, actor.personId));
}

export async function feedStatus(ctx: AppContext, actor: PersonActor) {
  await self(ctx, actor);
  const row = await ctx.store.plain
    .selectFrom('calendar_feed')
    .select('created_at')
    .where('person_id', '=', actor.personId)
    .executeTakeFirst();
  return { active: Boolean(row), createdAt: row?.created_at ?? null };
}

/** A new private feed address; any earlier one stops working. Only the hash is kept, so it is shown once. */
export async function regenerateFeed(ctx: AppContext, actor: PersonActor) {
  await self(ctx, actor);
  const token = randomBytes(24).toString('base64url');
  const now = ctx.now().toISOString();
  await ctx.store.plain.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_feed').where('person_id', '=', actor.personId).execute();
    await trx
      .insertInto('calendar_feed')
      .values({ person_id: actor.personId, token_hash: hashToken(token), created_at: now })
      .execute();
  });
  return { active: true, createdAt: now, url: feedUrl(ctx, token) };
}

export async function revokeFeed(ctx: AppContext, actor: PersonActor) {
  await self(ctx, actor);
  await ctx.store.plain.deleteFrom('calendar_feed').where('person_id', '=', actor.personId).execute();
  return { active: false, createdAt: null };
}

/** The feed behind a private address: every meeting of every set the person belongs to, and their programmes' events. */
export async function feedForToken(ctx: AppContext, token: string): Promise<string> {
  const db = ctx.store.plain;
  const feed = await db
    .selectFrom('calendar_feed')
    .innerJoin('person', 'person.id', 'calendar_feed.person_id')
    .select(['person.id', 'person.archived_at'])
    .where('calendar_feed.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!feed || feed.archived_at) throw notFound('calendar feed');
  const sets = await db
    .selectFrom('set_membership')
    .innerJoin('learning_set', 'learning_set.id', 'set_membership.set_id')
    .select('set_membership.set_id')
    .where('set_membership.person_id', '=', feed.id)
    .where('learning_set.archived_at', 'is', null)
    .execute();
  const meetings = await loadCalendarMeetings(db, { setIds: sets.map((s) => s.set_id) });
  const events = await loadCalendarEvents(db, { programmeIds: await programmesOfPerson(db, feed.id) });
  return buildCalendar({
    name: 'Action learning (Revans)',
    meetings: [...meetings, ...events],
    publicUrl: ctx.config.publicUrl,
  });
}

export async function meetingIcs(ctx: AppContext, actor: PersonActor, meetingId: string): Promise<string> {
  const set = await meetingSetResource(ctx, meetingId);
  authorize(actor, 'meeting.readSchedule', set);
  const meetings = await loadCalendarMeetings(ctx.store.plain, { meetingIds: [meetingId] });
  return buildCalendar({ name: meetings[0]!.setName, meetings, publicUrl: ctx.config.publicUrl });
}

export async function seriesIcs(ctx: AppContext, actor: PersonActor, seriesId: string): Promise<string> {
  const row = await ctx.store.plain
    .selectFrom('meeting_series')
    .select(['set_id'])
    .where('id', '=', seriesId)
    .executeTakeFirst();
  if (!row) throw notFound('meeting series');
  authorize(actor, 'meeting.readSchedule', await setResource(ctx.store.plain, row.set_id));
  const ids = await ctx.store.plain
    .selectFrom('meeting')
    .select('id')
    .where('series_id', '=', seriesId)
    .execute();
  const meetings = await loadCalendarMeetings(ctx.store.plain, { meetingIds: ids.map((i) => i.id) });
  return buildCalendar({
    name: meetings[0]?.setName ?? 'Meetings',
    meetings,
    publicUrl: ctx.config.publicUrl,
  });
}
