import { randomUUID } from 'node:crypto';
import type { PersonActor } from '../../../domain/access.ts';
import { expandSeries } from '../../../domain/schedule/recurrence.ts';
import { planSeriesEdit } from '../../../domain/schedule/series-edit.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, Problem } from '../../http/problem.ts';
import { sendMeetingNotices } from '../notifications/mails.ts';
import { wakeNotifications } from '../notifications/scheduler.ts';
import { setResource } from '../resources.ts';
import {
  agendaFor,
  getSeries,
  insertMeeting,
  resolveDefinition,
  type SeriesInput,
  seriesRow,
} from './service.ts';

/**
 * Changes a series from a meeting still to come onwards: its time, zone, length, recurrence, last date
 * or place. Meetings before that day, and any already held or under way, are untouched. Each meeting still to come keeps its
 * calendar entry where it can (moved, SEQUENCE + 1, a change notice); meetings the new rule adds are
 * invited to, those it drops are cancelled. All in one transaction: a refused change changes nothing.
 */
export async function changeSeries(
  ctx: AppContext,
  actor: PersonActor,
  seriesId: string,
  input: SeriesInput,
) {
  const row = await seriesRow(ctx, seriesId);
  const set = await setResource(ctx.store.plain, row.set_id);
  authorize(actor, 'meeting.schedule', set);
  if (row.status !== 'active') throw conflict('This series is cancelled, so it can no longer change.');
  const def = await resolveDefinition(ctx, set.programmeId, input);
  const now = ctx.now();
  const next = expandSeries(def);
  if (next[0]!.startsAt.getTime() <= now.getTime())
    throw new Problem('validation-failed', 'The change must start with a meeting still to come.', [
      { field: 'body.firstLocal', message: 'must be later than now' },
    ]);
  const nowIso = now.toISOString();
  // "From this meeting on": the series' meetings from the first new meeting's day, and not yet begun.
  const fromDay = localToUtc({ local: `${def.firstLocal.slice(0, 10)}T00:00`, timeZone: def.timeZone });
  const cutoff = new Date(Math.max(now.getTime(), fromDay.getTime())).toISOString();
  const details = { timeZone: input.timeZone, place: input.place, videoUrl: input.videoUrl };

  await ctx.store.plain.transaction().execute(async (trx) => {
    const ahead = await trx
      .selectFrom('meeting')
      .select(['id', 'starts_at', 'ends_at', 'time_zone', 'place', 'video_url', 'status', 'sequence'])
      .where('series_id', '=', seriesId)
      .where('starts_at', '>=', cutoff)
      .where('starts_at', '>', nowIso)
      .where('status', 'in', ['scheduled', 'cancelled'])
      .execute();
    const coming = ahead.filter((m) => m.status === 'scheduled');
    const plan = planSeriesEdit(
      coming.map((m) => ({
        id: m.id,
        startsAt: m.starts_at,
        endsAt: m.ends_at,
        timeZone: m.time_zone,
        place: m.place,
        videoUrl: m.video_url,
      })),
      next,
      details,
    );
    // The occurrences still ahead are redrawn from the new rule; those behind stay as they were.
    if (ahead.length)
      await trx
        .deleteFrom('series_occurrence')
        .where('series_id', '=', seriesId)
        .where(
          'meeting_id',
          'in',
          ahead.map((m) => m.id),
        )
        .execute();
    const behind = new Set(
      (
        await trx
          .selectFrom('series_occurrence')
          .select('occurrence_key')
          .where('series_id', '=', seriesId)
          .execute()
      ).map((o) => o.occurrence_key),
    );
    const clash = next.find((o) => behind.has(o.key));
    if (clash)
      throw conflict(
        `A meeting already held was first planned for ${clash.key.replace('T', ' ')}; start the change at another time.`,
        'body.firstLocal',
      );
    const sequenceOf = new Map(coming.map((m) => [m.id, m.sequence]));
    const occurrence = (key: string, meetingId: string) =>
      trx
        .insertInto('series_occurrence')
        .values({ series_id: seriesId, occurrence_key: key, meeting_id: meetingId });
    for (const k of plan.keep) await occurrence(k.key, k.meetingId).execute();
    for (const c of plan.change) {
      await trx
        .updateTable('meeting')
        .set({
          starts_at: c.startsAt.toISOString(),
          ends_at: c.endsAt.toISOString(),
          time_zone: details.timeZone,
          place: details.place,
          video_url: details.videoUrl,
          sequence: sequenceOf.get(c.meetingId)! + 1,
          updated_at: nowIso,
        })
        .where('id', '=', c.meetingId)
        .execute();
      await occurrence(c.key, c.meetingId).execute();
    }
    const added: string[] = [];
    const agenda = plan.add.length ? await agendaFor(trx, row.set_id) : '';
    for (const a of plan.add) {
      const id = randomUUID();
      added.push(id);
      await insertMeeting(trx, {
        id,
        setId: row.set_id,
        seriesId,
        start: a.startsAt,
        end: a.endsAt,
        input: details,
        agenda,
        now,
      });
      await occurrence(a.key, id).execute();
    }
    for (const id of plan.cancel)
      await trx
        .updateTable('meeting')
        .set({ status: 'cancelled', sequence: sequenceOf.get(id)! + 1, updated_at: nowIso })
        .where('id', '=', id)
        .execute();
    await trx
      .updateTable('meeting_series')
      .set({
        time_zone: def.timeZone,
        first_local: def.firstLocal,
        duration_minutes: def.durationMinutes,
        rrule: def.rrule,
        until_date: def.untilDate,
        place: details.place,
        video_url: details.videoUrl,
        exceptions_json: JSON.stringify(def.exceptions),
        updated_at: nowIso,
      })
      .where('id', '=', seriesId)
      .execute();
    await sendMeetingNotices(ctx, trx, [...plan.change.map((c) => c.meetingId), ...added, ...plan.cancel]);
  });
  ctx.mail.wake();
  wakeNotifications(ctx);
  return getSeries(ctx, actor, seriesId);
}
